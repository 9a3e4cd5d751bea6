using Microsoft.Extensions.DependencyInjection.Extensions;
using TrackStack.Identity.Cli;
using TrackStack.Identity.Features.ChangePassword;
using TrackStack.Identity.Features.CheckSession;
using TrackStack.Identity.Features.DeleteAccount;
using TrackStack.Identity.Features.GetMe;
using TrackStack.Identity.Features.IssueToken;
using TrackStack.Identity.Features.ListSignInProviders;
using TrackStack.Identity.Features.RefreshSession;
using TrackStack.Identity.Features.RegisterAccount;
using TrackStack.Identity.Features.RequestPasswordReset;
using TrackStack.Identity.Features.ResendVerification;
using TrackStack.Identity.Features.ResetPassword;
using TrackStack.Identity.Features.SignIn;
using TrackStack.Identity.Features.SignInExternally;
using TrackStack.Identity.Features.SignOut;
using TrackStack.Identity.Features.UpdateProfile;
using TrackStack.Identity.Features.VerifyEmail;

namespace TrackStack.Identity;

/// <summary>Accounts, sessions and sign-in: /api/auth/* and /api/me.</summary>
public static class IdentityModule
{
    public const string Name = "identity";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddIdentityModule(c), a => a.MapIdentityModule())
    {
        Commands = [services => UsersCommand.Create(services)],
        Routes =
        [
            new("/api/auth"), new("/api/me"),
            // What a password guesser or an e-mail flood would call: the gateway limits these per client too.
            new("/api/auth/register", EdgeLimit.Credentials), new("/api/auth/login", EdgeLimit.Credentials),
            new("/api/auth/token", EdgeLimit.Credentials), new("/api/auth/refresh", EdgeLimit.Credentials),
            new("/api/auth/forgot-password", EdgeLimit.Credentials), new("/api/auth/reset-password", EdgeLimit.Credentials),
            new("/api/auth/verify-email", EdgeLimit.Credentials), new("/api/me/password", EdgeLimit.Credentials),
        ],
    };

    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IdentityDb>(IdentityDb.Module);
        services.AddIdentityCore<User>().AddEntityFrameworkStores<IdentityDb>();
        services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<User>, Argon2idPasswordHasher>());
        services.AddScoped<IPasswordValidator<User>, NotEmailPasswordValidator>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<TrackStackOptions>>((o, ts) =>
        {
            // Length over composition rules (NIST SP 800-63B): long passphrases beat "P@ssw0rd1".
            o.Password.RequiredLength = 10;
            o.Password.RequiredUniqueChars = 4;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.User.RequireUniqueEmail = true;
            o.User.AllowedUserNameCharacters = "";
            o.Lockout.AllowedForNewUsers = true;
            o.Lockout.MaxFailedAccessAttempts = ts.Value.Auth.MaxFailedLogins;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(ts.Value.Auth.LockoutMinutes);
        });
        services.AddMemoryCache();
        services.AddSingleton<SessionValidity>();
        services.AddSingleton<ISessionValidity>(sp => sp.GetRequiredService<SessionValidity>());
        services.AddScoped<SessionService>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<AccountRemoval>();
        services.AddScoped<CredentialCheck>();

        var settings = configuration.GetSection(TrackStackOptions.Section).Get<TrackStackOptions>() ?? new TrackStackOptions();
        ExternalProviders.Register(services.AddAuthentication(), settings.OAuth);
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Authentication").AllowAnonymous();
        auth.MapRegisterAccount();
        auth.MapSignIn();
        auth.MapIssueToken();
        auth.MapRefreshSession();
        auth.MapSignOut();
        auth.MapVerifyEmail();
        auth.MapResendVerification();
        auth.MapRequestPasswordReset();
        auth.MapResetPassword();
        auth.MapListSignInProviders();
        auth.MapStartExternalSignIn();
        auth.MapCompleteExternalSignIn();

        var me = app.MapGroup("/api/me").RequireAuthorization().WithTags("Account");
        me.MapGetMe();
        me.MapUpdateProfile();
        me.MapChangePassword();
        me.MapCheckSession();
        me.MapDeleteAccount();
        return app;
    }
}
