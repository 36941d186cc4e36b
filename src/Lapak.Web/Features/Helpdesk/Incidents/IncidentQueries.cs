using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Incidents;

public sealed record IncidentUpdateView(Guid Id, DateTime At, IncidentState State, string Message, string AuthorName);

/// <summary>
/// An incident as anyone may read it: the technician's name and nothing about the customers who follow it.
/// <see cref="Attached"/> and <see cref="AttachedTicketCode"/> are the caller's own attachment (null for visitors).
/// </summary>
public sealed record IncidentView(Guid Id, string Title, string Area, IncidentImpact Impact, IncidentState State, string? TechnicianName,
    DateTime StartedAt, DateTime UpdatedAt, DateTime? ResolvedAt, IncidentUpdateView? LastUpdate, bool? Attached, string? AttachedTicketCode);

public sealed record LinkedTicketView(string Code, string Subject, TicketStatus Status);

/// <summary>What only staff see: how many customers follow the incident and the linked tickets they may open.</summary>
public sealed record IncidentStaffView(Guid? TechnicianId, int Subscribers, int LinkedTickets, IReadOnlyList<LinkedTicketView> Tickets);

public sealed record IncidentDetails(IncidentView Incident, IReadOnlyList<IncidentUpdateView> Updates, IncidentStaffView? Staff);

public sealed record IncidentBoard(IReadOnlyList<IncidentView> Ongoing, IReadOnlyList<IncidentView> RecentlyResolved);

public sealed record OwnTicketChoice(string Code, string Subject);

/// <summary>Reads for <c>/status</c>, the staff pages and <c>/api/v1/incidents</c>.</summary>
public sealed class IncidentQueries(LapakDbContext db, TicketAccess access, TimeProvider clock)
{
    /// <summary>How long a resolved incident stays on the status page.</summary>
    public static readonly TimeSpan RecentlyResolved = TimeSpan.FromDays(7);

    public async Task<IncidentBoard> BoardAsync(ClaimsPrincipal user)
    {
        var since = clock.GetUtcNow().UtcDateTime - RecentlyResolved;
        var incidents = await db.Set<Incident>().AsNoTracking()
            .Where(i => i.State != IncidentState.Resolved || i.ResolvedAt >= since).ToListAsync();
        var views = await ViewsAsync(user, incidents);
        return new IncidentBoard(
            [.. views.Where(v => v.State != IncidentState.Resolved).OrderByDescending(v => v.Impact).ThenByDescending(v => v.StartedAt)],
            [.. views.Where(v => v.State == IncidentState.Resolved).OrderByDescending(v => v.ResolvedAt)]);
    }

    /// <summary>Staff list: every incident, ongoing first, newest first.</summary>
    public async Task<IReadOnlyList<IncidentView>> AllAsync(ClaimsPrincipal user, int take = 200)
    {
        var incidents = await db.Set<Incident>().AsNoTracking()
            .OrderBy(i => i.State == IncidentState.Resolved).ThenByDescending(i => i.CreatedAt).Take(take).ToListAsync();
        return await ViewsAsync(user, incidents);
    }

    public async Task<IncidentDetails?> DetailsAsync(ClaimsPrincipal user, Guid id)
    {
        var incident = await db.Set<Incident>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return null;
        var view = (await ViewsAsync(user, [incident]))[0];
        var updates = await db.Set<IncidentUpdate>().AsNoTracking().Where(u => u.IncidentId == id).OrderByDescending(u => u.At)
            .Select(u => new IncidentUpdateView(u.Id, u.At, u.State, u.Message, u.AuthorName)).ToListAsync();
        IncidentStaffView? staff = null;
        if (user.Identity?.IsAuthenticated == true && TicketAccess.IsStaff(user))
        {
            var subscriptions = db.Set<IncidentSubscription>().Where(s => s.IncidentId == id);
            var tickets = await (from s in subscriptions join t in access.Visible(user) on s.TicketId equals t.Id
                                 orderby t.Code select new LinkedTicketView(t.Code, t.Subject, t.Status)).ToListAsync();
            staff = new IncidentStaffView(incident.TechnicianId, await subscriptions.CountAsync(),
                await subscriptions.CountAsync(s => s.TicketId != null), tickets);
        }
        return new IncidentDetails(view, updates, staff);
    }

    /// <summary>The caller's own open tickets, for "this affects me" (only their own: a manager's view of the organization does not count).</summary>
    public async Task<IReadOnlyList<OwnTicketChoice>> OpenTicketsOfAsync(ClaimsPrincipal user)
    {
        if (user.UserId() is not { } me) return [];
        return await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.CustomerId == me && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .OrderByDescending(t => t.CreatedAt).Take(50).Select(t => new OwnTicketChoice(t.Code, t.Subject)).ToListAsync();
    }

    /// <summary>
    /// The incidents a ticket is linked to (it was raised from it, or a customer attached it), for the ticket page; the
    /// caller has already been allowed to see the ticket.
    /// </summary>
    public async Task<IReadOnlyList<IncidentView>> ForTicketAsync(ClaimsPrincipal user, string code)
    {
        var ticketId = db.Set<Ticket>().Where(t => t.Code == code).Select(t => (Guid?)t.Id);
        var linked = db.Set<IncidentSubscription>().Where(s => ticketId.Contains(s.TicketId)).Select(s => s.IncidentId);
        var incidents = await db.Set<Incident>().AsNoTracking().Where(i => ticketId.Contains(i.SourceTicketId) || linked.Contains(i.Id))
            .OrderByDescending(i => i.CreatedAt).ToListAsync();
        return await ViewsAsync(user, incidents);
    }

    /// <summary>Active staff who may be put on an incident, for the technician picker.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> TechniciansAsync()
    {
        var staffRoles = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoles.Contains(ur.RoleId)))
            .OrderBy(u => u.FullName).Take(500).Select(u => new { u.Id, u.FullName }).ToListAsync();
        return [.. people.Select(p => (p.Id, p.FullName))];
    }

    private async Task<List<IncidentView>> ViewsAsync(ClaimsPrincipal user, List<Incident> incidents)
    {
        if (incidents.Count == 0) return [];
        var ids = incidents.Select(i => i.Id).ToList();
        var techIds = incidents.Where(i => i.TechnicianId != null).Select(i => i.TechnicianId!.Value).Distinct().ToList();
        var names = await db.Users.Where(u => techIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName })
            .ToDictionaryAsync(u => u.Id, u => u.FullName);
        // Only each incident's latest update: the public board refreshes live and a long outage gathers many updates.
        var all = db.Set<IncidentUpdate>();
        var latest = await all.AsNoTracking()
            .Where(u => ids.Contains(u.IncidentId) && !all.Any(o => o.IncidentId == u.IncidentId && o.At > u.At)).ToListAsync();
        var last = latest.GroupBy(u => u.IncidentId).ToDictionary(g => g.Key, g => g.First());
        Dictionary<Guid, string?>? mine = null;
        if (user.Identity?.IsAuthenticated == true && user.UserId() is { } me)
            mine = await (from s in db.Set<IncidentSubscription>().Where(s => s.CustomerId == me && ids.Contains(s.IncidentId))
                          from t in db.Set<Ticket>().Where(t => t.Id == s.TicketId).DefaultIfEmpty()
                          select new { s.IncidentId, Code = t == null ? null : t.Code }).ToDictionaryAsync(x => x.IncidentId, x => (string?)x.Code);
        return [.. incidents.Select(i => new IncidentView(i.Id, i.Title, i.Area, i.Impact, i.State,
            i.TechnicianId is { } t ? names.GetValueOrDefault(t) : null, i.CreatedAt, i.UpdatedAt, i.ResolvedAt,
            last.TryGetValue(i.Id, out var u) ? new IncidentUpdateView(u.Id, u.At, u.State, u.Message, u.AuthorName) : null,
            mine is null ? null : mine.ContainsKey(i.Id), mine?.GetValueOrDefault(i.Id)))];
    }
}
