using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Opening a ticket with files attached to its first message. Like <see cref="ReplyWithFiles"/>: files checked
/// before anything is written, ticket and file rows in one transaction, stored files removed if it fails.
/// </summary>
public static class OpenTicketWithFiles
{
    public sealed class Handler(LapakDbContext db, OpenTicket.Handler open, TicketFiles files, TimeProvider clock)
    {
        /// <summary>The files' problems alone, to show with the form's other mistakes.</summary>
        public List<string> Check(IReadOnlyList<AttachmentUpload> uploads) => files.Check(uploads);

        /// <summary>The opened ticket, or the errors by field: the command's own and <see cref="TicketFiles.Field"/> for the files.</summary>
        public async Task<OpenTicket.Opened> HandleAsync(ClaimsPrincipal opener, OpenTicket.Command c, IReadOnlyList<AttachmentUpload> uploads,
            CancellationToken ct = default)
        {
            if (uploads.Count == 0) return await open.HandleAsync(opener, c);
            var errors = files.Check(uploads);
            if (errors.Count > 0) return new(null, new() { [TicketFiles.Field] = [.. errors] });

            var staged = await files.StoreAsync(uploads, ct);
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var opened = await open.HandleAsync(opener, c);
                if (!opened.Succeeded)
                {
                    files.Discard(staged);
                    return opened;
                }
                files.Attach(opened.Ticket!.Id, null, staged, opener.RequiredUserId(), clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return opened;
            }
            catch
            {
                files.Discard(staged);
                throw;
            }
        }
    }
}
