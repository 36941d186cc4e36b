using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Canned;

/// <summary>Create (<c>/helpdesk/canned/new</c>) or change a canned response; supervisors and admins only.</summary>
public sealed class CannedEditModel(CannedResponses canned, SaveCannedResponse.Handler save, DeleteCannedResponse.Handler delete, IStringLocalizer l) : PageModel
{
    [BindProperty] public SaveCannedResponse.Command Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (!CannedResponses.MayManage(User)) return Forbid();
        Id = id;
        if (id is { } existing)
        {
            var found = await canned.FindAsync(existing);
            if (found is null) return NotFound();
            Input = new SaveCannedResponse.Command { Title = found.Title, Body = found.Body, TeamId = found.TeamId, IsActive = found.IsActive };
        }
        Teams = await canned.TeamsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            Teams = await canned.TeamsAsync();
            return Page();
        }
        var result = await save.HandleAsync(User, id, Input);
        switch (result.Problem)
        {
            case SaveCannedResponse.Problem.NotAllowed: return Forbid();
            case SaveCannedResponse.Problem.NotFound: return NotFound();
            case SaveCannedResponse.Problem.Invalid:
                foreach (var (key, messages) in result.Errors)
                    foreach (var message in messages) ModelState.AddModelError($"Input.{key}", message);
                Teams = await canned.TeamsAsync();
                return Page();
        }
        TempData["Flash"] = id is null ? l["The canned response \"{0}\" has been added.", Input.Title.Trim()].Value
            : l["The canned response \"{0}\" has been saved.", Input.Title.Trim()].Value;
        return Redirect("/helpdesk/canned");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var problem = await delete.HandleAsync(User, id);
        if (problem == DeleteCannedResponse.Problem.NotAllowed) return Forbid();
        if (problem == DeleteCannedResponse.Problem.NotFound) return NotFound();
        TempData["Flash"] = l["The canned response has been deleted."].Value;
        return Redirect("/helpdesk/canned");
    }
}
