using System.Text.Json.Nodes;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Escalations;
using Lapak.Web.Features.Helpdesk.Permits;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Supervisor;

/// <summary>A request waiting for my decision, with where and when the visit is (times in UTC; the page shows the branch's zone).</summary>
public sealed record ApprovalItem(string Code, string Subject, string CustomerName, string BranchName, string BranchTimeZone,
    DateTime? VisitStartUtc, DateTime? VisitEndUtc, DateTime RequestedAt);

/// <summary>A ticket escalated to me that is still open.</summary>
public sealed record EscalatedItem(string Code, string Subject, TicketStatus Status, DateTime EscalatedAt, bool Automatic, string ByName, string Reason);

/// <summary>A live ticket in one of my branches.</summary>
public sealed record RunningItem(string Code, string Subject, TicketStatus Status, string BranchName, string? TeamName, string? AssigneeName, DateTime UpdatedAt);

/// <summary>A permit whose window touches today at its branch.</summary>
public sealed record TodayPermit(string TicketCode, string CustomerName, string? CompanyName, string BranchName, string BranchTimeZone,
    DateTime WindowStartUtc, DateTime WindowEndUtc, PermitState State);

/// <summary>
/// The reads behind the supervisor dashboard (seed 002: the supervisor checks running work, creates requests, approves).
/// Everything is scoped to the caller's own branches and escalations, whatever their role.
/// </summary>
public sealed class SupervisorDesk(LapakDbContext db, BranchSupervision supervision, LapakText text, TimeProvider clock)
{
    private static readonly TicketStatus[] Live = [TicketStatus.New, TicketStatus.Open, TicketStatus.PendingCustomer, TicketStatus.AwaitingApproval];

    public async Task<IReadOnlyList<ApprovalItem>> ApprovalsAsync(Guid me)
    {
        var mine = supervision.BranchesOf(me);
        var rows = await (from t in db.Set<Ticket>()
                          join b in db.Set<Branch>() on t.BranchId equals b.Id
                          join u in db.Users on t.CustomerId equals u.Id
                          where t.Status == TicketStatus.AwaitingApproval && mine.Contains(b.Id) && t.CustomerId != me
                          orderby t.UpdatedAt
                          select new { t.Code, t.Subject, u.FullName, b.Name, b.TimeZone, t.FieldsJson, t.UpdatedAt }).Take(200).ToListAsync();
        return rows.Select(r =>
        {
            var (start, end) = Window(r.FieldsJson, r.TimeZone);
            return new ApprovalItem(r.Code, r.Subject, r.FullName, r.Name, r.TimeZone, start, end, r.UpdatedAt);
        }).ToList();
    }

    public async Task<IReadOnlyList<EscalatedItem>> EscalatedToMeAsync(Guid me)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var rows = await (from e in db.Set<TicketEscalation>()
                          join t in db.Set<Ticket>() on e.TicketId equals t.Id
                          where e.ToUserId == me && e.At >= since && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed
                          orderby e.At descending
                          select new { t.Code, t.Subject, t.Status, e.At, e.Automatic, e.ByName, e.Reason }).Take(100).ToListAsync();
        // The latest escalation of each ticket is the one that matters.
        return rows.DistinctBy(r => r.Code).Take(30)
            .Select(r => new EscalatedItem(r.Code, r.Subject, r.Status, r.At, r.Automatic, r.ByName, EscalationReason.Readable(r.Reason, text))).ToList();
    }

    public async Task<IReadOnlyList<RunningItem>> RunningAsync(Guid me)
    {
        var branches = db.Set<BranchMember>().Where(m => m.UserId == me).Select(m => m.BranchId);
        return await (from t in db.Set<Ticket>()
                      join b in db.Set<Branch>() on t.BranchId equals b.Id
                      where branches.Contains(b.Id) && Live.Contains(t.Status)
                      orderby t.UpdatedAt descending
                      select new RunningItem(t.Code, t.Subject, t.Status, b.Name,
                          db.Set<Team>().Where(x => x.Id == t.TeamId).Select(x => x.Name).FirstOrDefault(),
                          db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.FullName).FirstOrDefault(), t.UpdatedAt)).Take(50).ToListAsync();
    }

    public async Task<IReadOnlyList<TodayPermit>> PermitsTodayAsync(Guid me)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var branches = db.Set<BranchMember>().Where(m => m.UserId == me).Select(m => m.BranchId);
        // A generous UTC band first (Indonesia's days span UTC+7..+9), then each branch's own "today".
        var (bandStart, bandEnd) = (now.AddHours(-34), now.AddHours(34));
        var rows = await (from p in db.Set<Permit>()
                          join t in db.Set<Ticket>() on p.TicketId equals t.Id
                          where branches.Contains(p.BranchId) && p.WindowStartUtc < bandEnd && p.WindowEndUtc > bandStart
                          orderby p.WindowStartUtc
                          select new { t.Code, p.CustomerName, p.CompanyName, p.BranchName, p.BranchTimeZone, p.WindowStartUtc, p.WindowEndUtc, p.RevokedAt })
            .Take(200).ToListAsync();
        return rows.Where(r =>
            {
                var today = BranchTime.ToLocal(now, r.BranchTimeZone).Date;
                return BranchTime.ToLocal(r.WindowStartUtc, r.BranchTimeZone).Date <= today && BranchTime.ToLocal(r.WindowEndUtc, r.BranchTimeZone).Date >= today;
            })
            .Select(r => new TodayPermit(r.Code, r.CustomerName, r.CompanyName, r.BranchName, r.BranchTimeZone, r.WindowStartUtc, r.WindowEndUtc,
                PermitStates.Of(r.RevokedAt, r.WindowStartUtc, r.WindowEndUtc, now))).ToList();
    }

    /// <summary>The visit window of a permit request, read as the branch's wall-clock time.</summary>
    private static (DateTime? Start, DateTime? End) Window(string fieldsJson, string zone)
    {
        try
        {
            var raw = JsonNode.Parse(fieldsJson) is JsonObject o && o[PermitRequestFields.VisitWindow] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            return FieldValues.ParseWindow(raw, out var start, out var end) ? (BranchTime.ToUtc(start, zone), BranchTime.ToUtc(end, zone)) : (null, null);
        }
        catch (System.Text.Json.JsonException) { return (null, null); }
    }
}
