namespace TrackStack.Nutrition.Infrastructure.Fetching;

/// <summary>The port a recipe URL import fetches its page through: the page's text, or a <see cref="PageFetchException"/>
/// whose message the user can act on. The adapter is <see cref="HttpRecipePageFetcher"/>.</summary>
internal interface IRecipePageFetcher
{
    Task<string> FetchAsync(Uri url, CancellationToken ct);
}

internal sealed class PageFetchException(string message) : Exception(message);
