using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Modules;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Identity.Cli;
using TrackStack.Identity.Features.ExternalLogin;
using TrackStack.Identity.Features.Login;
using TrackStack.Identity.Features.Logout;
using TrackStack.Identity.Features.Me;
using TrackStack.Identity.Features.Refresh;
using TrackStack.Identity.Features.Register;
using TrackStack.Identity.Features.ResetPassword;
using TrackStack.Identity.Features.VerifyEmail;
using TrackStack.Identity.Infrastructure;

namespace TrackStack.Identity;

/// <summary>Accounts, sessions and sign-in: /api/auth/* and /api/me.</summary>
public static class IdentityModule
{
    public const string Name = "identity";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddIdentityModule(c), a => a.MapIdentityModule())
    {
        Commands = [services => UsersCommand.Create(services)],
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
        services.AddScoped<SessionService>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<CredentialCheck>();

        var settings = configuration.GetSection(TrackStackOptions.Section).Get<TrackStackOptions>() ?? new TrackStackOptions();
        ExternalProviders.Register(services.AddAuthentication(), settings.OAuth);
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Authentication").AllowAnonymous();
        auth.MapRegister();
        auth.MapLogin();
        auth.MapRefresh();
        auth.MapLogout();
        auth.MapVerifyEmail();
        auth.MapResetPassword();
        auth.MapExternalLogin();
        app.MapMe();
        return app;
    }
}
