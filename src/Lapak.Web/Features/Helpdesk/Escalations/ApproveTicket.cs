using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.Permits;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Escalations;

public enum ApprovalDecision { Approve, Reject }

/// <summary>
/// Seed 002's core: the supervisor of the ticket's branch approves or rejects a request that awaits approval. Approval
/// issues the permit and sends the ticket back to work (Open); rejection answers the customer with the comment and
/// resolves the ticket. Everything is one transaction, and only the first decision counts: a second one, even at the same
/// moment, is refused and never makes a second permit.
/// </summary>
public static class ApproveTicket
{
    public const int CommentMaxLength = 500;

    public sealed class Command
    {
        public ApprovalDecision? Decision { get; set; }
        /// <summary>Required to reject: it is the customer's answer.</summary>
        public string? Comment { get; set; }
    }

    public sealed record Outcome(TicketProblems Problems, Permit? Permit);

    public sealed class Handler(LapakDbContext db, Notifier notifier, LapakText text, TicketLive live, TimeProvider clock, IssuePermit permits)
    {
        /// <param name="ticket">Found through <see cref="BranchSupervision.FindForDecisionAsync"/>, so the caller supervises its branch.</param>
        public async Task<Outcome> HandleAsync(ClaimsPrincipal supervisor, Ticket ticket, Command c)
        {
            var problems = new TicketProblems();
            var comment = string.IsNullOrWhiteSpace(c.Comment) ? null : c.Comment.Trim();
            if (c.Decision is null) problems.Add(nameof(Command.Decision), text.Get("Choose to approve or to reject."));
            if (c.Decision == ApprovalDecision.Reject && comment is null)
                problems.Add(nameof(Command.Comment), text.Get("Say why the request is rejected; the customer reads it."));
            else if (comment?.Length > CommentMaxLength)
                problems.Add(nameof(Command.Comment), string.Format(text.Get("The comment may be at most {0} characters."), CommentMaxLength));
            if (problems.Any) return new Outcome(problems, null);
            if (ticket.Status != TicketStatus.AwaitingApproval)
            {
                problems.Conflict = string.Format(text.Get("Ticket {0} is not awaiting approval (it is {1}), so there is nothing to decide."),
                    TicketCode.Display(ticket.Code), TicketLabels.Status(ticket.Status, text));
                return new Outcome(problems, null);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var actor = new Actor(supervisor.RequiredUserId(), supervisor.DisplayName());
            Permit? permit = null;
            if (c.Decision == ApprovalDecision.Approve)
            {
                var built = await permits.BuildAsync(ticket, actor, comment, now);
                if (built.Problem is not null)
                {
                    problems.Conflict = built.Problem;
                    return new Outcome(problems, null);
                }
                permit = built.Permit!;
            }

            await using var tx = await db.Database.BeginTransactionAsync();
            // The claim: only the decision that still finds the ticket awaiting approval goes on; one made at the same moment
            // waits for this transaction and then finds it decided.
            var claimed = await db.Set<Ticket>().Where(t => t.Id == ticket.Id && t.Status == TicketStatus.AwaitingApproval)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedAt, now));
            if (claimed != 1) return await RefuseAsync(tx, problems);

            var customer = await db.Users.SingleAsync(u => u.Id == ticket.CustomerId);
            var data = new { code = TicketCode.Display(ticket.Code), subject = ticket.Subject, actor = actor.Name, comment = comment ?? "" };
            if (permit is not null)
            {
                db.Add(permit);
                ticket.Record(TicketEventKind.Approved, actor, now, reason: comment);
                ticket.MoveTo(TicketStatus.Open, actor, now);
                notifier.Notify(customer, EscalationNotifications.Approved, data, $"/helpdesk/tickets/{ticket.Code}", Inbound.TicketMailThread.For(ticket.Code));
            }
            else
            {
                db.Add(new TicketMessage
                {
                    TicketId = ticket.Id, AuthorId = actor.Id, AuthorName = actor.Name, FromStaff = true, Body = comment!, CreatedAt = now, Via = TicketSource.Portal,
                });
                ticket.FirstResponseAt ??= now;
                ticket.Record(TicketEventKind.Rejected, actor, now, reason: comment);
                ticket.MoveTo(TicketStatus.Resolved, actor, now);
                notifier.Notify(customer, EscalationNotifications.Rejected, data, $"/helpdesk/tickets/{ticket.Code}", Inbound.TicketMailThread.For(ticket.Code));
            }
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                return await RefuseAsync(tx, problems); // the unique permit per ticket: someone got there first
            }
            await tx.CommitAsync();
            await live.TicketChangedAsync(ticket, publicChange: true);
            return new Outcome(problems, permit);
        }

        private async Task<Outcome> RefuseAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, TicketProblems problems)
        {
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            problems.Conflict = text.Get("Someone already decided on this request. Reload the ticket to see the decision.");
            return new Outcome(problems, null);
        }
    }
}
