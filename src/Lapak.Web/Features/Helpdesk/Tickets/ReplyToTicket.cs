using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// A public reply (customer or staff) or an internal note (staff only). A customer's reply reopens a
/// resolved or pending ticket; a staff reply to a new ticket opens it and counts as the first response.
/// Only public replies reach the customer.
/// </summary>
public static class ReplyToTicket
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Write a message.")]
        [StringLength(TicketMessage.BodyMaxLength, ErrorMessage = "The message may be at most {1} characters.")]
        public string Body { get; set; } = "";

        /// <summary>An internal note, visible to staff only.</summary>
        public bool Internal { get; set; }

        /// <summary>Set by the code, never by a client: where the reply came from, and the e-mail it came in (for replies by e-mail).</summary>
        [System.Text.Json.Serialization.JsonIgnore, Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public TicketSource Via { get; set; } = TicketSource.Portal;

        [System.Text.Json.Serialization.JsonIgnore, Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public string? EmailMessageId { get; set; }
    }

    public enum Problem { None, Closed, NotStaff }

    public sealed class Handler(LapakDbContext db, Notifier notifier, TicketLive live, TimeProvider clock, Sla.SlaClock sla)
    {
        public async Task<(TicketMessage? Message, Problem Problem)> HandleAsync(ClaimsPrincipal author, Ticket ticket, Command c)
        {
            if (ticket.IsClosed) return (null, Problem.Closed);
            var works = TicketAccess.Works(author, ticket);
            if (c.Internal && !works) return (null, Problem.NotStaff);

            var now = clock.GetUtcNow().UtcDateTime;
            var actor = new Actor(author.RequiredUserId(), author.DisplayName());
            var message = new TicketMessage
            {
                TicketId = ticket.Id, AuthorId = actor.Id, AuthorName = actor.Name, FromStaff = works, IsInternal = c.Internal,
                Body = c.Body.Trim(), CreatedAt = now, Via = c.Via, EmailMessageId = c.EmailMessageId,
            };
            db.Add(message);
            ticket.Record(c.Internal ? TicketEventKind.NoteAdded : TicketEventKind.Replied, actor, now);
            if (!c.Internal) ticket.UpdatedAt = now; // the customer sees this time; a note must not show through it

            if (!c.Internal)
            {
                if (works)
                {
                    ticket.FirstResponseAt ??= now;
                    if (ticket.Status == TicketStatus.New) ticket.MoveTo(TicketStatus.Open, actor, now);
                    var customer = await db.Users.SingleAsync(u => u.Id == ticket.CustomerId);
                    notifier.Notify(customer, HelpdeskNotifications.Replied,
                        new { code = TicketCode.Display(ticket.Code), subject = ticket.Subject, author = actor.Name }, $"/helpdesk/tickets/{ticket.Code}",
                        Inbound.TicketMailThread.For(ticket.Code));
                }
                else if (ticket.Status is TicketStatus.Resolved or TicketStatus.PendingCustomer)
                {
                    ticket.MoveTo(TicketStatus.Open, actor, now); // the customer answered: back to the agents
                }
            }
            if (!c.Internal) await sla.ApplyAsync(ticket, now);
            await db.SaveChangesAsync();
            await live.TicketChangedAsync(ticket, publicChange: !c.Internal);
            return (message, Problem.None);
        }
    }
}
