namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// What stands in the way of a change to a ticket, gathered before anything is applied, so a request that
/// changes several things either does them all or none. Pages show <see cref="Errors"/> beside their fields;
/// the API answers 403 for <see cref="Forbidden"/>, 400 for <see cref="Errors"/>, then 409 for <see cref="Conflict"/>.
/// </summary>
public sealed class TicketProblems
{
    /// <summary>Field errors keyed by the command's property name (PascalCase).</summary>
    public Dictionary<string, string[]> Errors { get; } = [];
    public string? Forbidden { get; set; }
    public string? Conflict { get; set; }

    public bool Any => Errors.Count > 0 || Forbidden is not null || Conflict is not null;

    public void Add(string field, string message) => Errors[field] = [.. Errors.GetValueOrDefault(field, []), message];
}
