using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>One escalation as staff read it: who, when, to where, why (in the reader's language), automatic or not.</summary>
public sealed record EscalationView(Guid Id, DateTime At, bool Automatic, EscalationTarget Target, string To, string ByName, string Reason);

public sealed class EscalationQueries(LapakDbContext db, LapakText text)
{
    public async Task<IReadOnlyList<EscalationView>> ForTicketAsync(Guid ticketId)
    {
        var rows = await (from e in db.Set<TicketEscalation>()
                          where e.TicketId == ticketId
                          orderby e.At descending
                          select new
                          {
                              e.Id, e.At, e.Automatic, e.Target, e.ByName, e.Reason,
                              User = db.Users.Where(u => u.Id == e.ToUserId).Select(u => u.FullName).FirstOrDefault(),
                              Team = db.Set<Team>().Where(t => t.Id == e.ToTeamId).Select(t => t.Name).FirstOrDefault(),
                              Branch = db.Set<Branch>().Where(b => b.Id == e.ToBranchId).Select(b => b.Name).FirstOrDefault(),
                          }).ToListAsync();
        return rows.Select(r => new EscalationView(r.Id, r.At, r.Automatic, r.Target, To(r.User, r.Team ?? r.Branch), r.ByName,
            EscalationReason.Readable(r.Reason, text))).ToList();
    }

    public async Task<EscalationView> OneAsync(TicketEscalation escalation) =>
        (await ForTicketAsync(escalation.TicketId)).Single(e => e.Id == escalation.Id);

    private static string To(string? person, string? place) => (person, place) switch
    {
        ({ } p, { } where) => $"{p} ({where})",
        ({ } p, null) => p,
        (null, { } where) => where,
        _ => "–",
    };
}
