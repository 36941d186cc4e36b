using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Infrastructure.Api;

/// <summary>
/// Validates a request body with its data annotations and returns field errors keyed by the JSON
/// (camelCase) name, in the caller's language, ready for <c>TypedResults.ValidationProblem</c>.
/// </summary>
public static class ApiValidation
{
    public static Dictionary<string, string[]> Errors(object model, LapakText text)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, r.ErrorMessage)))
            .GroupBy(x => JsonNamingPolicy.CamelCase.ConvertName(x.Member))
            .ToDictionary(g => g.Key, g => g.Select(x => Translate(x.ErrorMessage ?? "Invalid value.", text)).ToArray());
    }

    /// <summary>Data annotation messages are written in English with {0} for the field; translated here.</summary>
    private static string Translate(string message, LapakText text) => text.Get(message);

    public static Dictionary<string, string[]> Single(string field, string message) => new() { [field] = [message] };
}
