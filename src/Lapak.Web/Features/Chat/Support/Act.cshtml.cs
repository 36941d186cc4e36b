using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>
/// Where the agent buttons in the conversation header post (pick up, close, turn into a ticket); each goes back to
/// the chat, with what went wrong as the page's message.
/// </summary>
public sealed class SupportActModel(PickUpSupportChat.Handler pickUp, CloseSupportChat.Handler close, TurnIntoTicket.Handler ticket,
    ChatAccess access, LapakText text) : PageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/chat/{id}");

    public async Task<IActionResult> OnPostPickUpAsync(Guid id)
    {
        var (facts, gate) = await SupportAgentCheck.CheckAsync(access, text, User, id);
        if (facts is null) return Back(id, gate);
        var (_, problems) = await pickUp.HandleAsync(User, id, HttpContext.RequestAborted);
        return Back(id, problems);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id) => Back(id, await close.HandleAsync(User, id, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostTicketAsync(Guid id, Guid? requestTypeId, string? subject, string? priority)
    {
        var (code, problems) = await ticket.HandleAsync(User, id, new TurnIntoTicket.Command(requestTypeId, subject, priority), HttpContext.RequestAborted);
        if (code is not null) TempData["Flash"] = text.Get(TurnIntoTicket.OpenedText).Replace("{code}", Helpdesk.Tickets.TicketCode.Display(code));
        return Back(id, problems);
    }

    private IActionResult Back(Guid id, ChatProblems problems)
    {
        if (problems.NotFound) return NotFound();
        if (problems.Any)
            TempData["Flash"] = problems.Errors.Count > 0 ? string.Join(" ", problems.Errors.Values.SelectMany(v => v)) : problems.First(text.Get);
        return Redirect($"/chat/{id}");
    }
}
