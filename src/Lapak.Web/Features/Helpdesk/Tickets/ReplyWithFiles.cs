using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// A reply or internal note with files. The files are checked first (nothing is written when one is refused),
/// then stored, then the message and their rows commit in one transaction; if that fails, the stored files go again.
/// </summary>
public static class ReplyWithFiles
{
    public sealed record Result(TicketMessage? Message, ReplyToTicket.Problem Problem, List<string> FileErrors)
    {
        public bool Succeeded => Message is not null;
    }

    public sealed class Handler(LapakDbContext db, ReplyToTicket.Handler replies, TicketFiles files, TimeProvider clock)
    {
        /// <summary>The files' problems alone, to show with the form's other mistakes.</summary>
        public List<string> Check(IReadOnlyList<AttachmentUpload> uploads) => files.Check(uploads);

        public async Task<Result> HandleAsync(ClaimsPrincipal author, Ticket ticket, ReplyToTicket.Command c, IReadOnlyList<AttachmentUpload> uploads,
            CancellationToken ct = default)
        {
            if (uploads.Count == 0)
            {
                var (plain, problem) = await replies.HandleAsync(author, ticket, c);
                return new(plain, problem, []);
            }
            // The refusals that need no files are answered before anything is stored.
            if (ticket.IsClosed) return new(null, ReplyToTicket.Problem.Closed, []);
            if (c.Internal && !TicketAccess.Works(author, ticket)) return new(null, ReplyToTicket.Problem.NotStaff, []);
            var errors = files.Check(uploads);
            if (errors.Count > 0) return new(null, ReplyToTicket.Problem.None, errors);

            var staged = await files.StoreAsync(uploads, ct);
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var (message, problem) = await replies.HandleAsync(author, ticket, c);
                if (message is null)
                {
                    files.Discard(staged);
                    return new(null, problem, []);
                }
                files.Attach(ticket.Id, message.Id, staged, author.RequiredUserId(), clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new(message, ReplyToTicket.Problem.None, []);
            }
            catch
            {
                files.Discard(staged);
                throw;
            }
        }
    }
}
