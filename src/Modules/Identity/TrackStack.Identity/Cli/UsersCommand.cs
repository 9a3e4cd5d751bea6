using System.CommandLine;
using System.Security.Cryptography;

namespace TrackStack.Identity.Cli;

/// <summary>Operator commands: TrackStack.Host users create|list|reset-password|delete.</summary>
internal static class UsersCommand
{
    public static Command Create(CommandServices services)
    {
        var users = new Command("users", "Manage accounts (for operators of this server).");

        var email = new Option<string>("--email") { Description = "E-mail address of the account.", Required = true };
        var name = new Option<string>("--name") { Description = "Display name (default: the part before @)." };
        var password = new Option<string?>("--password") { Description = "Password; omit to generate one (printed once)." };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input." };

        var create = new Command("create", "Create an active account (no e-mail verification).") { email, name, password, stdin };
        create.SetAction(async (r, ct) =>
        {
            var sp = await services(ct);
            await using var scope = sp.CreateAsyncScope();
            var (secret, generated) = await ReadPasswordAsync(r.GetValue(password), r.GetValue(stdin));
            var address = r.GetValue(email)!;
            var display = r.GetValue(name) ?? address.Split('@')[0];
            var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(address, secret, display, emailVerified: true, ct);
            if (result.Errors is not null) return Fail(result.Errors.ToDictionary());
            Console.WriteLine($"Created {result.User!.Email} ({result.User.Id}).");
            if (generated) Console.WriteLine($"Password: {secret}");
            return 0;
        });

        var list = new Command("list", "List accounts.");
        list.SetAction(async (r, ct) =>
        {
            var sp = await services(ct);
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
            Console.WriteLine($"{"EMAIL",-40} {"NAME",-24} {"VERIFIED",-8} {"LOCKED",-6} {"CREATED",-16} LAST SIGN-IN");
            foreach (var u in rows)
            {
                var locked = u.LockoutEnd > DateTimeOffset.UtcNow ? "yes" : "no";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{u.Email,-40} {Cut(u.DisplayName, 24),-24} {(u.EmailConfirmed ? "yes" : "no"),-8} {locked,-6} {u.CreatedAt:yyyy-MM-dd HH:mm} {u.LastLoginAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"}"));
            }
            Console.WriteLine($"{rows.Count} account(s).");
            return 0;
        });

        var reset = new Command("reset-password", "Set a new password, unlock the account and sign out all its sessions.") { email, password, stdin };
        reset.SetAction(async (r, ct) =>
        {
            var sp = await services(ct);
            await using var scope = sp.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await manager.FindByEmailAsync(AccountRules.NormalizeEmail(r.GetValue(email)));
            if (user is null)
            {
                await Console.Error.WriteLineAsync($"No account with the e-mail {r.GetValue(email)}.");
                return 1;
            }
            var (secret, generated) = await ReadPasswordAsync(r.GetValue(password), r.GetValue(stdin));
            var errors = new BuildingBlocks.FieldErrors();
            await AccountRules.CheckPasswordAsync(errors, manager, user, secret);
            if (errors.Any) return Fail(errors.ToDictionary());
            await PasswordChange.ApplyAsync(manager, scope.ServiceProvider.GetRequiredService<IdentityDb>(), user, secret);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            await manager.UpdateAsync(user);
            await scope.ServiceProvider.GetRequiredService<SessionService>().RevokeAllAsync(user.Id, "operator-reset", ct);
            Console.WriteLine($"Password of {user.Email} changed; its sessions are signed out.");
            if (generated) Console.WriteLine($"Password: {secret}");
            return 0;
        });

        var delete = new Command("delete", "Delete an account: sign out all its sessions, delete it with its logins and tokens, and tell the other modules.") { email };
        delete.SetAction(async (r, ct) =>
        {
            var sp = await services(ct);
            await using var scope = sp.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await manager.FindByEmailAsync(AccountRules.NormalizeEmail(r.GetValue(email)));
            if (user is null)
            {
                await Console.Error.WriteLineAsync($"No account with the e-mail {r.GetValue(email)}.");
                return 1;
            }
            await scope.ServiceProvider.GetRequiredService<AccountRemoval>().DeleteAsync(user, "an operator", ct);
            Console.WriteLine($"Deleted {user.Email} ({user.Id}); its sessions are signed out.");
            return 0;
        });

        users.Subcommands.Add(create);
        users.Subcommands.Add(list);
        users.Subcommands.Add(reset);
        users.Subcommands.Add(delete);
        return users;
    }

    private static async Task<(string Password, bool Generated)> ReadPasswordAsync(string? given, bool fromStdin)
    {
        if (fromStdin) return (((await Console.In.ReadLineAsync()) ?? "").TrimEnd('\r', '\n'), false);
        if (!string.IsNullOrEmpty(given)) return (given, false);
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');
        return (generated, true);
    }

    private static int Fail(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var m in messages) Console.Error.WriteLine($"{field}: {m}");
        }
        return 1;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
