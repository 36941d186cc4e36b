using System.Globalization;
using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Formatting;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Whose tickets a list shows. Staff: <see cref="Mine"/> (assigned to me), <see cref="Teams"/> (my teams'), <see cref="All"/>
/// (supervisors and admins). Customers: <see cref="Mine"/> (opened for me) and, for an organization's manager, <see cref="Organization"/>.
/// <see cref="Visible"/> is everything the caller may see, as before scopes existed.
/// </summary>
public enum TicketScope { Visible, Mine, Teams, All, Organization }

/// <summary>Who a ticket is assigned to, as a filter: anyone, me, nobody, or one person.</summary>
public sealed record AssigneeFilter(bool Me = false, bool Nobody = false, Guid? UserId = null);

/// <summary>
/// Reads the list filters from their text form (query string of the pages and the API) so both give the same answer
/// and the same messages. Names: <c>status</c> (a status, <c>active</c> for anything not resolved or closed, or <c>any</c>),
/// <c>scope</c>, <c>type</c>, <c>priority</c>, <c>team</c>, <c>assignee</c> (<c>me</c>, <c>none</c> or a user id),
/// <c>from</c>/<c>to</c> (WIB dates, <c>yyyy-MM-dd</c>, both included).
/// </summary>
public static class TicketListFilter
{
    public const string Active = "active";
    public const string AnyStatus = "any";

    public sealed record Text(string? Status = null, string? Scope = null, string? Type = null, string? Priority = null, string? Team = null,
        string? Assignee = null, string? From = null, string? To = null);

    /// <summary>
    /// The filter, or the problems by parameter name. <paramref name="defaultStatus"/> applies when no status is given
    /// (the team list shows active tickets first). A scope the caller may not use is an error with key "scope".
    /// </summary>
    public static (TicketFilter Filter, Dictionary<string, string[]> Errors) Parse(ClaimsPrincipal user, Text t, TicketFilter filter,
        LapakText text, string? defaultStatus = null)
    {
        var errors = new Dictionary<string, string[]>();
        var status = string.IsNullOrWhiteSpace(t.Status) ? defaultStatus : t.Status.Trim();
        if (string.Equals(status, Active, StringComparison.OrdinalIgnoreCase)) filter = filter with { ActiveOnly = true };
        else if (status is not null && !string.Equals(status, AnyStatus, StringComparison.OrdinalIgnoreCase))
        {
            if (Enum.TryParse<TicketStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s)) filter = filter with { Status = s };
            else errors["status"] = [text.Get("Unknown status.")];
        }

        if (!string.IsNullOrWhiteSpace(t.Scope))
        {
            if (!Enum.TryParse<TicketScope>(t.Scope.Trim(), ignoreCase: true, out var scope) || !Enum.IsDefined(scope) || scope == TicketScope.Visible)
                errors["scope"] = [text.Get("Unknown scope.")];
            else if (!MayUse(user, scope)) errors["scope"] = [text.Get("You may not use this scope.")];
            else filter = filter with { Scope = scope };
        }
        if (!string.IsNullOrWhiteSpace(t.Type))
        {
            if (Guid.TryParse(t.Type, out var type)) filter = filter with { RequestTypeId = type };
            else errors["type"] = [text.Get("Unknown request type.")];
        }
        if (!string.IsNullOrWhiteSpace(t.Priority))
        {
            if (Enum.TryParse<TicketPriority>(t.Priority.Trim(), ignoreCase: true, out var p) && Enum.IsDefined(p)) filter = filter with { Priority = p };
            else errors["priority"] = [text.Get("Unknown priority.")];
        }
        if (!string.IsNullOrWhiteSpace(t.Team))
        {
            if (Guid.TryParse(t.Team, out var team)) filter = filter with { TeamId = team };
            else errors["team"] = [text.Get("Unknown team.")];
        }
        if (!string.IsNullOrWhiteSpace(t.Assignee))
        {
            var a = t.Assignee.Trim().ToLowerInvariant();
            if (a == "me") filter = filter with { Assignee = new AssigneeFilter(Me: true) };
            else if (a is "none" or "unassigned") filter = filter with { Assignee = new AssigneeFilter(Nobody: true) };
            else if (Guid.TryParse(a, out var who)) filter = filter with { Assignee = new AssigneeFilter(UserId: who) };
            else errors["assignee"] = [text.Get("Use me, none or a user's id.")];
        }
        var from = Date(t.From, "from", text, errors);
        var to = Date(t.To, "to", text, errors);
        if (from is not null && to is not null && to < from) errors["to"] = [text.Get("The end date must not be before the start date.")];
        filter = filter with { CreatedFromUtc = from is { } f ? StartOfWibDay(f) : null, CreatedBeforeUtc = to is { } e ? StartOfWibDay(e.AddDays(1)) : null };
        return (filter, errors);
    }

    public static bool MayUse(ClaimsPrincipal user, TicketScope scope) => scope switch
    {
        TicketScope.All => TicketAccess.SeesAll(user),
        TicketScope.Teams => TicketAccess.IsStaff(user),
        _ => true,
    };

    private static DateOnly? Date(string? raw, string name, LapakText text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors[name] = [text.Get("Enter a date as yyyy-mm-dd.")];
        return null;
    }

    private static DateTime StartOfWibDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Display.Jakarta);
}
