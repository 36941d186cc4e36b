using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Chat.QuickReplies;

/// <summary>Change or delete one of my quick replies; someone else's is not found.</summary>
public sealed class QuickReplyEditModel(QuickReplyQueries queries, SaveQuickReply.Handler save, DeleteQuickReply.Handler delete, IStringLocalizer l)
    : PageModel
{
    [BindProperty] public SaveQuickReply.Command Input { get; set; } = new();

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Id = id;
        var found = await queries.FindAsync(User.RequiredUserId(), id);
        if (found is null) return NotFound();
        Input = new SaveQuickReply.Command { Title = found.Title, Body = found.Body };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Id = id;
        if (!ModelState.IsValid) return await queries.FindAsync(User.RequiredUserId(), id) is null ? NotFound() : Page();
        var result = await save.HandleAsync(User, id, Input);
        switch (result.Problem)
        {
            case SaveQuickReply.Problem.NotFound: return NotFound();
            case SaveQuickReply.Problem.Invalid:
                foreach (var (key, messages) in result.Errors)
                    foreach (var message in messages) ModelState.AddModelError(key.Length == 0 ? "" : $"Input.{key}", message);
                return Page();
        }
        TempData["Flash"] = l["The quick reply \"{0}\" has been saved.", result.Saved!.Title].Value;
        return Redirect("/chat/quick-replies");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (!await delete.HandleAsync(User, id)) return NotFound();
        TempData["Flash"] = l["The quick reply has been deleted."].Value;
        return Redirect("/chat/quick-replies");
    }
}
