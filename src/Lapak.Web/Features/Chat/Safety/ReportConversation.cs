using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Safety;

/// <summary>
/// A member reports a conversation: the report keeps the last <see cref="Window"/> messages up to what the reporter saw
/// (<c>lastSeq</c>), names the other side, and tells every admin. One open report per reporter and conversation.
/// </summary>
public static class ReportConversation
{
    public const int Window = 20;
    public const string Notification = "chat.report";

    /// <param name="LastSeq">The last message the reporter saw; the conversation's last when missing.</param>
    public sealed record Command(string? Reason, long? LastSeq = null);

    public sealed class Handler(LapakDbContext db, ChatAccess access, Notifier notifier, TimeProvider clock, LapakText text)
    {
        public async Task<(ChatReport? Report, ChatProblems Problems)> HandleAsync(ClaimsPrincipal user, Guid conversationId, Command command,
            CancellationToken ct = default)
        {
            var problems = new ChatProblems();
            var me = user.RequiredUserId();
            var facts = await access.FactsAsync(conversationId);
            if (facts is null || !facts.IsMember(me))
            {
                problems.NotFound = true;
                return (null, problems);
            }
            var reason = command.Reason?.Trim() ?? "";
            if (reason.Length == 0) problems.Add(nameof(Command.Reason), text.Get("Tell us what is wrong with this conversation."));
            else if (reason.Length > ChatReport.ReasonMaxLength)
                problems.Add(nameof(Command.Reason), text.Get("The reason can be at most 1000 characters."));
            if (command.LastSeq is < 0) problems.Add(nameof(Command.LastSeq), text.Get("The last message number cannot be negative."));
            if (problems.Any) return (null, problems);
            if (await db.Set<ChatReport>().AnyAsync(r => r.ConversationId == conversationId && r.ReporterId == me && r.Status == ChatReportStatus.Open, ct))
            {
                problems.Conflict = text.Get("You already reported this conversation. An admin will look at it soon.");
                return (null, problems);
            }

            var lastSeq = await db.Set<Conversation>().Where(c => c.Id == conversationId).Select(c => c.LastSeq).SingleAsync(ct);
            var toSeq = Math.Min(command.LastSeq ?? lastSeq, lastSeq);
            var report = new ChatReport
            {
                ConversationId = conversationId, ReporterId = me, ReportedUserId = ReportedUser(facts, me), Reason = reason,
                ToSeq = toSeq, FromSeq = Math.Max(Math.Min(1, toSeq), toSeq - Window + 1), CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(report);
            var reported = report.ReportedUserId is { } r ? await db.Users.Where(u => u.Id == r).Select(u => u.FullName).SingleOrDefaultAsync(ct) : null;
            var admins = await (from ur in db.UserRoles
                                join role in db.Roles on ur.RoleId equals role.Id
                                join u in db.Users on ur.UserId equals u.Id
                                where role.Name == Roles.Admin && u.IsActive
                                select u).ToListAsync(ct);
            foreach (var admin in admins)
                notifier.Notify(admin, Notification, new { reporter = user.DisplayName(), reported = reported ?? "–", reason },
                    "/admin/chat/reports?status=Open#report-" + report.Id.ToString("N"));
            await db.SaveChangesAsync(ct);
            return (report, problems);
        }

        /// <summary>The other member of a direct chat; in a support chat the agent (for the customer) or the customer (for staff).</summary>
        private static Guid? ReportedUser(ConversationFacts facts, Guid me) =>
            facts.Kind == ConversationKind.Direct ? facts.MemberIds.FirstOrDefault(m => m != me) is var other && other != Guid.Empty ? other : null
            : me == facts.CustomerId ? facts.AgentId : facts.CustomerId;
    }
}
