using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Accounts.Admin;

public sealed class UserDetailsModel(
    AdminUserQueries queries, ActivityQueries activity, LapakDbContext db, IStringLocalizer l,
    ChangeUserRoles.Handler roleChanges, SetUserActive.Handler activation, ResendInvitation.Handler invitations,
    SetUserOrganization.Handler organizationChanges) : PageModel
{
    public sealed record Membership(Guid Id, string Name, bool IsSupervisor);

    public AdminUserView Account { get; private set; } = null!;
    public List<Organization> Organizations { get; private set; } = [];
    public List<Membership> Teams { get; private set; } = [];
    public List<Membership> Branches { get; private set; } = [];
    public List<ActivityEntry> Recent { get; private set; } = [];
    public Dictionary<string, SubjectLink> Subjects { get; private set; } = [];
    public bool IsSelf { get; private set; }
    public bool IsLastAdmin { get; private set; }
    /// <summary>Manager of their organization: sees every ticket of it in the helpdesk.</summary>
    public bool IsOrganizationManager { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostRolesAsync(Guid id, List<string> roles) =>
        Act(id, () => roleChanges.SetAsync(User, id, roles), l["Roles saved. The user has been notified."]);

    public Task<IActionResult> OnPostDeactivateAsync(Guid id) =>
        Act(id, () => activation.HandleAsync(User, id, false), l["Account deactivated. The user has been signed out everywhere."]);

    public Task<IActionResult> OnPostActivateAsync(Guid id) =>
        Act(id, () => activation.HandleAsync(User, id, true), l["Account reactivated. The user can sign in again."]);

    public Task<IActionResult> OnPostInviteAsync(Guid id) =>
        Act(id, () => invitations.HandleAsync(User, id), l["Invitation sent again."]);

    public Task<IActionResult> OnPostOrganizationAsync(Guid id, Guid? organizationId, bool manager) =>
        Act(id, () => organizationChanges.HandleAsync(id, organizationId, manager), l["Organization saved."]);

    /// <summary>Runs one action; success comes back to the page with a flash, refusal shows the reason on it.</summary>
    private async Task<IActionResult> Act(Guid id, Func<Task<Outcome>> action, string done)
    {
        var outcome = await action();
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Succeeded)
        {
            TempData["Flash"] = done;
            return Redirect($"/admin/users/{id}");
        }
        outcome.CopyToSummary(ModelState);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var account = await queries.FindAsync(id);
        if (account is null) return false;
        Account = account;
        IsSelf = User.UserId() == id;
        IsLastAdmin = account.IsActive && account.Roles.Contains(Roles.Admin) && await queries.ActiveAdminCountAsync() <= 1;
        Organizations = await db.Set<Organization>().AsNoTracking().OrderBy(o => o.Name).ToListAsync();
        IsOrganizationManager = await db.Users.AnyAsync(u => u.Id == id && u.IsOrganizationManager);
        Teams = await (from m in db.Set<TeamMember>() join t in db.Set<Team>() on m.TeamId equals t.Id
                       where m.UserId == id orderby t.Name select new Membership(t.Id, t.Name, m.IsSupervisor)).ToListAsync();
        Branches = await (from m in db.Set<BranchMember>() join b in db.Set<Branch>() on m.BranchId equals b.Id
                          where m.UserId == id orderby b.Name select new Membership(b.Id, b.Name, m.IsSupervisor)).ToListAsync();
        Recent = await activity.RecentForUserAsync(id, 10);
        Subjects = await activity.SubjectsAsync(Recent);
        return true;
    }
}
