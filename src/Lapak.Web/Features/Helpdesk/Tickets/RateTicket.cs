using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

public sealed record TicketRatingView(int Score, string? Comment, DateTime CreatedAt, DateTime ResolvedAt, string? AgentName);

/// <summary>
/// "How did we do?": the customer rates a resolution 1–5 with an optional comment, once per resolution. A ticket
/// reopened and resolved again may be rated again. The rating keeps the agent who resolved it, for reports.
/// </summary>
public static class RateTicket
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Choose a rating from 1 to 5.")]
        [Range(1, 5, ErrorMessage = "Choose a rating from 1 to 5.")]
        public int? Score { get; set; }

        [StringLength(TicketRating.CommentMaxLength, ErrorMessage = "The comment may be at most {1} characters.")]
        public string? Comment { get; set; }
    }

    public enum Problem { None, NotCustomer, NotResolved, AlreadyRated }

    /// <summary>Where the resolution notice leads: straight to the rating. A query, unlike a #fragment, survives signing in on the way.</summary>
    public static string Link(string code) => $"/helpdesk/tickets/{code}?rate=ask#rate";

    public sealed class Handler(LapakDbContext db, TimeProvider clock)
    {
        public async Task<(TicketRating? Rating, Problem Problem)> HandleAsync(ClaimsPrincipal customer, Ticket ticket, Command c)
        {
            var me = customer.RequiredUserId();
            if (ticket.CustomerId != me) return (null, Problem.NotCustomer);
            if (ticket.ResolvedAt is not { } resolvedAt || ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed)) return (null, Problem.NotResolved);
            if (await db.Set<TicketRating>().AnyAsync(r => r.TicketId == ticket.Id && r.ResolvedAt == resolvedAt)) return (null, Problem.AlreadyRated);

            var now = clock.GetUtcNow().UtcDateTime;
            var rating = new TicketRating
            {
                TicketId = ticket.Id, CustomerId = me, ResolvedAt = resolvedAt, Score = c.Score!.Value, CreatedAt = now,
                Comment = string.IsNullOrWhiteSpace(c.Comment) ? null : c.Comment.Trim(),
                AgentId = ticket.AssigneeId ?? await ResolverAsync(ticket.Id),
            };
            db.Add(rating);
            ticket.Record(TicketEventKind.Rated, new Actor(me, customer.DisplayName()), now, null, rating.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException e) when (IsDuplicate(e))
            {
                return (null, Problem.AlreadyRated); // a double click or a second tab: the unique index keeps one
            }
            return (rating, Problem.None);
        }

        /// <summary>Without an assignee, whoever last moved the ticket to resolved.</summary>
        private Task<Guid?> ResolverAsync(Guid ticketId) =>
            db.Set<TicketEvent>().Where(e => e.TicketId == ticketId && e.Kind == TicketEventKind.StatusChanged && e.NewValue == nameof(TicketStatus.Resolved))
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.ActorId).FirstOrDefaultAsync();

        private static bool IsDuplicate(DbUpdateException e) =>
            e.InnerException is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };
    }

    public static async Task<IReadOnlyList<TicketRatingView>> RatingsAsync(LapakDbContext db, Guid ticketId) =>
        await (from r in db.Set<TicketRating>().AsNoTracking()
               join a in db.Users on r.AgentId equals a.Id into agents
               from a in agents.DefaultIfEmpty()
               where r.TicketId == ticketId
               orderby r.CreatedAt descending
               select new TicketRatingView(r.Score, r.Comment, r.CreatedAt, r.ResolvedAt, a == null ? null : a.FullName)).ToListAsync();

    /// <summary>Only the ticket's customer, only after a resolution, only once for it.</summary>
    public static async Task<bool> CanRateAsync(LapakDbContext db, ClaimsPrincipal user, Ticket ticket) =>
        ticket.CustomerId == user.RequiredUserId() && ticket.ResolvedAt is { } resolvedAt
        && ticket.Status is TicketStatus.Resolved or TicketStatus.Closed
        && !await db.Set<TicketRating>().AnyAsync(r => r.TicketId == ticket.Id && r.ResolvedAt == resolvedAt);
}
