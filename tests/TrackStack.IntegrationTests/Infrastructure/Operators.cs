using TrackStack.Identity;

namespace TrackStack.IntegrationTests.Infrastructure;

public static class Operators
{
    /// <summary>Creates an active account the way 'TrackStack.Host users create' does.</summary>
    public static async Task<Guid> CreateOperatorAsync(this IServiceScopeFactory scopes, string email, string name = "Operator")
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, Accounts.Password, name, emailVerified: true, CancellationToken.None);
        Assert.Null(result.Errors);
        return result.User!.Id;
    }
}
