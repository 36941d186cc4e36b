using Lapak.Web.Features.Shared;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Lapak.Web.Features.Accounts;

namespace Lapak.Web.Features.Helpdesk.Portal;

/// <summary>"My tickets": totals per status, search by code or words, a status filter and the list.</summary>
public sealed class MyTicketsModel(TicketQueries queries, TicketAccess access, Lapak.Web.Infrastructure.Data.LapakDbContext db) : PageModel
{
    public const int PageSize = 20;

    public static readonly TicketStatus[] Statuses =
        [TicketStatus.New, TicketStatus.Open, TicketStatus.PendingCustomer, TicketStatus.AwaitingApproval, TicketStatus.Resolved, TicketStatus.Closed];

    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "status")] public TicketStatus? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    /// <summary>"organization": an organization's manager sees every ticket of the organization.</summary>
    [FromQuery(Name = "scope")] public string? Scope { get; set; }

    public bool IsManager { get; private set; }
    public bool ShowsOrganization => IsManager && string.Equals(Scope, "organization", StringComparison.OrdinalIgnoreCase);

    public TicketListPage Result { get; private set; } = new([], 1, PageSize, 0, new Dictionary<TicketStatus, int>());
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Status is not null;
    public int AllMine => Result.Totals.Values.Sum();
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Result.Total / (double)PageSize));

    public async Task<IActionResult> OnGetAsync()
    {
        // A code typed in full goes straight to its ticket: that is what someone holding a code wants.
        if (TicketCode.Normalize(Q) is not null && await access.FindAsync(User, Q) is { } ticket)
            return Redirect($"/helpdesk/tickets/{ticket.Code}");
        var me = User.RequiredUserId();
        IsManager = await db.Users.AnyAsync(u => u.Id == me && u.IsOrganizationManager && u.OrganizationId != null);
        var filter = ShowsOrganization
            ? new TicketFilter(Status, Q?.Trim(), Mine: false, Math.Max(1, PageNumber), PageSize) { Scope = TicketScope.Organization }
            : new TicketFilter(Status, Q?.Trim(), Mine: true, Math.Max(1, PageNumber), PageSize);
        Result = await queries.ListAsync(User, filter);
        return Page();
    }

    private string? ScopeValue => ShowsOrganization ? "organization" : null;

    public Pager Pager => new(Result.Page, PageCount, n => Pager.Url("/helpdesk", n, ("scope", ScopeValue), ("q", Q?.Trim()), ("status", Status?.ToString())));

    public string StatusUrl(TicketStatus? status) => Pager.Url("/helpdesk", 1, ("scope", ScopeValue), ("q", Q?.Trim()), ("status", status?.ToString()));
}
