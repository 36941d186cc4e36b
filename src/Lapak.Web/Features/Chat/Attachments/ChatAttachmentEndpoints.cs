using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Lapak.Web.Features.Chat.Attachments;

/// <summary>The multipart field of an upload, for the OpenAPI document.</summary>
public sealed record ChatUploadForm(IFormFile File);

/// <summary>
/// <c>POST /api/v1/conversations/{id}/attachments</c> (one file before the message that sends it) and
/// <c>GET /api/v1/chat/attachments/{id}</c> (+ <c>/preview</c>), handed out only to readers of the conversation.
/// </summary>
public static class ChatAttachmentEndpoints
{
    public static void MapChatAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        // Room above the limit for the multipart framing, so a file a little too large gets our clear 400, not a bare 413.
        var limit = app.ServiceProvider.GetRequiredService<IOptions<ChatOptions>>().Value.MaxAttachmentBytes + 1024 * 1024;
        // The auth cookie is SameSite=Lax, so a cross-site multipart POST arrives without it; bearer callers need no token.
        app.MapGroup("/api/v1/conversations").WithTags("Chat").RequireAuthorization()
            .MapPost("/{id:guid}/attachments", Upload).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limit)).WithFormOptions(multipartBodyLengthLimit: limit)
            .Accepts<ChatUploadForm>("multipart/form-data").WithName("UploadChatAttachment")
            .WithSummary("Upload one file (multipart part 'file') to send with a message: images (JPEG, PNG, WebP, GIF), PDF, text, CSV, " +
                         "Word or Excel, checked by content; send its id in attachmentIds");

        var files = app.MapGroup("/api/v1/chat/attachments").WithTags("Chat").RequireAuthorization();
        files.MapGet("/{id:guid}", Download).WithName("DownloadChatAttachment")
            .WithSummary("A chat file (images inline, others as a download); 404 unless you may read its conversation");
        files.MapGet("/{id:guid}/preview", Preview).WithName("PreviewChatAttachment")
            .WithSummary("The small WebP copy of a chat image (at most 480 px); 404 unless you may read its conversation");
    }

    public static async Task<Results<Created<ChatAttachmentView>, NotFound, ValidationProblem, ProblemHttpResult>> Upload(Guid id, HttpContext http,
        UploadChatAttachment.Handler handler)
    {
        if (!http.Request.HasFormContentType)
            return await Refuse(id, http, handler);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        var (attachment, problems) = await handler.HandleAsync(http.User, id, file, http.RequestAborted);
        if (attachment is null) return WithDetail(problems);
        return TypedResults.Created(attachment.Url, attachment);
    }

    /// <summary>No form at all: the same checks (404 first), then "choose a file".</summary>
    private static async Task<Results<Created<ChatAttachmentView>, NotFound, ValidationProblem, ProblemHttpResult>> Refuse(Guid id, HttpContext http,
        UploadChatAttachment.Handler handler) =>
        WithDetail((await handler.HandleAsync(http.User, id, null, http.RequestAborted)).Problems);

    /// <summary>A 400 whose detail repeats the file's problem, so clients that show one line show the right one.</summary>
    private static Results<Created<ChatAttachmentView>, NotFound, ValidationProblem, ProblemHttpResult> WithDetail(ChatProblems problems)
    {
        if (problems.Errors.Count > 0 && !problems.NotFound && problems.Forbidden is null)
            return TypedResults.ValidationProblem(Lapak.Web.Infrastructure.Api.ApiValidation.ByJsonName(problems.Errors),
                detail: problems.Errors.Values.SelectMany(v => v).First());
        return ConversationEndpoints.Answer<Created<ChatAttachmentView>>(problems);
    }

    public static Task<IResult> Download(Guid id, HttpContext http, LapakDbContext db, ChatAccess access, FileStore store) =>
        SendAsync(id, preview: false, http, db, access, store);

    public static Task<IResult> Preview(Guid id, HttpContext http, LapakDbContext db, ChatAccess access, FileStore store) =>
        SendAsync(id, preview: true, http, db, access, store);

    private static async Task<IResult> SendAsync(Guid id, bool preview, HttpContext http, LapakDbContext db, ChatAccess access, FileStore store)
    {
        var found = await (from a in db.Set<ChatAttachment>().AsNoTracking()
                           join m in db.Set<ChatMessage>() on a.MessageId equals m.Id into messages
                           from m in messages.DefaultIfEmpty()
                           where a.Id == id
                           select new { Attachment = a, Removed = m != null && m.RemovedAt != null }).SingleOrDefaultAsync(http.RequestAborted);
        if (found is null || found.Removed) return TypedResults.NotFound();
        var file = found.Attachment;
        if (file.MessageId is null)
        {
            // Not sent yet: it is the uploader's draft, nobody else's business.
            if (http.User.UserId() != file.UploaderId) return TypedResults.NotFound();
        }
        else if (await access.FactsAsync(file.ConversationId) is not { } facts || !await access.CanReadAsync(http.User, facts))
            return TypedResults.NotFound();

        var path = preview ? file.PreviewPath : file.StoragePath;
        if (path is null) return TypedResults.NotFound();
        var full = store.Resolve(path);
        if (!File.Exists(full)) return TypedResults.NotFound();

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, max-age=86400";
        var isImage = preview || file.PreviewPath is not null;
        var name = preview ? Path.GetFileNameWithoutExtension(file.FileName) + "-preview.webp" : file.FileName;
        var disposition = new ContentDispositionHeaderValue(isImage ? "inline" : "attachment");
        disposition.SetHttpFileName(name);
        headers.ContentDisposition = disposition.ToString();
        return TypedResults.PhysicalFile(full, preview ? "image/webp" : file.ContentType, enableRangeProcessing: true);
    }
}
