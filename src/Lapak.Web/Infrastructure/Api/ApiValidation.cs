using System.ComponentModel.DataAnnotations;
using System.Reflection;
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
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, Message: Translate(model, m, r.ErrorMessage, text))))
            .GroupBy(x => JsonNamingPolicy.CamelCase.ConvertName(x.Member))
            .ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray());
    }

    /// <summary>
    /// The validator has already filled the English message's {0}, {1}, … when we see it, so the attribute that
    /// produced it is found again (a fresh instance per lookup), given the translated template and formatted the same way.
    /// </summary>
    private static string Translate(object model, string member, string? message, LapakText text)
    {
        if (message is null) return text.Get("Invalid value.");
        var property = member.Length == 0 ? null : model.GetType().GetProperty(member);
        if (property is null) return text.Get(message);
        var name = property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? member;
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
        {
            if (attribute.ErrorMessage is not { } english || attribute.FormatErrorMessage(name) != message) continue;
            attribute.ErrorMessage = text.Get(english);
            return attribute.FormatErrorMessage(name);
        }
        return text.Get(message);
    }

    public static Dictionary<string, string[]> Single(string field, string message) => new() { [field] = [message] };

    /// <summary>Field errors keyed by a command's property names (PascalCase), keyed instead by their JSON names for ProblemDetails.</summary>
    public static Dictionary<string, string[]> ByJsonName(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);
}
