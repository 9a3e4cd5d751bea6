using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrackStack.BuildingBlocks.Configuration;

public static class ModuleOptionsExtensions
{
    /// <summary>Binds a module's settings from <c>TrackStack:{section}</c> and checks them with their data
    /// annotations (and <see cref="IValidatableObject"/>) when the host starts, serves or migrates, so a wrong value
    /// stops every command with a line such as <c>TrackStack__Expenses__RecurringIntervalMinutes: must be ...</c>.</summary>
    public static OptionsBuilder<T> AddModuleOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new ModuleOptionsValidator<T>(section));
        return services.AddOptions<T>().Bind(configuration.GetSection($"{TrackStackOptions.Section}:{section}")).ValidateOnStart();
    }
}

/// <summary>Data-annotation checks whose messages name the environment variable to fix.</summary>
internal sealed class ModuleOptionsValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }
        return ValidateOptionsResult.Fail(results.Select(r =>
        {
            var member = r.MemberNames.FirstOrDefault();
            var setting = member is null ? $"TrackStack__{section}" : $"TrackStack__{section}__{member}";
            return $"{setting}: {r.ErrorMessage}";
        }));
    }
}
