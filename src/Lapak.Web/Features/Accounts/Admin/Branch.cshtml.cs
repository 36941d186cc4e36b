using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary><c>/admin/branches/new</c> creates one; <c>/admin/branches/{id}</c> edits it, manages its members and supervisor, and deletes it.</summary>
public sealed class BranchModel(LapakDbContext db, EditBranch.Handler edit, ManageMembers.Handler members,
    UserPicker picker, IStringLocalizer l) : MemberPageModel(picker)
{
    protected override IStringLocalizer Localizer => l;

    public EditBranch.Command Input { get; private set; } = new();
    public Branch? Existing { get; private set; }
    public List<UnitMember> Members { get; private set; } = [];
    public List<Team> Teams { get; private set; } = [];
    public bool IsNew => Existing is null;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (id == "new") return Page();
        return Guid.TryParse(id, out var guid) && await LoadAsync(guid) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostSaveAsync(string id, [Bind(Prefix = "Input")] EditBranch.Command input)
    {
        Input = input;
        return SaveAsync(id, input, edit, "/admin/branches", l["Branch created."]);
    }

    public Task<IActionResult> OnPostDeleteAsync(Guid id) => DeleteAsync(id, edit.DeleteAsync, "/admin/branches", l["Branch deleted."]);

    public Task<IActionResult> OnPostAddAsync(Guid id, string? who, Guid? userId, bool supervisor) =>
        AddMemberAsync(id, who, userId, supervisor, user => members.AddToBranchAsync(id, user, supervisor), $"/admin/branches/{id}");

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid userId) =>
        RunAsync(id, () => members.RemoveFromBranchAsync(id, userId), l["Removed from the branch."], $"/admin/branches/{id}");

    public Task<IActionResult> OnPostSupervisorAsync(Guid id, Guid userId, bool supervisor) =>
        RunAsync(id, () => members.SetBranchSupervisorAsync(id, userId, supervisor),
            supervisor ? l["Supervisor changed."] : l["The supervisor has stepped down."], $"/admin/branches/{id}");

    protected override async Task<bool> LoadAsync(Guid id)
    {
        Existing = await db.Set<Branch>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id);
        if (Existing is null) return false;
        if (!Editing)
            Input = new EditBranch.Command
            {
                Code = Existing.Code, Name = Existing.Name, City = Existing.City, Address = Existing.Address, TimeZone = Existing.TimeZone,
            };
        Members = await (from m in db.Set<BranchMember>() join u in db.Users on m.UserId equals u.Id
                         where m.BranchId == id
                         orderby m.IsSupervisor descending, u.FullName
                         select new UnitMember(u.Id, u.FullName, u.Email!, m.IsSupervisor, u.IsActive)).ToListAsync();
        Teams = await db.Set<Team>().AsNoTracking().Where(t => t.BranchId == id).OrderBy(t => t.Name).ToListAsync();
        return true;
    }
}
