using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Chat.QuickReplies;

/// <summary>My quick replies: the list, and a form to add one.</summary>
public sealed class QuickRepliesIndexModel(QuickReplyQueries queries, SaveQuickReply.Handler save, IStringLocalizer l) : PageModel
{
    [BindProperty] public SaveQuickReply.Command Input { get; set; } = new();

    public IReadOnlyList<QuickReplyView> Items { get; private set; } = [];
    public bool Full => Items.Count >= QuickReplyQueries.MaxPerUser;

    public async Task OnGetAsync() => Items = await queries.ListAsync(User.RequiredUserId());

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(User, null, Input);
            if (result.Saved is { } saved)
            {
                TempData["Flash"] = l["The quick reply \"{0}\" has been added.", saved.Title].Value;
                return Redirect("/chat/quick-replies");
            }
            foreach (var (key, messages) in result.Errors)
                foreach (var message in messages) ModelState.AddModelError(key.Length == 0 ? "" : $"Input.{key}", message);
        }
        Items = await queries.ListAsync(User.RequiredUserId());
        return Page();
    }
}
