using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Accounts.Admin;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Admin.RequestTypes;

/// <summary>
/// The create and edit pages of a request type. The field editor works without JavaScript: "add field", "remove",
/// "move up" and the like post the whole form back with an <c>op</c> and come back with it changed, unsaved.
/// </summary>
public abstract class RequestTypeFormModel(LapakDbContext db, SaveRequestType.Handler handler, IStringLocalizer l) : PageModel
{
    [BindProperty] public SaveRequestType.Command Input { get; set; } = new();
    public List<Team> Teams { get; private set; } = [];
    protected LapakDbContext Db => db;
    public abstract bool IsNew { get; }

    protected async Task LoadTeamsAsync() => Teams = await db.Set<Team>().AsNoTracking().OrderBy(t => t.Name).ToListAsync();

    protected async Task<IActionResult> PostAsync(Guid? id, string? op)
    {
        if (!string.IsNullOrEmpty(op) && op != "save")
        {
            Apply(op);
            ModelState.Clear();
            await LoadTeamsAsync();
            return Page();
        }
        if (ModelState.IsValid)
        {
            var outcome = await handler.HandleAsync(id, Input);
            if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
            if (outcome.Succeeded)
            {
                TempData["Flash"] = (IsNew ? l["Request type {0} created.", Input.NameEn.Trim()] : l["Request type {0} saved.", Input.NameEn.Trim()]).Value;
                return Redirect("/helpdesk/admin/request-types");
            }
            outcome.CopyTo(ModelState, "Input");
            if (outcome.Errors.Keys.Any(k => k.StartsWith("Fields", StringComparison.Ordinal)))
                ModelState.AddModelError("", l["Some fields of the form need attention; see the messages below."]);
        }
        await LoadTeamsAsync();
        return Page();
    }

    private void Apply(string op)
    {
        var parts = op.Split(':');
        int At(int i) => parts.Length > i && int.TryParse(parts[i], out var n) ? n : -1;
        var fields = Input.Fields;
        int i = At(1), j = At(2);
        bool Has(int index) => index >= 0 && index < fields.Count;
        switch (parts[0])
        {
            case "add-field" when fields.Count < SaveRequestType.MaxFields:
                fields.Add(new SaveRequestType.FieldInput());
                break;
            case "remove-field" when Has(i):
                fields.RemoveAt(i);
                break;
            case "up-field" when Has(i) && i > 0:
                (fields[i - 1], fields[i]) = (fields[i], fields[i - 1]);
                break;
            case "down-field" when Has(i) && i < fields.Count - 1:
                (fields[i + 1], fields[i]) = (fields[i], fields[i + 1]);
                break;
            case "add-item" when Has(i):
                (fields[i].Items ??= []).Add(new SaveRequestType.FieldInput());
                break;
            case "remove-item" when Has(i) && fields[i].Items is { } items && j >= 0 && j < items.Count:
                items.RemoveAt(j);
                break;
        }
    }

    public string? Error(string key) =>
        ModelState.TryGetValue("Input." + key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}
