using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary><c>/admin/organizations/new</c> creates one; <c>/admin/organizations/{id}</c> edits it, lists its users and deletes it.</summary>
public sealed class OrganizationModel(LapakDbContext db, EditOrganization.Handler edit, SetUserOrganization.Handler membership,
    AdminUserQueries queries, UserPicker picker, IStringLocalizer l) : MemberPageModel(picker)
{
    protected override IStringLocalizer Localizer => l;

    public EditOrganization.Command Input { get; private set; } = new();
    public Organization? Existing { get; private set; }
    public IReadOnlyList<AdminUserView> Members { get; private set; } = [];
    public bool IsNew => Existing is null;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (id == "new") return Page();
        return Guid.TryParse(id, out var guid) && await LoadAsync(guid) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostSaveAsync(string id, [Bind(Prefix = "Input")] EditOrganization.Command input)
    {
        Input = input;
        return SaveAsync(id, input, edit, "/admin/organizations", l["Organization created."]);
    }

    public Task<IActionResult> OnPostDeleteAsync(Guid id) => DeleteAsync(id, edit.DeleteAsync, "/admin/organizations", l["Organization deleted."]);

    public Task<IActionResult> OnPostAddAsync(Guid id, string? who, Guid? userId) =>
        AddMemberAsync(id, who, userId, false, user => membership.HandleAsync(user, id), $"/admin/organizations/{id}");

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid userId)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.OrganizationId == id)) return NotFound();
        return await RunAsync(id, () => membership.HandleAsync(userId, null), l["Removed from the organization."], $"/admin/organizations/{id}");
    }

    protected override async Task<bool> LoadAsync(Guid id)
    {
        Existing = await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id);
        if (Existing is null) return false;
        if (!Editing) Input = new EditOrganization.Command { Name = Existing.Name, Kind = Existing.Kind, Address = Existing.Address };
        var users = await db.Users.AsNoTracking().Where(u => u.OrganizationId == id).OrderBy(u => u.FullName).ToListAsync();
        Members = await queries.ViewsAsync(users);
        return true;
    }
}
