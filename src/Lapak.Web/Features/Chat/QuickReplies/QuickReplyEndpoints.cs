using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Api;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Chat.QuickReplies;

/// <summary><c>/api/v1/chat/quick-replies</c>: each user's own saved replies; another user's is not found.</summary>
public static class QuickReplyEndpoints
{
    public static void MapQuickReplyEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/chat/quick-replies").WithTags("Chat").RequireAuthorization();
        g.MapGet("", List).WithName("ListQuickReplies").WithSummary("My quick replies, by title");
        g.MapPost("", Create).WithName("CreateQuickReply").WithSummary("Save a quick reply: title (up to 60) and body (up to 4000); at most 50 each");
        g.MapPut("/{id:guid}", Update).WithName("UpdateQuickReply").WithSummary("Change one of my quick replies");
        g.MapDelete("/{id:guid}", Delete).WithName("DeleteQuickReply").WithSummary("Delete one of my quick replies");
    }

    public static async Task<Ok<IReadOnlyList<QuickReplyView>>> List(HttpContext http, QuickReplyQueries queries) =>
        TypedResults.Ok(await queries.ListAsync(http.User.RequiredUserId()));

    public static async Task<Results<Created<QuickReplyView>, ValidationProblem>> Create(SaveQuickReply.Command command, HttpContext http,
        SaveQuickReply.Handler handler, LapakText text)
    {
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var result = await handler.HandleAsync(http.User, null, command);
        if (result.Saved is null) return TypedResults.ValidationProblem(Camel(result.Errors));
        return TypedResults.Created($"/api/v1/chat/quick-replies/{result.Saved.Id}", result.Saved);
    }

    public static async Task<Results<Ok<QuickReplyView>, ValidationProblem, NotFound>> Update(Guid id, SaveQuickReply.Command command, HttpContext http,
        SaveQuickReply.Handler handler, QuickReplyQueries queries, LapakText text)
    {
        // Someone else's reply is not found, whatever the body says.
        if (await queries.FindAsync(http.User.RequiredUserId(), id) is null) return TypedResults.NotFound();
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var result = await handler.HandleAsync(http.User, id, command);
        return result.Problem switch
        {
            SaveQuickReply.Problem.NotFound => TypedResults.NotFound(),
            SaveQuickReply.Problem.Invalid => TypedResults.ValidationProblem(Camel(result.Errors)),
            _ => TypedResults.Ok(result.Saved!),
        };
    }

    public static async Task<Results<NoContent, NotFound>> Delete(Guid id, HttpContext http, DeleteQuickReply.Handler handler) =>
        await handler.HandleAsync(http.User, id) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static Dictionary<string, string[]> Camel(Dictionary<string, string[]> errors) =>
        Lapak.Web.Infrastructure.Api.ApiValidation.ByJsonName(errors);
}
