using Lapak.Web.Features.Chat.Conversations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Chat.Pages;

/// <summary>
/// The target of every "Chat" button in Lapak: opens (or reuses) the conversation and lands on it with the
/// composer focused, so chatting from a profile is: click Chat, type, send.
/// </summary>
public sealed class ChatStartModel(StartConversation.Handler start) : PageModel
{
    [BindProperty] public Guid UserId { get; set; }
    [BindProperty] public string? SubjectKind { get; set; }
    [BindProperty] public string? SubjectId { get; set; }

    public IActionResult OnGet() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public async Task<IActionResult> OnPostAsync()
    {
        var (conversation, _, problems) = await start.HandleAsync(User,
            new StartConversation.Command(UserId, Blank(SubjectKind), Blank(SubjectId)), HttpContext.RequestAborted);
        if (conversation is not null) return Redirect($"/chat/{conversation.Id}?focus=1");
        // The button sits on someone else's page, which cannot show our message: the inbox does.
        TempData[nameof(ChatInboxModel.ChatError)] = problems.Errors.Values.SelectMany(v => v).FirstOrDefault();
        return Redirect("/chat");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
