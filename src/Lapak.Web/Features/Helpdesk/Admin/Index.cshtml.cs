using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Helpdesk.Admin;

/// <summary>The helpdesk dashboard (seed 001 figure 9) for supervisors and admins, with the way into the admin pages.</summary>
[Authorize(Roles = $"{Roles.Supervisor},{Roles.Admin}")]
public sealed class DashboardModel(HelpdeskDashboard dashboard) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;
    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public async Task OnGetAsync() => Figures = await dashboard.LoadAsync();
}
