using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Files;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Chat.Attachments;

/// <summary>
/// Uploads one file into a conversation ahead of the message that carries it: checked (who, size, type by its
/// bytes), written to the private part of the file store with a preview for images, and recorded with no message
/// yet. Sending a message with its id links it (<c>ChatWriter</c>); until then only the uploader sees it.
/// </summary>
public static class UploadChatAttachment
{
    public const string Field = "File";
    public const string Folder = FileStore.PrivateFolder + "/chat";

    /// <summary>
    /// Uploaded but not yet sent files one user may have at once. They are kept a day (files taken out of the composer
    /// too), so without a cap one account could fill the disk with files it never sends; this is far above real use.
    /// </summary>
    public const int MaxUnsentPerUser = 50;

    public const string TooManyUnsent = "Too many of your files are waiting to be sent. Send your message first, or try again tomorrow.";

    public sealed class Handler(LapakDbContext db, ChatAccess access, FileStore store, LapakText text, TimeProvider clock,
        IOptions<ChatOptions> options, ILogger<Handler> log)
    {
        public async Task<(ChatAttachmentView? Attachment, ChatProblems Problems)> HandleAsync(ClaimsPrincipal user, Guid conversationId,
            IFormFile? file, CancellationToken ct = default)
        {
            var problems = new ChatProblems();
            var facts = await access.FactsAsync(conversationId);
            if (facts is null || !await access.CanReadAsync(user, facts))
            {
                problems.NotFound = true;
                return (null, problems);
            }
            if (file is null)
            {
                problems.Add(Field, text.Get("Choose a file to upload."));
                return (null, problems);
            }
            var me = user.RequiredUserId();
            if (await access.BlockedAsync(me, facts, text.Get) is { } blocked)
            {
                problems.Forbidden = blocked;
                return (null, problems);
            }
            if (await db.Set<ChatAttachment>().CountAsync(a => a.UploaderId == me && a.MessageId == null, ct) >= MaxUnsentPerUser)
            {
                problems.TooMany = text.Get(TooManyUnsent);
                return (null, problems);
            }

            var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
            if (name.Length == 0) name = "file";
            var max = options.Value.MaxAttachmentBytes;
            if (file.Length == 0) problems.Add(Field, string.Format(text.Get("“{0}” is empty."), name));
            else if (file.Length > max)
                problems.Add(Field, string.Format(text.Get("“{0}” is larger than {1}. Attach files of at most {1} each."), name, Lapak.Web.Infrastructure.Formatting.Display.FileSize(max)));
            if (problems.Any) return (null, problems);

            await using var content = file.OpenReadStream();
            var kind = ChatFileTypes.Detect(content, name);
            if (kind is null)
            {
                problems.Add(Field, string.Format(text.Get(NotAccepted), name));
                return (null, problems);
            }
            (byte[] Webp, int Width, int Height)? preview = null;
            if (kind.IsImage)
            {
                preview = ChatImagePreview.Make(content);
                if (preview is null)
                {
                    problems.Add(Field, string.Format(text.Get("“{0}” could not be read as an image."), name));
                    return (null, problems);
                }
            }

            var row = new ChatAttachment
            {
                ConversationId = conversationId, UploaderId = me, FileName = FileKinds.SafeName(name, kind), ContentType = kind.ContentType,
                Size = file.Length, StoragePath = $"{Folder}/{conversationId:N}/{Guid.NewGuid():N}",
                Width = preview?.Width, Height = preview?.Height, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            if (preview is not null) row.PreviewPath = row.StoragePath + "-preview.webp";
            try
            {
                content.Position = 0;
                await store.SaveAsync(row.StoragePath, content, ct);
                if (preview is { } p) await store.SaveAsync(row.PreviewPath!, p.Webp, ct);
                db.Add(row);
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                // Nothing half-written: a file without its row would never be reachable, nor cleaned by the job.
                Discard(store, row, log);
                throw;
            }
            return (ChatQueries.AttachmentView(row), problems);
        }
    }

    /// <summary>Same list as <see cref="ChatFileTypes.Allowed"/>, in words.</summary>
    public const string NotAccepted =
        "“{0}” is not a file type chat accepts. Send images (JPEG, PNG, WebP, GIF), PDF, text, CSV, Word or Excel files.";

    /// <summary>Removes the stored files of an attachment; best effort, an orphan file holds nothing anyone can reach.</summary>
    public static void Discard(FileStore store, ChatAttachment row, ILogger log)
    {
        foreach (var path in new[] { row.StoragePath, row.PreviewPath })
        {
            if (path is null) continue;
            try { store.Delete(path); }
            catch (IOException e) { log.LogWarning(e, "Could not delete chat file {Path}", path); }
        }
    }
}
