using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// A supervisor or admin removes a ticket (spam, a duplicate, a customer's data by mistake). It is only hidden:
/// the row stays for the record and the reason goes into the activity log with the deletion itself.
/// </summary>
public static class DeleteTicket
{
    public const string Action = "helpdesk.ticket_deleted";

    public sealed class Command
    {
        [Required(ErrorMessage = "Say why the ticket is deleted.")]
        [StringLength(500, MinimumLength = 3, ErrorMessage = "The reason must be between {2} and {1} characters.")]
        public string Reason { get; set; } = "";
    }

    public sealed class Handler(LapakDbContext db, ActivityLog activity, Live.TicketLive live, TimeProvider clock)
    {
        public static bool MayDelete(ClaimsPrincipal user) => TicketAccess.SeesAll(user);

        /// <summary>False when <paramref name="user"/> may not delete tickets; nothing changes then.</summary>
        public async Task<bool> HandleAsync(ClaimsPrincipal user, Ticket ticket, Command c)
        {
            if (!MayDelete(user)) return false;
            var reason = c.Reason.Trim();
            ticket.DeletedAt = clock.GetUtcNow().UtcDateTime;
            ticket.DeletedById = user.RequiredUserId();
            ticket.DeleteReason = reason;
            activity.Record(Action, "ticket", ticket.Id.ToString(), detail: $"{TicketCode.Display(ticket.Code)} · {ticket.Subject} — {reason}");
            await db.SaveChangesAsync();
            await live.TicketChangedAsync(ticket, publicChange: true); // lists and open pages drop it
            return true;
        }
    }
}
