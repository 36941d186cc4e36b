using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary><c>/admin/teams/new</c> creates one; <c>/admin/teams/{id}</c> edits it, manages its members and supervisor, and deletes it.</summary>
public sealed class TeamModel(LapakDbContext db, EditTeam.Handler edit, ManageMembers.Handler members,
    UserPicker picker, IStringLocalizer l) : MemberPageModel(picker)
{
    protected override IStringLocalizer Localizer => l;

    public EditTeam.Command Input { get; private set; } = new();
    public Team? Existing { get; private set; }
    public List<UnitMember> Members { get; private set; } = [];
    public List<Branch> Branches { get; private set; } = [];
    public bool IsNew => Existing is null;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (id == "new")
        {
            await LoadBranchesAsync();
            return Page();
        }
        return Guid.TryParse(id, out var guid) && await LoadAsync(guid) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostSaveAsync(string id, [Bind(Prefix = "Input")] EditTeam.Command input)
    {
        Input = input;
        return SaveAsync(id, input, edit, "/admin/teams", l["Team created."], prepareNewForm: LoadBranchesAsync);
    }

    public Task<IActionResult> OnPostDeleteAsync(Guid id) => DeleteAsync(id, edit.DeleteAsync, "/admin/teams", l["Team deleted."]);

    public Task<IActionResult> OnPostAddAsync(Guid id, string? who, Guid? userId, bool supervisor) =>
        AddMemberAsync(id, who, userId, supervisor, user => members.AddToTeamAsync(id, user, supervisor), $"/admin/teams/{id}");

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid userId) =>
        RunAsync(id, () => members.RemoveFromTeamAsync(id, userId), l["Removed from the team."], $"/admin/teams/{id}");

    public Task<IActionResult> OnPostSupervisorAsync(Guid id, Guid userId, bool supervisor) =>
        RunAsync(id, () => members.SetTeamSupervisorAsync(id, userId, supervisor),
            supervisor ? l["Supervisor changed."] : l["The supervisor has stepped down."], $"/admin/teams/{id}");

    protected override async Task<bool> LoadAsync(Guid id)
    {
        Existing = await db.Set<Team>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id);
        if (Existing is null) return false;
        if (!Editing) Input = new EditTeam.Command { Name = Existing.Name, Description = Existing.Description, BranchId = Existing.BranchId };
        Members = await (from m in db.Set<TeamMember>() join u in db.Users on m.UserId equals u.Id
                         where m.TeamId == id
                         orderby m.IsSupervisor descending, u.FullName
                         select new UnitMember(u.Id, u.FullName, u.Email!, m.IsSupervisor, u.IsActive)).ToListAsync();
        await LoadBranchesAsync();
        return true;
    }

    private async Task LoadBranchesAsync() =>
        Branches = await db.Set<Branch>().AsNoTracking().OrderBy(b => b.Name).ToListAsync();
}
