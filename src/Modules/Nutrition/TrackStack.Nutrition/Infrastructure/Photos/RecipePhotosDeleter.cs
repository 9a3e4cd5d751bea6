namespace TrackStack.Nutrition.Infrastructure.Photos;

/// <summary>A deleted household's recipe photos go with its rows (those the shared household-data deleter removes).</summary>
internal sealed class RecipePhotosDeleter(PhotoStore store) : IIntegrationEventHandler<HouseholdDeleted>
{
    public Task HandleAsync(HouseholdDeleted e, CancellationToken ct)
    {
        store.DeleteHousehold(e.HouseholdId);
        return Task.CompletedTask;
    }
}
