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
    private bool _editing;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (id == "new") return Page();
        return Guid.TryParse(id, out var guid) && await LoadAsync(guid) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, [Bind(Prefix = "Input")] EditOrganization.Command input)
    {
        Input = input;
        _editing = true;
        Guid? existing = null;
        if (id != "new")
        {
            if (!Guid.TryParse(id, out var guid) || !await LoadAsync(guid)) return NotFound();
            existing = guid;
        }
        if (!ModelState.IsValid)
        {
            // Said along with the other mistakes, so "this name is taken" does not come as a second surprise.
            (await edit.CheckAsync(existing, input)).CopyTo(ModelState, nameof(Input));
            return Page();
        }
        var outcome = existing is null ? await edit.CreateAsync(input) : await edit.UpdateAsync(existing.Value, input);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Succeeded)
            return Done($"/admin/organizations/{outcome.Id}", existing is null ? l["Organization created."] : l["Changes saved."]);
        outcome.CopyTo(ModelState, nameof(Input));
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var outcome = await edit.DeleteAsync(id);
        if (outcome.Succeeded) return Done("/admin/organizations", l["Organization deleted."]);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        outcome.CopyToSummary(ModelState);
        return await LoadAsync(id) ? Page() : NotFound();
    }

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
        if (!_editing) Input = new EditOrganization.Command { Name = Existing.Name, Kind = Existing.Kind, Address = Existing.Address };
        var users = await db.Users.AsNoTracking().Where(u => u.OrganizationId == id).OrderBy(u => u.FullName).ToListAsync();
        Members = await queries.ViewsAsync(users);
        return true;
    }
}
