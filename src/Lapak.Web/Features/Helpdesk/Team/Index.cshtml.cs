using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

// Not ".Team": a namespace of that name would shadow the Team entity for every Helpdesk file.
namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// The tickets staff work on: those of my teams (supervisors and admins: all), every status by default,
/// with a status filter showing the totals, a search by code or words, and paging.
/// </summary>
public sealed class TeamTicketsModel(TicketQueries queries) : PageModel
{
    public const int PageSize = 20;

    [FromQuery(Name = "status")] public TicketStatus? Status { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public TicketListPage Result { get; private set; } = new([], 1, PageSize, 0, new Dictionary<TicketStatus, int>());
    public bool SeesAll { get; private set; }
    public bool Searched => !string.IsNullOrWhiteSpace(Q);
    public int AllTotal => Result.Totals.Values.Sum();
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Result.Total / (double)PageSize));

    public async Task<IActionResult> OnGetAsync()
    {
        SeesAll = TicketAccess.SeesAll(User);
        Result = await queries.ListAsync(User, new TicketFilter(Status, Q?.Trim(), Mine: false, Math.Max(1, PageNumber), PageSize));
        // Past the last page (a ticket closed meanwhile, or a typed address): show the last page instead.
        if (Result.Items.Count == 0 && Result.Total > 0 && PageNumber > PageCount) return Redirect(UrlFor(Status, PageCount));
        return Page();
    }

    public int TotalOf(TicketStatus status) => Result.Totals.GetValueOrDefault(status);

    public string UrlFor(TicketStatus? status, int page = 1) =>
        Pager.Url("/helpdesk/team", page, ("status", status?.ToString()), ("q", Q?.Trim()));

    public Pager Pager => new(Result.Page, PageCount, n => UrlFor(Status, n));
}
