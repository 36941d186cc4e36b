using System.Security.Claims;
using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

public sealed record TicketSummary(string Code, string Subject, string RequestType, TicketStatus Status, TicketPriority Priority,
    string CustomerName, string? TeamName, string? AssigneeName, DateTime CreatedAt, DateTime UpdatedAt)
{
    [System.Text.Json.Serialization.JsonIgnore] internal Guid Id { get; init; }
}

public sealed record TicketListPage(IReadOnlyList<TicketSummary> Items, int Page, int PageSize, int Total, IReadOnlyDictionary<TicketStatus, int> Totals);

/// <summary>A field's value as shown: a window already formatted; a list as <see cref="Columns"/> and <see cref="Rows"/>.</summary>
public sealed record TicketFieldView(string Label, string Value, IReadOnlyList<string>? Columns = null, IReadOnlyList<IReadOnlyList<string>>? Rows = null);

public sealed record TicketMessageView(Guid Id, string AuthorName, bool FromStaff, bool Internal, string Body, DateTime CreatedAt);

/// <summary>One history line; <see cref="Reason"/> (why it was reassigned) only for staff working the ticket.</summary>
public sealed record TicketEventView(DateTime At, string ActorName, TicketEventKind Kind, string? OldValue, string? NewValue, string? Reason = null);

public sealed partial record TicketDetails(
    string Code, string Subject, string Description, string RequestType, TicketStatus Status, TicketPriority Priority,
    Guid CustomerId, string CustomerName, string? CustomerEmail, string? TeamName, string? AssigneeName,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt, IReadOnlyList<TicketFieldView> Fields,
    IReadOnlyList<TicketMessageView> Messages, IReadOnlyList<TicketEventView> History);

/// <summary>The reads behind the ticket pages and the API; internal notes are only ever included for staff who work the ticket.</summary>
public sealed class TicketQueries(LapakDbContext db, TicketAccess access, TicketTotalsCache totalsCache)
{
    public async Task<TicketListPage> ListAsync(ClaimsPrincipal user, TicketFilter filter)
    {
        var visible = Narrow(user, access.Visible(user), filter);
        Task<Dictionary<TicketStatus, int>> Count() =>
            visible.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var totals = TicketAccess.IsStaff(user)
            ? await totalsCache.GetOrCountAsync(TotalsKey(user, filter), Count)
            : await Count();

        var q = visible;
        if (filter.Status is { } status) q = q.Where(t => t.Status == status);
        if (filter.ActiveOnly) q = q.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var code = TicketCode.Normalize(filter.Search);
            var like = $"%{filter.Search.Trim().ToLower()}%";
            // A word that happens to look like a code ("PEMBAYAR") still searches the text too.
            q = q.Where(t => t.Code == code || EF.Functions.Like(t.Subject.ToLower(), like) || EF.Functions.Like(t.Description.ToLower(), like));
        }
        var total = TicketAccess.IsStaff(user)
            ? await totalsCache.GetOrCountAsync($"{TotalsKey(user, filter)}|{filter.Status}|{filter.ActiveOnly}|{filter.Search}", () => q.CountAsync())
            : await q.CountAsync();
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, 100);
        // Two steps: the page's ids from the tickets alone (one index walk, newest change first), then their names.
        // Joined in one query, the planner may start from the users table and sort every matching ticket.
        var ids = await q.OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.Id).Skip((page - 1) * size).Take(size).Select(t => t.Id).ToListAsync();
        var items = await SummariesAsync(ids);
        return new TicketListPage(items, page, size, total, totals);
    }

    /// <summary>The list rows of <paramref name="ids"/>, in that order, with their type, customer, team and assignee names.</summary>
    public async Task<IReadOnlyList<TicketSummary>> SummariesAsync(IReadOnlyList<Guid> ids)
    {
        var lang = LapakCultures.Current;
        var found = await (from t in db.Set<Ticket>()
                           where ids.Contains(t.Id)
                           join rt in db.Set<RequestType>() on t.RequestTypeId equals rt.Id
                           join c in db.Users on t.CustomerId equals c.Id
                           join tm in db.Set<Team>() on t.TeamId equals tm.Id into teams
                           from tm in teams.DefaultIfEmpty()
                           join a in db.Users on t.AssigneeId equals a.Id into assignees
                           from a in assignees.DefaultIfEmpty()
                           select new TicketSummary(t.Code, t.Subject, lang == "en" ? rt.NameEn : rt.NameId, t.Status, t.Priority, c.FullName,
                               tm == null ? null : tm.Name, a == null ? null : a.FullName, t.CreatedAt, t.UpdatedAt) { Id = t.Id })
            .ToDictionaryAsync(r => r.Id);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    /// <summary>What the totals depend on: who asks (their teams and roles) and every filter but status, search and page.</summary>
    private static string TotalsKey(ClaimsPrincipal user, TicketFilter f) =>
        string.Join('|', user.RequiredUserId(), TicketAccess.SeesAll(user), f.Mine, f.Scope, f.RequestTypeId, f.Priority, f.TeamId,
            f.Assignee?.Me, f.Assignee?.Nobody, f.Assignee?.UserId, f.CreatedFromUtc?.Ticks, f.CreatedBeforeUtc?.Ticks);

    /// <summary>The scope and every filter but status and search, which the status totals leave out.</summary>
    private IQueryable<Ticket> Narrow(ClaimsPrincipal user, IQueryable<Ticket> q, TicketFilter filter)
    {
        var me = user.RequiredUserId();
        if (filter.Mine) q = q.Where(t => t.CustomerId == me);
        switch (filter.Scope)
        {
            case TicketScope.Mine when TicketAccess.IsStaff(user):
                q = q.Where(t => t.AssigneeId == me);
                break;
            case TicketScope.Mine:
                q = q.Where(t => t.CustomerId == me);
                break;
            case TicketScope.Teams:
                var myTeams = access.TeamsOf(me);
                q = q.Where(t => t.TeamId != null && myTeams.Contains(t.TeamId.Value));
                break;
            case TicketScope.Organization:
                // Visible already holds the organization's tickets for its manager; for anyone else this is just their own.
                var org = db.Users.Where(u => u.Id == me && u.IsOrganizationManager).Select(u => u.OrganizationId);
                q = q.Where(t => t.OrganizationId != null && org.Contains(t.OrganizationId));
                break;
        }
        if (filter.RequestTypeId is { } type) q = q.Where(t => t.RequestTypeId == type);
        if (filter.Priority is { } priority) q = q.Where(t => t.Priority == priority);
        if (filter.TeamId is { } team) q = q.Where(t => t.TeamId == team);
        if (filter.Assignee is { Me: true }) q = q.Where(t => t.AssigneeId == me);
        else if (filter.Assignee is { Nobody: true }) q = q.Where(t => t.AssigneeId == null);
        else if (filter.Assignee?.UserId is { } who) q = q.Where(t => t.AssigneeId == who);
        if (filter.CreatedFromUtc is { } from) q = q.Where(t => t.CreatedAt >= from);
        if (filter.CreatedBeforeUtc is { } before) q = q.Where(t => t.CreatedAt < before);
        return q;
    }

    /// <summary>
    /// The queue of <paramref name="agentId"/>: unassigned, still-open tickets of their teams, highest priority first,
    /// then oldest first (FIFO). Shared by the queue page, the API and take-next.
    /// </summary>
    public IQueryable<Ticket> Queue(Guid agentId)
    {
        var myTeams = access.TeamsOf(agentId);
        return db.Set<Ticket>()
            .Where(t => t.AssigneeId == null && t.TeamId != null && myTeams.Contains(t.TeamId.Value)
                        && (t.Status == TicketStatus.New || t.Status == TicketStatus.Open))
            .OrderBy(t => t.Priority == TicketPriority.Urgent ? 0 : t.Priority == TicketPriority.High ? 1 : t.Priority == TicketPriority.Normal ? 2 : 3)
            .ThenBy(t => t.CreatedAt).ThenBy(t => t.Id);
    }

    /// <summary>How many tickets wait in the queue of <paramref name="agentId"/>, kept like the list totals.</summary>
    public Task<int> QueueLengthAsync(Guid agentId) => totalsCache.GetOrCountAsync($"queue|{agentId}", () => Queue(agentId).CountAsync());

    public async Task<IReadOnlyList<QueueItem>> QueueAsync(Guid agentId, int take = 100, bool closestToBreach = false)
    {
        var lang = LapakCultures.Current;
        // Ids first, names second, as in ListAsync: the tickets alone keep the planner on the queue's index.
        var ids = await (closestToBreach ? Sla.SlaOrder.ClosestToBreach(Queue(agentId)) : Queue(agentId)).Select(t => t.Id).Take(take).ToListAsync();
        var found = await (from t in db.Set<Ticket>()
                           where ids.Contains(t.Id)
                           join rt in db.Set<RequestType>() on t.RequestTypeId equals rt.Id
                           join c in db.Users on t.CustomerId equals c.Id
                           select new { t.Id, t.Code, t.Subject, rt.NameId, rt.NameEn, t.Priority, t.Status, Customer = c.FullName, t.CreatedAt })
            .ToDictionaryAsync(r => r.Id);
        return ids.Where(found.ContainsKey).Select(id => found[id])
            .Select(r => new QueueItem(r.Code, r.Subject, lang == "en" ? r.NameEn : r.NameId, r.Priority, r.Status, r.Customer, r.CreatedAt)).ToList();
    }

    /// <summary>
    /// The details of a ticket just opened, from what the opener already holds: no replies yet, one history line.
    /// Saves the five reads of <see cref="DetailsAsync"/> on the busiest write of the helpdesk.
    /// </summary>
    public async Task<TicketDetails> DetailsOfOpenedAsync(ClaimsPrincipal user, OpenTicket.Opened opened)
    {
        var (ticket, type, customer) = (opened.Ticket!, opened.Type!, opened.Customer!);
        var staff = TicketAccess.Works(user, ticket);
        var lang = LapakCultures.Current;
        var team = ticket.TeamId is null ? null : await db.Set<Team>().Where(t => t.Id == ticket.TeamId).Select(t => t.Name).SingleOrDefaultAsync();
        var assignee = ticket.AssigneeId is null ? null : await db.Users.Where(u => u.Id == ticket.AssigneeId).Select(u => u.FullName).SingleOrDefaultAsync();
        var history = ticket.Events.Where(e => staff || !e.IsInternal).OrderBy(e => e.At)
            .Select(e => new TicketEventView(e.At, e.ActorName, e.Kind, e.OldValue, e.NewValue)).ToList();
        return new TicketDetails(ticket.Code, ticket.Subject, ticket.Description, type.Name(lang), ticket.Status, ticket.Priority,
            ticket.CustomerId, customer.FullName, staff ? customer.Email : null, team, assignee, ticket.CreatedAt, ticket.UpdatedAt,
            ticket.ResolvedAt, FieldViews.For(type.Fields, JsonSerializer.Deserialize<Dictionary<string, string>>(ticket.FieldsJson) ?? [], lang,
                await BranchChoices.ByCodeAsync(db, type)),
            [], history);
    }

    public async Task<TicketDetails> DetailsAsync(ClaimsPrincipal user, Ticket ticket)
    {
        var staff = TicketAccess.Works(user, ticket);
        var lang = LapakCultures.Current;
        var type = await db.Set<RequestType>().AsNoTracking().SingleAsync(t => t.Id == ticket.RequestTypeId);
        var customer = await db.Users.AsNoTracking().Where(u => u.Id == ticket.CustomerId).Select(u => new { u.FullName, u.Email }).SingleAsync();
        var team = ticket.TeamId is null ? null : await db.Set<Team>().Where(t => t.Id == ticket.TeamId).Select(t => t.Name).SingleOrDefaultAsync();
        var assignee = ticket.AssigneeId is null ? null : await db.Users.Where(u => u.Id == ticket.AssigneeId).Select(u => u.FullName).SingleOrDefaultAsync();

        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(ticket.FieldsJson) ?? [];
        var fields = FieldViews.For(type.Fields, values, lang, await BranchChoices.ByCodeAsync(db, type));

        var messages = await db.Set<TicketMessage>().AsNoTracking()
            .Where(m => m.TicketId == ticket.Id && (staff || !m.IsInternal))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new TicketMessageView(m.Id, m.AuthorName, m.FromStaff, m.IsInternal, m.Body, m.CreatedAt)).ToListAsync();
        var history = await db.Set<TicketEvent>().AsNoTracking()
            .Where(e => e.TicketId == ticket.Id && (staff || e.Kind != TicketEventKind.NoteAdded))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TicketEventView(e.At, e.ActorName, e.Kind, e.OldValue, e.NewValue, staff ? e.Reason : null)).ToListAsync();
        history = await TicketHistoryNames.ResolveAsync(db, history, lang);

        return new TicketDetails(ticket.Code, ticket.Subject, ticket.Description, type.Name(lang), ticket.Status, ticket.Priority,
            ticket.CustomerId, customer.FullName, staff ? customer.Email : null, team, assignee, ticket.CreatedAt, ticket.UpdatedAt,
            ticket.ResolvedAt, fields, messages, history)
        {
            Attachments = await TicketFiles.VisibleAsync(db, ticket, staff),
            Ratings = await RateTicket.RatingsAsync(db, ticket.Id),
            CanRate = await RateTicket.CanRateAsync(db, user, ticket),
        };
    }
}

public sealed record QueueItem(string Code, string Subject, string RequestType, TicketPriority Priority, TicketStatus Status,
    string CustomerName, DateTime CreatedAt);

public sealed record TicketFilter(TicketStatus? Status = null, string? Search = null, bool Mine = false, int Page = 1, int PageSize = 20)
{
    /// <summary>Anything not resolved or closed (new, open, pending, awaiting approval).</summary>
    public bool ActiveOnly { get; init; }
    public TicketScope Scope { get; init; } = TicketScope.Visible;
    public Guid? RequestTypeId { get; init; }
    public TicketPriority? Priority { get; init; }
    public Guid? TeamId { get; init; }
    public AssigneeFilter? Assignee { get; init; }
    public DateTime? CreatedFromUtc { get; init; }
    /// <summary>Exclusive: the start of the day after the last day asked for.</summary>
    public DateTime? CreatedBeforeUtc { get; init; }
}
