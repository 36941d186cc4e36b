using System.ComponentModel.DataAnnotations;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;

namespace Lapak.Web.Infrastructure.Startup;

/// <summary>
/// Checks the configuration before anything starts and stops with one clear line per problem,
/// instead of a failure deep inside the first request.
/// </summary>
public static class ConfigurationValidation
{
    public static IReadOnlyList<string> Problems(IConfiguration c)
    {
        var problems = new List<string>();
        void Check<T>(string section) where T : new()
        {
            T value;
            try { value = c.GetSection(section).Get<T>() ?? new T(); }
            catch (InvalidOperationException ex)
            {
                problems.Add($"{section}: {ex.InnerException?.Message ?? ex.Message}");
                return;
            }
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
                problems.AddRange(results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }

        var provider = c[$"{DatabaseOptions.Section}:Provider"];
        var providerKnown = provider is null || Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out _);
        if (providerKnown) Check<DatabaseOptions>(DatabaseOptions.Section); // else the clearer line below says it
        Check<LapakOptions>(LapakOptions.Section);
        Check<SmtpOptions>(SmtpOptions.Section);
        Check<WhatsAppOptions>(WhatsAppOptions.Section);
        Check<OutboxOptions>(OutboxOptions.Section);
        Check<RateLimitOptions>(RateLimitOptions.Section);
        Check<Features.Helpdesk.Inbound.InboundMailOptions>(Features.Helpdesk.Inbound.InboundMailOptions.Section);

        if (!providerKnown)
            problems.Add($"Database:Provider: '{provider}' is not a provider; use Sqlite or Postgres.");
        else if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(c.GetConnectionString("Postgres")))
            problems.Add("ConnectionStrings:Postgres: required when Database:Provider is Postgres (e.g. Host=127.0.0.1;Database=lapak;Username=lapak;Password=…).");

        if (c.GetValue<bool>("WhatsApp:Enabled") && (string.IsNullOrWhiteSpace(c["WhatsApp:PhoneNumberId"]) || string.IsNullOrWhiteSpace(c["WhatsApp:AccessToken"])))
            problems.Add("WhatsApp: PhoneNumberId and AccessToken are required when WhatsApp:Enabled is true.");
        return problems;
    }

    /// <summary>Prints one line per problem to standard error; false when the app must not start.</summary>
    public static bool IsValid(IConfiguration configuration)
    {
        var problems = Problems(configuration);
        foreach (var p in problems) Console.Error.WriteLine($"Configuration error: {p}");
        return problems.Count == 0;
    }
}
