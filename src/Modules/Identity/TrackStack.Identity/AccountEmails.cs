namespace TrackStack.Identity;

/// <summary>Creates single-use link tokens and mails them. A mail failure is logged and never fails the
/// request that caused it: the user can ask for the link again.</summary>
internal sealed class AccountEmails(IdentityDb db, IEmailSender sender, IOptions<TrackStackOptions> options, TimeProvider clock, ILogger<AccountEmails> logger)
{
    public async Task SendVerificationAsync(User user, CancellationToken ct)
    {
        var token = await CreateTokenAsync(user, EmailTokenPurpose.VerifyEmail, TimeSpan.FromHours(options.Value.Auth.EmailTokenHours), ct);
        var link = Link("verify-email", token);
        await SendAsync(new EmailMessage(user.Email!, "Confirm your TrackStack e-mail address",
            $"Hello {user.DisplayName},\n\nConfirm your e-mail address to activate your TrackStack account:\n\n{link}\n\nThe link works once and expires in {options.Value.Auth.EmailTokenHours} hours. If you did not sign up, ignore this message.\n"), ct);
    }

    public async Task SendPasswordResetAsync(User user, CancellationToken ct)
    {
        var minutes = options.Value.Auth.PasswordResetTokenMinutes;
        var token = await CreateTokenAsync(user, EmailTokenPurpose.ResetPassword, TimeSpan.FromMinutes(minutes), ct);
        var link = Link("reset-password", token);
        await SendAsync(new EmailMessage(user.Email!, "Reset your TrackStack password",
            $"Hello {user.DisplayName},\n\nSomeone (hopefully you) asked to reset your TrackStack password. Choose a new one here:\n\n{link}\n\nThe link works once and expires in {minutes} minutes. If you did not ask for this, ignore this message: your password stays as it is.\n"), ct);
    }

    /// <summary>Someone tried to sign up with an address that already has an account: tell its owner instead of
    /// telling the stranger (sign-up answers as for a new address).</summary>
    public async Task SendSignUpAttemptAsync(User user, CancellationToken ct)
    {
        var site = options.Value.PublicBaseUrl.TrimEnd('/');
        await SendAsync(new EmailMessage(user.Email!, "Someone tried to sign up to TrackStack with your address",
            $"Hello {user.DisplayName},\n\nSomeone (hopefully you) tried to create a TrackStack account with this e-mail address, but you already have one.\n\nSign in: {site}/sign-in\nForgot your password? Reset it: {site}/forgot-password\n\nIf it was not you, ignore this message: nothing was changed.\n"), ct);
    }

    private async Task<string> CreateTokenAsync(User user, EmailTokenPurpose purpose, TimeSpan lifetime, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = SecretToken.Create();
        db.EmailTokens.Add(new EmailToken
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            Purpose = purpose,
            TokenHash = SecretToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    private string Link(string page, string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/{page}?token={Uri.EscapeDataString(token)}";

    private async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not send '{Subject}' to {To}", message.Subject, message.To);
        }
    }
}
