using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>Staff move a ticket along its lifecycle; the customer hears of every change.</summary>
public static class ChangeTicketStatus
{
    public sealed class Handler(LapakDbContext db, Notifier notifier, LapakText text, TicketLive live, TimeProvider clock, Sla.SlaClock sla)
    {
        /// <summary>Null when done; otherwise why not, in the caller's language.</summary>
        public async Task<string?> HandleAsync(ClaimsPrincipal staff, Ticket ticket, TicketStatus to)
        {
            var from = ticket.Status;
            var problem = await ApplyAsync(staff, ticket, to);
            if (problem is not null || from == to) return problem;
            await db.SaveChangesAsync();
            await live.TicketChangedAsync(ticket, publicChange: true);
            return null;
        }

        /// <summary>Moves the tracked ticket and queues the customer's notification without saving, for callers that change more at once.</summary>
        public async Task<string?> ApplyAsync(ClaimsPrincipal staff, Ticket ticket, TicketStatus to)
        {
            if (!TicketAccess.Works(staff, ticket)) return text.Get("Only staff working on the ticket can change its status.");
            if (ticket.Status == to) return null;
            var from = ticket.Status;
            var actor = new Actor(staff.RequiredUserId(), staff.DisplayName());
            if (!ticket.MoveTo(to, actor, clock.GetUtcNow().UtcDateTime))
                return string.Format(text.Get("A ticket cannot go from {0} to {1}."), TicketLabels.Status(from, text), TicketLabels.Status(to, text));
            await sla.ApplyAsync(ticket);

            var customer = await db.Users.SingleAsync(u => u.Id == ticket.CustomerId);
            notifier.Notify(customer, to == TicketStatus.Resolved ? HelpdeskNotifications.Resolved : HelpdeskNotifications.StatusChanged,
                new { code = TicketCode.Display(ticket.Code), subject = ticket.Subject, status = TicketLabels.Status(to, text, customer.PreferredLanguage) },
                to == TicketStatus.Resolved ? RateTicket.Link(ticket.Code) : $"/helpdesk/tickets/{ticket.Code}", Inbound.TicketMailThread.For(ticket.Code));
            return null;
        }
    }
}
