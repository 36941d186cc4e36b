using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>
/// The supervisor of the permit's branch withdraws it (the visit is called off, a visitor is no longer welcome): the
/// permit is marked revoked, the ticket gets a history line, the customer is told in-app and by e-mail, all in one save.
/// The verification page says "revoked" from then on. Anyone else is told there is no such permit.
/// </summary>
public static class RevokePermit
{
    public const int ReasonMaxLength = 500;

    public sealed class Command
    {
        [Required(ErrorMessage = "Say why the permit is revoked.")]
        [StringLength(ReasonMaxLength, ErrorMessage = "The reason may be at most {1} characters.")]
        public string Reason { get; set; } = "";
    }

    public enum Outcome { Revoked, NotFound, Invalid, AlreadyRevoked }

    public sealed record Result(Outcome Outcome, Dictionary<string, string[]> Errors, string? Problem = null, Permit? Permit = null);

    public sealed class Handler(LapakDbContext db, PermitQueries permits, TicketAccess access, Notifier notifier, TicketLive live,
        LapakText text, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(ClaimsPrincipal user, string? code, Command c)
        {
            var found = await permits.ForTicketAsync(user, code, track: true);
            if (found is null || !found.CanRevoke) return new(Outcome.NotFound, []);
            var permit = found.Permit;
            if (permit.RevokedAt is not null)
                return new(Outcome.AlreadyRevoked, [], text.Get("This permit is already revoked."), permit);
            var reason = (c.Reason ?? "").Trim();
            if (reason.Length == 0)
                return new(Outcome.Invalid, new() { [nameof(Command.Reason)] = [text.Get("Say why the permit is revoked.")] });
            if (reason.Length > ReasonMaxLength)
                return new(Outcome.Invalid, new() { [nameof(Command.Reason)] = [string.Format(text.Get("The reason may be at most {1} characters."), null, ReasonMaxLength)] });

            var ticket = (await access.FindAsync(user, found.TicketCode))!;
            var now = clock.GetUtcNow().UtcDateTime;
            var actor = new Actor(user.RequiredUserId(), user.DisplayName());
            permit.RevokedAt = now;
            permit.RevokedById = actor.Id;
            permit.RevokedByName = actor.Name;
            permit.RevokeReason = reason;
            ticket.Record(TicketEventKind.PermitRevoked, actor, now, reason: reason);
            ticket.UpdatedAt = now;

            var customer = await db.Users.SingleAsync(u => u.Id == ticket.CustomerId);
            notifier.Notify(customer, PermitNotifications.Revoked, new
            {
                code = TicketCode.Display(ticket.Code), branch = permit.BranchName, actor = actor.Name, reason,
                window = PermitTimes.Window(permit.WindowStartUtc, permit.WindowEndUtc, permit.BranchTimeZone, LapakCultures.Normalize(customer.PreferredLanguage)),
            }, $"/helpdesk/tickets/{ticket.Code}", Inbound.TicketMailThread.For(ticket.Code));
            await db.SaveChangesAsync();
            await live.TicketChangedAsync(ticket, publicChange: true);
            return new(Outcome.Revoked, [], null, permit);
        }
    }
}

/// <summary>The notification kinds of work permits; their texts are registered in <see cref="PermitsSetup"/>.</summary>
public static class PermitNotifications
{
    public const string Revoked = "helpdesk.permit_revoked";
}
