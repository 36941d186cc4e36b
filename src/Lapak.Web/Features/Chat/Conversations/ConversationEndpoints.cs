using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Delivery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lapak.Web.Features.Chat.Conversations;

/// <summary><c>/api/v1/conversations</c>: the inbox, starting a chat, messages (with <c>?after=</c> for catching up), sending, read marks.</summary>
public static class ConversationEndpoints
{
    public static void MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/conversations").WithTags("Chat").RequireAuthorization();
        api.MapGet("", Inbox).WithName("ListConversations")
            .WithSummary("My conversations, newest activity first; filter: unread, support or archived (archived ones are left out otherwise)");
        api.MapPost("", Start).WithName("StartConversation")
            .WithSummary("Open the chat with a user (userId), optionally about a subject (subjectKind + subjectId); the pair's existing conversation is reused");
        api.MapGet("/unread", Unread).WithName("UnreadMessages").WithSummary("How many messages I have not read, and in how many conversations");
        api.MapGet("/{id:guid}", Get).WithName("GetConversation").WithSummary("A conversation: members with read marks and presence, subject card, support state");
        api.MapGet("/{id:guid}/messages", Messages).WithName("ListMessages")
            .WithSummary("Messages oldest first: after=SEQ for everything after a sequence number (catching up after a reconnect), " +
                         "before=SEQ for older history, neither for the latest; limit up to 200");
        api.MapPost("/{id:guid}/messages", Send).WithName("SendMessage")
            .WithSummary("Send a message: clientKey (or the Idempotency-Key header) makes retries safe, body (Markdown-lite), attachmentIds from uploads");
        api.MapPost("/{id:guid}/read", Read).WithName("MarkConversationRead").WithSummary("I have read up to seq");
        api.MapPost("/{id:guid}/delivered", Delivered).WithName("MarkConversationDelivered").WithSummary("My device has received up to seq");
    }

    public static async Task<Ok<IReadOnlyList<ConversationSummary>>> Inbox(HttpContext http, ChatQueries queries, string? filter = null,
        int skip = 0, int take = 50) =>
        TypedResults.Ok(await queries.InboxAsync(http.User, filter, Math.Max(0, skip), take));

    public static async Task<Results<Created<ConversationDetails>, Ok<ConversationDetails>, ValidationProblem, ProblemHttpResult, NotFound>> Start(
        StartConversation.Command command, HttpContext http, StartConversation.Handler handler, ChatQueries queries)
    {
        var (conversation, created, problems) = await handler.HandleAsync(http.User, command);
        if (conversation is null)
            return problems.Errors.Count > 0
                ? TypedResults.ValidationProblem(Lapak.Web.Infrastructure.Api.ApiValidation.ByJsonName(problems.Errors))
                : TypedResults.NotFound();
        var details = (await queries.DetailsAsync(http.User, conversation.Id))!;
        return created ? TypedResults.Created($"/api/v1/conversations/{conversation.Id}", details) : TypedResults.Ok(details);
    }

    public static async Task<Ok<UnreadTotal>> Unread(HttpContext http, ChatQueries queries) =>
        TypedResults.Ok(await queries.UnreadAsync(http.User.RequiredUserId()));

    public static async Task<Results<Ok<ConversationDetails>, NotFound>> Get(Guid id, HttpContext http, ChatQueries queries) =>
        await queries.DetailsAsync(http.User, id) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<ChatMessageView>>, NotFound>> Messages(Guid id, HttpContext http, ChatAccess access,
        ChatQueries queries, long? after = null, long? before = null, int limit = 100)
    {
        var facts = await access.FactsAsync(id);
        if (facts is null || !await access.CanReadAsync(http.User, facts)) return TypedResults.NotFound();
        return TypedResults.Ok(await queries.MessagesAsync(http.User, id, after, before, limit));
    }

    public static async Task<Results<Created<ChatMessageView>, NotFound, ValidationProblem, ProblemHttpResult>> Send(Guid id,
        SendMessage.Command command, HttpContext http, SendMessage.Handler handler,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        var (message, problems) = await handler.HandleAsync(http.User, id, command with { ClientKey = command.ClientKey ?? idempotencyKey });
        if (message is null) return Answer<Created<ChatMessageView>>(problems);
        return TypedResults.Created($"/api/v1/conversations/{id}/messages?after={message.Seq - 1}", message);
    }

    public static async Task<Results<NoContent, NotFound>> Read(Guid id, MarkRead.Command command, HttpContext http, MarkRead.Handler handler) =>
        await handler.HandleAsync(http.User, id, command.Seq, read: true) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound>> Delivered(Guid id, MarkRead.Command command, HttpContext http, MarkRead.Handler handler) =>
        await handler.HandleAsync(http.User, id, command.Seq, read: false) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>404, 403, 400 with camelCase field names, 429, then 409.</summary>
    public static Results<TOk, NotFound, ValidationProblem, ProblemHttpResult> Answer<TOk>(ChatProblems problems) where TOk : IResult
    {
        if (problems.NotFound) return TypedResults.NotFound();
        if (problems.Forbidden is { } forbidden) return TypedResults.Problem(forbidden, statusCode: StatusCodes.Status403Forbidden);
        if (problems.Errors.Count > 0)
            return TypedResults.ValidationProblem(Lapak.Web.Infrastructure.Api.ApiValidation.ByJsonName(problems.Errors));
        if (problems.TooMany is { } tooMany) return TypedResults.Problem(tooMany, statusCode: StatusCodes.Status429TooManyRequests);
        return TypedResults.Problem(problems.Conflict, statusCode: StatusCodes.Status409Conflict);
    }
}
