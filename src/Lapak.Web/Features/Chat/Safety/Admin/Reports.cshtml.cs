using Lapak.Web.Features.Chat.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Chat.Safety.Admin;

/// <summary>Admin moderation of reported conversations: open reports first, with the messages in question.</summary>
public sealed class ReportsModel(ChatReportQueries queries, ModerateReport.Handler handler, IStringLocalizer l) : PageModel
{
    [FromQuery(Name = "status")] public ChatReportStatus? Status { get; set; }

    public IReadOnlyList<ChatReportView> Reports { get; private set; } = [];
    public Dictionary<ChatReportStatus, int> Counts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Reports = await queries.ListAsync(Status);
        Counts = await queries.CountsAsync();
    }

    public Task<IActionResult> OnPostDismissAsync(Guid id, string? note) => CloseAsync(id, ChatReportStatus.Dismissed, note);

    public Task<IActionResult> OnPostActionTakenAsync(Guid id, string? note) => CloseAsync(id, ChatReportStatus.ActionTaken, note);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid messageId)
    {
        var problems = await handler.RemoveMessageAsync(User, id, messageId);
        if (problems.NotFound) return NotFound();
        TempData["Flash"] = problems.Any ? problems.First(s => l[s].Value) : l["The message was removed. Everyone in the chat now sees it as removed by a moderator."].Value;
        return Back(id);
    }

    private async Task<IActionResult> CloseAsync(Guid id, ChatReportStatus outcome, string? note)
    {
        var problems = await handler.CloseAsync(User, id, outcome, new ModerateReport.Command(note));
        if (problems.NotFound) return NotFound();
        TempData["Flash"] = problems.Any ? problems.First(s => l[s].Value)
            : outcome == ChatReportStatus.Dismissed ? l["The report was dismissed."].Value : l["The report was closed as action taken."].Value;
        return Back(id);
    }

    private RedirectResult Back(Guid id) =>
        Redirect($"/admin/chat/reports{(Status is { } s ? "?status=" + s : "")}#report-{id:N}");
}
