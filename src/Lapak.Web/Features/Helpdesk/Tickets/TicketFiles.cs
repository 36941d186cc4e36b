using System.Security.Claims;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Files;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>One file as it arrives (from a form, the API or later an e-mail), opened as often as it is read.</summary>
public sealed record AttachmentUpload(string FileName, long Length, Func<Stream> Open)
{
    public static IReadOnlyList<AttachmentUpload> From(IEnumerable<IFormFile>? files) =>
        files?.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))
            .Select(f => new AttachmentUpload(f.FileName, f.Length, f.OpenReadStream)).ToList() ?? [];
}

/// <summary>A checked file written to the store but not yet recorded; discarded again when the database write fails.</summary>
public sealed record StagedFile(Guid Id, string FileName, FileKind Kind, long Size, string StoragePath);

public sealed record TicketAttachmentView(Guid Id, Guid? MessageId, string FileName, string ContentType, long Size, bool IsImage, string Url);

/// <summary>
/// Files on tickets: checks them (count, size, type by their first bytes), writes them under the store's private
/// folder, which <c>/media</c> never serves, and reads them back only for those who may see what they belong to.
/// </summary>
public sealed class TicketFiles(FileStore store, IOptions<AttachmentOptions> options, LapakText text, LapakDbContext db, TicketAccess access)
{
    public const string Field = "Attachments";
    private const string Folder = FileStore.PrivateFolder + "/helpdesk";

    public AttachmentOptions Limits => options.Value;

    /// <summary>Every problem with the files at once, each naming its file; empty when all are fine. Writes nothing.</summary>
    public List<string> Check(IReadOnlyList<AttachmentUpload> uploads)
    {
        var limits = options.Value;
        var problems = new List<string>();
        if (uploads.Count > limits.MaxFilesPerMessage)
            problems.Add(string.Format(text.Get("Attach at most {0} files to one message."), limits.MaxFilesPerMessage));
        foreach (var upload in uploads)
        {
            var name = Path.GetFileName(upload.FileName.Replace('\\', '/'));
            if (upload.Length == 0) problems.Add(string.Format(text.Get("“{0}” is empty."), name));
            else if (upload.Length > limits.MaxFileBytes)
                problems.Add(string.Format(text.Get("“{0}” is larger than {1}. Attach files of at most {1} each."), name, Lapak.Web.Infrastructure.Formatting.Display.FileSize(limits.MaxFileBytes)));
            else if (Kind(upload) is null)
                problems.Add(string.Format(text.Get("“{0}” is not a file type we accept. Attach images (JPEG, PNG, WebP, GIF), PDF, text, CSV, Word, Excel or ZIP files."), name));
        }
        return problems;
    }

    /// <summary>Writes checked files to the store. Call <see cref="Check"/> first; on failure nothing stays behind.</summary>
    public async Task<List<StagedFile>> StoreAsync(IReadOnlyList<AttachmentUpload> uploads, CancellationToken ct = default)
    {
        var staged = new List<StagedFile>();
        try
        {
            foreach (var upload in uploads)
            {
                var kind = Kind(upload) ?? throw new InvalidOperationException("Store only files that passed the check.");
                var id = Guid.NewGuid();
                var path = $"{Folder}/{id:N}";
                await using var content = upload.Open();
                await store.SaveAsync(path, content, ct);
                staged.Add(new StagedFile(id, FileKinds.SafeName(upload.FileName, kind), kind, upload.Length, path));
            }
            return staged;
        }
        catch
        {
            Discard(staged);
            throw;
        }
    }

    /// <summary>Adds the rows for staged files to the unit of work; the caller saves them with the message they belong to.</summary>
    public void Attach(Guid ticketId, Guid? messageId, IEnumerable<StagedFile> staged, Guid uploaderId, DateTime now)
    {
        foreach (var f in staged)
            db.Add(new TicketAttachment
            {
                Id = f.Id, TicketId = ticketId, MessageId = messageId, FileName = f.FileName, ContentType = f.Kind.ContentType, Size = f.Size,
                StoragePath = f.StoragePath, UploadedById = uploaderId, CreatedAt = now,
            });
    }

    public void Discard(IEnumerable<StagedFile> staged)
    {
        foreach (var f in staged)
        {
            try { store.Delete(f.StoragePath); }
            catch (IOException) { /* best effort: an orphan file holds no data anyone can reach */ }
        }
    }

    /// <summary>The attachments of a ticket that the reader may see: a note's files only for staff working the ticket.</summary>
    public static async Task<IReadOnlyList<TicketAttachmentView>> VisibleAsync(LapakDbContext db, Ticket ticket, bool includeInternal)
    {
        var rows = await (from a in db.Set<TicketAttachment>().AsNoTracking()
                          join m in db.Set<TicketMessage>() on a.MessageId equals m.Id into messages
                          from m in messages.DefaultIfEmpty()
                          where a.TicketId == ticket.Id && (includeInternal || m == null || !m.IsInternal)
                          orderby a.CreatedAt, a.FileName
                          select new { a.Id, a.MessageId, a.FileName, a.ContentType, a.Size }).ToListAsync();
        return rows.Select(a => new TicketAttachmentView(a.Id, a.MessageId, a.FileName, a.ContentType, a.Size, a.ContentType.StartsWith("image/", StringComparison.Ordinal),
            $"/api/v1/tickets/{ticket.Code}/attachments/{a.Id}")).ToList();
    }

    /// <summary>The attachment if <paramref name="user"/> may see its ticket and the message it belongs to; null otherwise.</summary>
    public async Task<TicketAttachment?> FindAsync(ClaimsPrincipal user, Guid id, string? code = null)
    {
        var found = await (from a in db.Set<TicketAttachment>().AsNoTracking()
                           join t in access.Visible(user) on a.TicketId equals t.Id
                           join m in db.Set<TicketMessage>() on a.MessageId equals m.Id into messages
                           from m in messages.DefaultIfEmpty()
                           where a.Id == id
                           select new { Attachment = a, Ticket = t, Internal = m != null && m.IsInternal }).SingleOrDefaultAsync();
        if (found is null) return null;
        if (code is not null && TicketCode.Normalize(code) != found.Ticket.Code) return null;
        if (found.Internal && !TicketAccess.Works(user, found.Ticket)) return null;
        return found.Attachment;
    }

    /// <summary>The stored bytes, or null when the file has gone missing from the store.</summary>
    public Stream? Open(TicketAttachment attachment)
    {
        var path = store.Resolve(attachment.StoragePath);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    private static FileKind? Kind(AttachmentUpload upload)
    {
        using var raw = upload.Open();
        if (raw.CanSeek) return FileKinds.Detect(raw, upload.FileName);
        using var copy = new MemoryStream();
        raw.CopyTo(copy);
        copy.Position = 0;
        return FileKinds.Detect(copy, upload.FileName);
    }
}
