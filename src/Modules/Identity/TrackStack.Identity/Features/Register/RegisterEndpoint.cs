using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Email;
using TrackStack.BuildingBlocks.Http;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Identity.Contracts;
using TrackStack.Identity.Infrastructure;

namespace TrackStack.Identity.Features.Register;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record RegisterResponse(UserResponse User, bool VerificationRequired, DateTime? AccessTokenExpiresAt);

internal static class RegisterEndpoint
{
    public static void MapRegister(this RouteGroupBuilder auth) =>
        auth.MapPost("/register", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Create an account")
            .WithDescription("Creates an account and its personal household. Without SMTP the account is active at once and signed in (cookies set); with SMTP a verification link is e-mailed first.");

    internal static async Task<Results<Created<RegisterResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        RegisterRequest request, HttpContext http, UserAccounts accounts, SessionService sessions, AccountEmails emails,
        IEmailSender sender, IOptions<TrackStackOptions> options, CancellationToken ct)
    {
        if (!options.Value.Auth.AllowRegistration)
        {
            return Problems.Forbidden("Sign-up is closed on this server. Ask its operator for an account.");
        }
        var verificationRequired = sender.IsConfigured;
        var result = await accounts.CreateAsync(request.Email, request.Password, request.DisplayName, emailVerified: !verificationRequired, ct);
        if (result.Errors is not null) return result.Errors.ToResult();
        var user = result.User!;

        if (verificationRequired)
        {
            await emails.SendVerificationAsync(user, ct);
            return TypedResults.Created("/api/me", new RegisterResponse(user.ToResponse(), true, null));
        }
        var session = await sessions.StartAsync(user, http, ct);
        sessions.WriteCookies(http, session);
        return TypedResults.Created("/api/me", new RegisterResponse(user.ToResponse(), false, session.AccessExpiresAt));
    }
}

/// <summary>Creating accounts, shared by sign-up, the operator CLI and first external sign-in.</summary>
internal sealed class UserAccounts(UserManager<User> users, IdentityDb db, TimeProvider clock)
{
    public sealed record CreateResult(User? User, FieldErrors? Errors);

    public async Task<CreateResult> CreateAsync(string? rawEmail, string? password, string? displayName, bool emailVerified, CancellationToken ct,
        UserLoginInfo? externalLogin = null)
    {
        var email = AccountRules.NormalizeEmail(rawEmail);
        var errors = new FieldErrors();
        AccountRules.CheckEmail(errors, email);
        AccountRules.CheckDisplayName(errors, displayName);
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            UserName = email,
            DisplayName = displayName?.Trim() ?? "",
            EmailConfirmed = emailVerified,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        if (externalLogin is null) await AccountRules.CheckPasswordAsync(errors, users, user, password);
        if (!errors.Any && await users.FindByEmailAsync(email) is not null)
        {
            errors.Add("email", "An account with this e-mail address already exists. Sign in, or reset your password.");
        }
        if (errors.Any) return new CreateResult(null, errors);

        // One transaction: the user row and the UserRegistered event commit together (transactional outbox).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = externalLogin is null ? await users.CreateAsync(user, password!) : await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
            {
                errors.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description);
            }
            return new CreateResult(null, errors);
        }
        if (externalLogin is not null)
        {
            var linked = await users.AddLoginAsync(user, externalLogin);
            if (!linked.Succeeded) throw new InvalidOperationException(string.Join("; ", linked.Errors.Select(e => e.Description)));
        }
        db.PublishEvent(new UserRegistered(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, user.Id, email, user.DisplayName));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CreateResult(user, null);
    }
}
