using System.Security.Claims;
using System.Text;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Formatting;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>
/// An agent turns a support chat into a helpdesk ticket on the customer's behalf (the helpdesk's own
/// <see cref="OpenTicket"/>), with the transcript attached as a text file, the chat's team and the chosen priority.
/// Ticket, file and the chat's ticket code commit together; then a system message gives the customer the code and
/// the chat closes.
/// </summary>
public static class TurnIntoTicket
{
    public const string OpenedText = "Ticket {code} was opened for this chat.";

    /// <param name="Priority">Low, Normal, High or Urgent; the request type's default when empty.</param>
    /// <param name="Fields">Values of the request type's own fields, when it has any.</param>
    public sealed record Command(Guid? RequestTypeId, string? Subject, string? Priority, Dictionary<string, string?>? Fields = null);

    public sealed class Handler(LapakDbContext db, ChatAccess access, ChatWriter writer, ChatLive live, OpenTicket.Handler open, TicketFiles files,
        SupportTicketChoices choices, ChatQueries queries, TimeProvider clock, LapakText text)
    {
        public async Task<(string? TicketCode, ChatProblems Problems)> HandleAsync(ClaimsPrincipal user, Guid conversationId, Command command,
            CancellationToken ct = default)
        {
            var (facts, problems) = await SupportAgentCheck.CheckAsync(access, text, user, conversationId);
            if (facts is null) return (null, problems);
            var chat = await db.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == conversationId, ct);
            if (chat.TicketCode is { } existing && chat.SupportState == SupportState.Closed)
            {
                problems.Conflict = string.Format(text.Get("This chat was already turned into ticket {0}."), TicketCode.Display(existing));
                return (null, problems);
            }
            var customer = await db.Users.AsNoTracking().Where(u => u.Id == chat.CustomerId).Select(u => new { u.Email, u.IsActive }).SingleAsync(ct);

            var types = await choices.RequestTypesAsync(facts.TeamId!.Value, ct);
            if (command.RequestTypeId is not { } typeId || types.All(t => t.Id != typeId))
                problems.Add(nameof(Command.RequestTypeId), text.Get("Choose a request type."));
            var subject = (command.Subject ?? "").Trim();
            if (subject.Length is < 3 or > Ticket.SubjectMaxLength)
                problems.Add(nameof(Command.Subject), string.Format(text.Get("The subject must be between {2} and {1} characters."), "", Ticket.SubjectMaxLength, 3));
            TicketPriority? priority = null;
            if (!string.IsNullOrWhiteSpace(command.Priority))
            {
                if (Enum.TryParse<TicketPriority>(command.Priority, ignoreCase: true, out var p) && Enum.IsDefined(p)) priority = p;
                else problems.Add(nameof(Command.Priority), text.Get("Choose a priority."));
            }
            if (!customer.IsActive) problems.Add(nameof(Command.RequestTypeId), text.Get("No active account has this e-mail address."));
            if (problems.Any) return (null, problems);

            var transcript = await TranscriptAsync(user, conversationId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var fileName = $"chat-{Display.ToJakarta(now):yyyy-MM-dd}.txt";
            var upload = new AttachmentUpload(fileName, transcript.Length, () => new MemoryStream(transcript));
            var fileErrors = files.Check([upload]);
            if (fileErrors.Count > 0)
            {
                problems.Errors["Transcript"] = [.. fileErrors];
                return (null, problems);
            }

            var staged = await files.StoreAsync([upload], ct);
            Ticket ticket;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var opened = await open.HandleAsync(user, new OpenTicket.Command
                {
                    RequestTypeId = command.RequestTypeId, Subject = subject, CustomerEmail = customer.Email,
                    Description = string.Format(text.Get("Opened from a support chat with {0}. The whole conversation is attached as {1}."),
                        user.DisplayName(), fileName),
                    Fields = command.Fields ?? [],
                });
                if (!opened.Succeeded)
                {
                    files.Discard(staged);
                    foreach (var (field, messages) in opened.Errors) problems.Errors[field] = messages;
                    return (null, problems);
                }
                ticket = opened.Ticket!;
                files.Attach(ticket.Id, null, staged, user.RequiredUserId(), now);
                if (priority is { } chosen) ticket.Priority = chosen;
                if (ticket.TeamId != facts.TeamId)
                {
                    // A type shared by teams: the chat's team keeps the customer, so the ticket is theirs.
                    ticket.TeamId = facts.TeamId;
                    ticket.AssigneeId = null;
                }
                await db.SaveChangesAsync(ct);
                var code = ticket.Code;
                await db.Set<Conversation>().Where(c => c.Id == conversationId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.TicketCode, code).SetProperty(c => c.SupportState, SupportState.Closed), ct);
                await tx.CommitAsync(ct);
            }
            catch
            {
                files.Discard(staged);
                throw;
            }

            await CloseSupportChat.AnnounceAsync(writer, live, access, facts, OpenedText,
                new() { ["code"] = TicketCode.Display(ticket.Code) }, ct);
            return (ticket.Code, problems);
        }

        /// <summary>One line per message: "yyyy-MM-dd HH:mm WIB, sender: text", system lines without a sender; removed messages left out.</summary>
        private async Task<byte[]> TranscriptAsync(ClaimsPrincipal viewer, Guid conversationId, CancellationToken ct)
        {
            var lines = new StringBuilder();
            long after = 0;
            while (true)
            {
                var page = await queries.MessagesAsync(viewer, conversationId, after, null, ChatQueries.MaxPage, ct);
                if (page.Count == 0) break;
                foreach (var m in page)
                {
                    after = m.Seq;
                    if (m.Removed) continue;
                    var body = m.Text.Replace("\r\n", "\n").Replace("\n", "\n    ");
                    var files = m.Attachments.Count == 0 ? "" : " [" + string.Join(", ", m.Attachments.Select(a => a.FileName)) + "]";
                    var when = Display.Wib(m.CreatedAt);
                    lines.Append(m.SenderName is { } name ? $"{when}, {name}: {body}{files}" : $"{when}, {body}").Append('\n');
                }
            }
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(lines.ToString());
        }
    }
}
