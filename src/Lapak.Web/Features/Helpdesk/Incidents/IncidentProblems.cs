namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>
/// What stands in the way of an incident change, gathered before anything is applied (as <c>TicketProblems</c> does for
/// tickets). The API answers 404 for <see cref="NotFound"/>, 403 for <see cref="Forbidden"/>, 400 for
/// <see cref="Errors"/>, then 409 for <see cref="Conflict"/>; pages show the same texts.
/// </summary>
public sealed class IncidentProblems
{
    /// <summary>Field errors keyed by the command's property name (PascalCase).</summary>
    public Dictionary<string, string[]> Errors { get; } = [];
    public bool NotFound { get; set; }
    public string? Forbidden { get; set; }
    public string? Conflict { get; set; }

    public bool Any => NotFound || Errors.Count > 0 || Forbidden is not null || Conflict is not null;

    public void Add(string field, string message) => Errors[field] = [.. Errors.GetValueOrDefault(field, []), message];
}
