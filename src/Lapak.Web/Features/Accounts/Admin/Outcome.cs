using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lapak.Web.Features.Accounts.Admin;

public enum OutcomeKind { Done, Invalid, NotFound, Conflict }

/// <summary>
/// What an admin use case answers, so a page and an endpoint can each say it their way: field errors
/// become ModelState entries or a ValidationProblem, a refused rule becomes a message or a 409.
/// Messages are already in the caller's language; fields are the command's property names ("" for the whole request).
/// </summary>
public sealed class Outcome
{
    private Outcome(OutcomeKind kind) => Kind = kind;

    public OutcomeKind Kind { get; }
    public bool Succeeded => Kind == OutcomeKind.Done;
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);
    /// <summary>The id a create use case produced.</summary>
    public Guid? Id { get; private init; }
    public string Message => Errors.Values.SelectMany(m => m).FirstOrDefault() ?? "";
    public IEnumerable<string> Messages => Errors.Values.SelectMany(m => m);

    public static Outcome Done(Guid? id = null) => new(OutcomeKind.Done) { Id = id };
    public static Outcome NotFound() => new(OutcomeKind.NotFound);
    public static Outcome Conflict(string message) => new Outcome(OutcomeKind.Conflict).Add("", message);
    public static Outcome Invalid(string field, string message) => Invalid().Add(field, message);
    /// <summary>An invalid outcome to collect several field errors in; check <see cref="HasErrors"/> before returning it.</summary>
    public static Outcome Invalid() => new(OutcomeKind.Invalid);
    public bool HasErrors => Errors.Count > 0;

    public Outcome Add(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list)) Errors[field] = list = [];
        if (!list.Contains(message)) list.Add(message);
        return this;
    }

    /// <summary>Puts the errors on a page's form; <paramref name="prefix"/> is the bound property, e.g. "Input".</summary>
    public void CopyTo(ModelStateDictionary modelState, string? prefix = null)
    {
        foreach (var (field, messages) in Errors)
        foreach (var m in messages)
            modelState.AddModelError(field.Length == 0 || prefix is null ? field : $"{prefix}.{field}", m);
    }

    /// <summary>Puts every message in the form's summary, for pages whose buttons have no field to point at.</summary>
    public void CopyToSummary(ModelStateDictionary modelState)
    {
        foreach (var m in Messages) modelState.AddModelError("", m);
    }

    /// <summary>Field errors keyed by JSON (camelCase) names, for <c>TypedResults.ValidationProblem</c>.</summary>
    public Dictionary<string, string[]> ForApi() => Errors.ToDictionary(
        e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value.ToArray());
}
