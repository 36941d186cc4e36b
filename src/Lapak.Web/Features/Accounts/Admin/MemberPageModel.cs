using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>
/// What the organization, branch and team pages share: an admin names a user by e-mail address (added at
/// once) or searches by name or phone (and then picks one of the matches), and each change comes back
/// to the page with a flash or the reason it was refused.
/// </summary>
public abstract class MemberPageModel(UserPicker picker) : PageModel
{
    protected abstract IStringLocalizer Localizer { get; }

    /// <summary>What the admin typed in the "add a member" box.</summary>
    public string? Who { get; protected set; }
    public bool AsSupervisor { get; protected set; }
    public IReadOnlyList<AdminUserView> Candidates { get; private set; } = [];

    /// <summary>True while a posted form is shown again, so <see cref="LoadAsync"/> keeps what the admin typed.</summary>
    protected bool Editing { get; private set; }

    /// <summary>Creates (<paramref name="id"/> "new") or updates a unit; mistakes come back on the form all at once.</summary>
    protected async Task<IActionResult> SaveAsync<TCommand>(string id, TCommand input, IUnitEditor<TCommand> edit, string basePath,
        string created, Func<Task>? prepareNewForm = null)
    {
        var l = Localizer;
        Editing = true;
        Guid? existing = null;
        if (id != "new")
        {
            if (!Guid.TryParse(id, out var guid) || !await LoadAsync(guid)) return NotFound();
            existing = guid;
        }
        else if (prepareNewForm is not null) await prepareNewForm();
        if (!ModelState.IsValid)
        {
            // Said along with the other mistakes, so "this name is taken" does not come as a second surprise.
            (await edit.CheckAsync(existing, input)).CopyTo(ModelState, "Input");
            return Page();
        }
        var outcome = existing is null ? await edit.CreateAsync(input) : await edit.UpdateAsync(existing.Value, input);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Succeeded) return Done($"{basePath}/{outcome.Id}", existing is null ? created : l["Changes saved."]);
        outcome.CopyTo(ModelState, "Input");
        return Page();
    }

    /// <summary>Deletes a unit, or shows why it cannot be deleted yet.</summary>
    protected async Task<IActionResult> DeleteAsync(Guid id, Func<Guid, Task<Outcome>> delete, string basePath, string deleted)
    {
        var outcome = await delete(id);
        if (outcome.Succeeded) return Done(basePath, deleted);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        outcome.CopyToSummary(ModelState);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    /// <summary>Loads what the page shows; false when the organization, branch or team does not exist.</summary>
    protected abstract Task<bool> LoadAsync(Guid id);

    protected async Task<IActionResult> AddMemberAsync(Guid id, string? who, Guid? userId, bool supervisor,
        Func<Guid, Task<Outcome>> add, string redirect)
    {
        var l = Localizer;
        Who = who;
        AsSupervisor = supervisor;
        if (userId is null)
        {
            var pick = await picker.FindAsync(who);
            if (string.IsNullOrWhiteSpace(who))
                ModelState.AddModelError("who", l["Enter an e-mail address, a name or a phone number."]);
            else if (pick.UserId is null && pick.Candidates.Count == 0)
                ModelState.AddModelError("who", l["No user found with that e-mail address or name."]);
            Candidates = pick.Candidates;
            if (pick.UserId is null) return await LoadAsync(id) ? Page() : NotFound();
            userId = pick.UserId;
        }
        var outcome = await add(userId.Value);
        if (outcome.Succeeded) return Done(redirect, l["Member added."]);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        foreach (var m in outcome.Messages) ModelState.AddModelError("who", m);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    /// <summary>Runs a change; success redirects with a flash, refusal shows the reason above the page.</summary>
    protected async Task<IActionResult> RunAsync(Guid id, Func<Task<Outcome>> change, string done, string redirect)
    {
        var outcome = await change();
        if (outcome.Succeeded) return Done(redirect, done);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        outcome.CopyToSummary(ModelState);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    protected IActionResult Done(string redirect, string flash)
    {
        TempData["Flash"] = flash;
        return Redirect(redirect);
    }
}

/// <summary>The "add a member" box: which page handler it posts to, its label, and whether a supervisor can be chosen.</summary>
public sealed record MemberPicker(MemberPageModel Page, string Handler, string Label, bool OfferSupervisor);

/// <summary>A member of a team or branch as its page lists them.</summary>
public sealed record UnitMember(Guid UserId, string FullName, string Email, bool IsSupervisor, bool IsActive);

/// <summary>The member list of a team or branch, with supervisor and remove buttons.</summary>
public sealed record MemberList(IReadOnlyList<UnitMember> Members, Guid UnitId, string UnitName);
