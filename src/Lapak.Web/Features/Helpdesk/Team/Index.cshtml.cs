using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Shared;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

// Not ".Team": a namespace of that name would shadow the Team entity for every Helpdesk file.
namespace Lapak.Web.Features.Helpdesk.Tickets;

public sealed record FilterOption(string Value, string Label);

/// <summary>
/// The tickets staff work on, in three tabs: assigned to me, my teams', all (supervisors and admins). Active tickets
/// (not resolved or closed) by default, with filters by status, type, priority, team, assignee and period, and paging.
/// </summary>
public sealed class TeamTicketsModel(TicketQueries queries, LapakDbContext db, LapakText text, Teams.SetRoundRobin.Handler teamSettings) : PageModel
{
    public const int PageSize = 20;
    private const string Path = "/helpdesk/team";

    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "scope")] public string? ScopeText { get; set; }
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "priority")] public string? Priority { get; set; }
    [FromQuery(Name = "team")] public string? TeamText { get; set; }
    [FromQuery(Name = "assignee")] public string? Assignee { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }

    public TicketListPage Result { get; private set; } = new([], 1, PageSize, 0, new Dictionary<TicketStatus, int>());
    public bool SeesAll { get; private set; }
    /// <summary>The caller supervises a team (or is an admin), so the team settings are theirs to change.</summary>
    public bool SetsTeams { get; private set; }
    public TicketScope Scope { get; private set; }
    public bool Misread { get; private set; }
    public List<FilterOption> Types { get; private set; } = [];
    public List<FilterOption> Teams { get; private set; } = [];
    public List<FilterOption> Assignees { get; private set; } = [];
    public bool Searched => !string.IsNullOrWhiteSpace(Q);
    /// <summary>Any filter beyond the scope and the default "active" status.</summary>
    public bool Filtered => Searched || !string.IsNullOrEmpty(Status) || new[] { Type, Priority, TeamText, Assignee, From, To }.Any(v => !string.IsNullOrWhiteSpace(v));
    public bool MoreFilters => new[] { Type, Priority, TeamText, Assignee, From, To }.Any(v => !string.IsNullOrWhiteSpace(v));
    public int AllTotal => Result.Totals.Values.Sum();
    public int ActiveTotal => Result.Totals.Where(t => t.Key is not (TicketStatus.Resolved or TicketStatus.Closed)).Sum(t => t.Value);
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Result.Total / (double)PageSize));
    public string CurrentStatus => string.IsNullOrWhiteSpace(Status) ? TicketListFilter.Active : Status.Trim();

    public async Task<IActionResult> OnGetAsync()
    {
        SeesAll = TicketAccess.SeesAll(User);
        SetsTeams = await teamSettings.Manageable(User).AnyAsync();
        // A tab the reader may not use (an agent typing scope=all) shows their teams' tickets instead.
        Scope = Enum.TryParse<TicketScope>(ScopeText, true, out var s) && s is TicketScope.Mine or TicketScope.Teams or TicketScope.All
                && TicketListFilter.MayUse(User, s) ? s : DefaultScope;
        var (filter, errors) = TicketListFilter.Parse(User, new(Status, null, Type, Priority, TeamText, Assignee, From, To),
            new TicketFilter(null, Q?.Trim(), Mine: false, Math.Max(1, PageNumber), PageSize) { Scope = Scope }, text, TicketListFilter.Active);
        Misread = errors.Count > 0;
        Result = await queries.ListAsync(User, filter);
        // Past the last page (a ticket closed meanwhile, or a typed address): show the last page instead.
        if (Result.Items.Count == 0 && Result.Total > 0 && PageNumber > PageCount) return Redirect(Link(page: PageCount));
        await LoadOptionsAsync();
        return Page();
    }

    private async Task LoadOptionsAsync()
    {
        var lang = LapakCultures.Current;
        var types = await db.Set<RequestType>().AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.NameId).ToListAsync();
        Types = types.Select(t => new FilterOption(t.Id.ToString(), t.Name(lang))).ToList();
        var me = User.RequiredUserId();
        var teams = db.Set<Team>().AsQueryable();
        if (!SeesAll) teams = teams.Where(t => db.Set<TeamMember>().Any(m => m.TeamId == t.Id && m.UserId == me));
        Teams = await teams.OrderBy(t => t.Name).Select(t => new FilterOption(t.Id.ToString(), t.Name)).ToListAsync();
        var teamIds = teams.Select(t => t.Id);
        Assignees = await (from u in db.Users
                           where u.IsActive && db.Set<TeamMember>().Any(m => m.UserId == u.Id && teamIds.Contains(m.TeamId))
                           orderby u.FullName
                           select new FilterOption(u.Id.ToString(), u.FullName)).ToListAsync();
    }

    public int TotalOf(TicketStatus status) => Result.Totals.GetValueOrDefault(status);

    /// <summary>The tab shown without a scope in the address: all tickets for supervisors and admins, the teams' for agents.</summary>
    public TicketScope DefaultScope => SeesAll ? TicketScope.All : TicketScope.Teams;

    /// <summary>The scope as the address names it; the default tab keeps the address short.</summary>
    public string? ScopeValue(TicketScope scope) => scope == DefaultScope ? null : scope.ToString().ToLowerInvariant();

    /// <summary>This list's address with the current filters, some of them changed.</summary>
    public string Link(string? status = null, TicketScope? scope = null, int page = 1, bool keepStatus = true) =>
        Pager.Url(Path, page, ("scope", ScopeValue(scope ?? Scope)), ("status", status ?? (keepStatus ? Status : null)), ("q", Q?.Trim()),
            ("type", Type), ("priority", Priority), ("team", TeamText), ("assignee", Assignee), ("from", From), ("to", To));

    /// <summary>The current tab without any filter.</summary>
    public string ClearLink => Pager.Url(Path, 1, ("scope", ScopeValue(Scope)));

    public Pager Pager => new(Result.Page, PageCount, n => Link(page: n));
}
