using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Chat.Safety;

/// <summary>Reporting a conversation without the header's dialog (and where the dialog's form posts).</summary>
public sealed class ReportModel(ReportConversation.Handler handler, ChatAccess access, IStringLocalizer l) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? LastSeq { get; set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await access.FactsAsync(Id) is { } facts && facts.IsMember(User.RequiredUserId()) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        var (report, problems) = await handler.HandleAsync(User, Id, new ReportConversation.Command(Reason, LastSeq));
        if (problems.NotFound) return NotFound();
        if (report is null)
        {
            foreach (var (field, messages) in problems.Errors)
                foreach (var message in messages) ModelState.AddModelError(field, message);
            Problem = problems.Conflict;
            return Page();
        }
        TempData["Flash"] = l["Thank you. An admin will look at this conversation."].Value;
        return LocalRedirect($"/chat/{Id}");
    }
}
