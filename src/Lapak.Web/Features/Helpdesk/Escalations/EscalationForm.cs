using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Escalations;

public sealed record PlaceChoice(Guid Id, string Name);

/// <summary>
/// The escalation card of the ticket workspace and the escalation page: where the ticket may go, what was typed and what
/// was wrong, and the ticket's escalations so far.
/// </summary>
public sealed record EscalationForm(string Code, Guid? TeamId, Guid? BranchId, bool NeedsApproval, IReadOnlyList<PlaceChoice> Teams,
    IReadOnlyList<PlaceChoice> Branches, EscalateTicket.Command Values, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<EscalationView> History)
{
    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;

    /// <summary>A closed ticket keeps its escalations on show but cannot be escalated again.</summary>
    public bool Closed { get; init; }

    public static async Task<EscalationForm> ForAsync(LapakDbContext db, EscalationQueries queries, Ticket ticket, EscalateTicket.Command? values = null,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var teams = await db.Set<Team>().Where(t => t.Id != ticket.TeamId).OrderBy(t => t.Name).Select(t => new PlaceChoice(t.Id, t.Name)).ToListAsync();
        var branches = await db.Set<Branch>().OrderBy(b => b.Name).Select(b => new PlaceChoice(b.Id, b.Name)).ToListAsync();
        var approval = await db.Set<RequestType>().AnyAsync(t => t.Id == ticket.RequestTypeId && t.NeedsApproval);
        values ??= new EscalateTicket.Command
        {
            Target = approval ? EscalationTarget.BranchSupervisor : EscalationTarget.TeamSupervisor, BranchId = ticket.BranchId,
        };
        return new EscalationForm(ticket.Code, ticket.TeamId, ticket.BranchId, approval, teams, branches, values,
            errors ?? new Dictionary<string, string[]>(), await queries.ForTicketAsync(ticket.Id)) { Closed = ticket.IsClosed };
    }
}
