using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Safety;

/// <summary>
/// What an admin does with a report: dismiss it or mark that action was taken (each with a note), or remove one of
/// the messages in question, which every reader then sees as removed by a moderator. Each step is in the activity log.
/// </summary>
public static class ModerateReport
{
    public sealed record Command(string? Note);

    public sealed class Handler(LapakDbContext db, ChatAccess access, ChatLive live, ActivityLog activity, TimeProvider clock, LapakText text)
    {
        public async Task<ChatProblems> CloseAsync(ClaimsPrincipal admin, Guid reportId, ChatReportStatus outcome, Command command,
            CancellationToken ct = default)
        {
            var problems = new ChatProblems();
            var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
            if (note?.Length > ChatReport.ReasonMaxLength) problems.Add(nameof(Command.Note), text.Get("The note can be at most 1000 characters."));
            var report = await db.Set<ChatReport>().SingleOrDefaultAsync(r => r.Id == reportId, ct);
            if (report is null) problems.NotFound = true;
            if (problems.Any) return problems;
            var now = clock.GetUtcNow().UtcDateTime;
            // Conditional, so two admins closing the same report at once do not both record it.
            var closed = await db.Set<ChatReport>().Where(r => r.Id == reportId && r.Status == ChatReportStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, outcome).SetProperty(r => r.Note, note)
                    .SetProperty(r => r.HandledById, admin.RequiredUserId()).SetProperty(r => r.HandledAt, now), ct);
            if (closed == 0)
            {
                problems.Conflict = text.Get("This report has already been handled.");
                return problems;
            }
            activity.Record(outcome == ChatReportStatus.Dismissed ? "chat.report_dismissed" : "chat.report_action_taken",
                "ChatReport", reportId.ToString(), note);
            await db.SaveChangesAsync(ct);
            return problems;
        }

        public async Task<ChatProblems> RemoveMessageAsync(ClaimsPrincipal admin, Guid reportId, Guid messageId, CancellationToken ct = default)
        {
            var problems = new ChatProblems();
            var report = await db.Set<ChatReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct);
            var message = report is null ? null : await db.Set<ChatMessage>().SingleOrDefaultAsync(m => m.Id == messageId
                && m.ConversationId == report.ConversationId && m.Seq >= report.FromSeq && m.Seq <= report.ToSeq, ct);
            if (message is null)
            {
                problems.NotFound = true;
                return problems;
            }
            if (message.Kind != ChatMessageKind.Text)
            {
                problems.Add("MessageId", text.Get("Only messages written by people can be removed."));
                return problems;
            }
            if (message.RemovedAt is not null) return problems;
            message.RemovedAt = clock.GetUtcNow().UtcDateTime;
            message.RemovedById = admin.RequiredUserId();
            activity.Record("chat.message_removed", "ChatMessage", message.Id.ToString(), $"report {reportId}, seq {message.Seq}");
            await db.SaveChangesAsync(ct);
            // The inbox shows the last message's text: hide it there too, unless a newer message took its place.
            await db.Set<Conversation>().Where(c => c.Id == message.ConversationId && c.LastSeq == message.Seq)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastPreview, (string?)null), ct);
            if (await access.FactsAsync(message.ConversationId) is { } facts) await live.ChangedAsync(facts);
            return problems;
        }
    }
}
