using Lapak.Web.Infrastructure.Api;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>The form fields of <c>POST /api/v1/tickets/with-files</c>, for the OpenAPI document.</summary>
public sealed record OpenTicketForm(Guid RequestTypeId, string Subject, string Description, string? CustomerEmail, IFormFileCollection Attachments);

/// <summary>The form fields of the replies and notes <c>with-files</c> variants, for the OpenAPI document.</summary>
public sealed record MessageForm(string Body, IFormFileCollection Attachments);

/// <summary>
/// Files on tickets: the checked downloads (pages and API) and the multipart twins of opening a ticket and of
/// replying. The JSON endpoints stay as they are; a client with files sends the same fields as multipart/form-data,
/// the files in repeated <c>attachments</c> parts.
/// </summary>
public static class TicketFileEndpoints
{
    public static void MapTicketFileEndpoints(this IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxRequestBytes;

        // The download the pages link to (cookie), with the same checks as the API's.
        app.MapGet("/helpdesk/attachments/{id:guid}", PageDownload).RequireAuthorization().ExcludeFromDescription();

        var g = app.MapGroup("/api/v1/tickets").WithTags("Helpdesk").RequireAuthorization();
        g.MapGet("/{code}/attachments/{id:guid}", Download).WithName("DownloadTicketAttachment")
            .WithSummary("Download a file of a ticket (404 when the ticket or the note it belongs to is not visible to you)");

        // The auth cookie is SameSite=Lax, so a cross-site multipart POST arrives without it; bearer callers need no token.
        g.MapPost("/with-files", Open).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(limit)).WithFormOptions(multipartBodyLengthLimit: limit)
            .Accepts<OpenTicketForm>("multipart/form-data").WithName("OpenTicketWithFiles")
            .WithSummary("Open a ticket with files: the fields of POST /api/v1/tickets as multipart/form-data (fields[key] for the type's own fields) plus up to 5 'attachments' parts");
        g.MapPost("/{code}/replies/with-files", Reply).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(limit)).WithFormOptions(multipartBodyLengthLimit: limit)
            .Accepts<MessageForm>("multipart/form-data").WithName("ReplyToTicketWithFiles")
            .WithSummary("Add a public reply with files (multipart/form-data: body and up to 5 'attachments' parts)");
        g.MapPost("/{code}/notes/with-files", Note).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(limit)).WithFormOptions(multipartBodyLengthLimit: limit)
            .Accepts<MessageForm>("multipart/form-data").WithName("AddTicketNoteWithFiles")
            .WithSummary("Add an internal note with files (staff working the ticket; multipart/form-data: body and up to 5 'attachments' parts)");
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> PageDownload(Guid id, HttpContext http, TicketFiles files) =>
        await Send(id, null, http, files);

    public static async Task<Results<FileStreamHttpResult, NotFound>> Download(string code, Guid id, HttpContext http, TicketFiles files) =>
        await Send(id, code, http, files);

    private static async Task<Results<FileStreamHttpResult, NotFound>> Send(Guid id, string? code, HttpContext http, TicketFiles files)
    {
        var attachment = await files.FindAsync(http.User, id, code);
        if (attachment is null || files.Open(attachment) is not { } content) return TypedResults.NotFound();
        // Always a download, never rendered as a page of ours; images still show in <img>, which ignores the disposition.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.File(content, attachment.ContentType, attachment.FileName);
    }

    public static async Task<Results<Created<TicketDetails>, ValidationProblem>> Open(IFormCollection form, HttpContext http,
        OpenTicketWithFiles.Handler handler, OpenTicket.Handler plain, TicketQueries queries, LapakText text)
    {
        var command = new OpenTicket.Command
        {
            RequestTypeId = Guid.TryParse(form["requestTypeId"], out var type) ? type : null,
            Subject = form["subject"].ToString(), Description = form["description"].ToString(),
            CustomerEmail = string.IsNullOrWhiteSpace(form["customerEmail"]) ? null : form["customerEmail"].ToString(),
            Fields = form.Keys.Where(k => k.StartsWith("fields[", StringComparison.OrdinalIgnoreCase) && k.EndsWith(']'))
                .ToDictionary(k => k["fields[".Length..^1], k => (string?)form[k].ToString()),
        };
        var uploads = AttachmentUpload.From(form.Files.GetFiles("attachments"));
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0)
        {
            // Every mistake at once: the form's, the type's own fields' and the files'.
            foreach (var (key, messages) in await plain.CheckFieldsAsync(command)) errors[Camel(key)] = messages;
            if (handler.Check(uploads) is { Count: > 0 } fileErrors) errors["attachments"] = [.. fileErrors];
            return TypedResults.ValidationProblem(errors);
        }
        var opened = await handler.HandleAsync(http.User, command, uploads, http.RequestAborted);
        if (!opened.Succeeded) return TypedResults.ValidationProblem(opened.Errors.ToDictionary(e => Camel(e.Key), e => e.Value));
        return TypedResults.Created($"/api/v1/tickets/{opened.Ticket!.Code}", await queries.DetailsAsync(http.User, opened.Ticket));
    }

    public static Task<Results<Created<TicketMessageWithFiles>, NotFound, ValidationProblem, ProblemHttpResult>> Reply(string code, IFormCollection form,
        HttpContext http, TicketAccess access, ReplyWithFiles.Handler handler, TicketQueries queries, LapakText text) =>
        AddMessage(code, form, internalNote: false, http, access, handler, queries, text);

    public static Task<Results<Created<TicketMessageWithFiles>, NotFound, ValidationProblem, ProblemHttpResult>> Note(string code, IFormCollection form,
        HttpContext http, TicketAccess access, ReplyWithFiles.Handler handler, TicketQueries queries, LapakText text) =>
        AddMessage(code, form, internalNote: true, http, access, handler, queries, text);

    private static async Task<Results<Created<TicketMessageWithFiles>, NotFound, ValidationProblem, ProblemHttpResult>> AddMessage(string code,
        IFormCollection form, bool internalNote, HttpContext http, TicketAccess access, ReplyWithFiles.Handler handler, TicketQueries queries, LapakText text)
    {
        var ticket = await access.FindAsync(http.User, code);
        if (ticket is null) return TypedResults.NotFound();
        var command = new ReplyToTicket.Command { Body = form["body"].ToString(), Internal = internalNote };
        var uploads = AttachmentUpload.From(form.Files.GetFiles("attachments"));
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0)
        {
            if (handler.Check(uploads) is { Count: > 0 } fileErrors) errors["attachments"] = [.. fileErrors];
            return TypedResults.ValidationProblem(errors);
        }
        var result = await handler.HandleAsync(http.User, ticket, command, uploads, http.RequestAborted);
        if (result.FileErrors.Count > 0) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["attachments"] = [.. result.FileErrors] });
        return result.Problem switch
        {
            ReplyToTicket.Problem.Closed => TypedResults.Problem(text.Get("This ticket is closed. Open a new ticket if you still need help."), statusCode: StatusCodes.Status409Conflict),
            ReplyToTicket.Problem.NotStaff => TypedResults.Problem(text.Get("Only staff working on the ticket can add internal notes."), statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Created($"/api/v1/tickets/{ticket.Code}", await WithFilesAsync(result.Message!, http, ticket, queries)),
        };
    }

    private static async Task<TicketMessageWithFiles> WithFilesAsync(TicketMessage m, HttpContext http, Ticket ticket, TicketQueries queries)
    {
        var details = await queries.DetailsAsync(http.User, ticket);
        return new TicketMessageWithFiles(m.Id, m.AuthorName, m.FromStaff, m.IsInternal, m.Body, m.CreatedAt,
            details.Attachments.Where(a => a.MessageId == m.Id).ToList());
    }

    private static string Camel(string key) =>
        key.StartsWith("Fields[", StringComparison.Ordinal) ? "fields" + key["Fields".Length..]
            : key == TicketFiles.Field ? "attachments"
            : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(key);
}

/// <summary>A message as the multipart endpoints answer it: the message and the files it carries.</summary>
public sealed record TicketMessageWithFiles(Guid Id, string AuthorName, bool FromStaff, bool Internal, string Body, DateTime CreatedAt,
    IReadOnlyList<TicketAttachmentView> Attachments);
