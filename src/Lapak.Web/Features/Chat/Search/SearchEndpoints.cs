using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Chat.Search;

public static class SearchEndpoints
{
    public static void MapChatSearchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/chat/search", Search).WithTags("Chat").RequireAuthorization().WithName("SearchChatMessages")
            .WithSummary("Search my message history (q, at least 2 characters): newest first, 20 a page (skip); each hit links to its place in the conversation");

    public static async Task<Ok<ChatSearchPage>> Search(HttpContext http, SearchMessages.Handler handler, string? q = null, int skip = 0) =>
        TypedResults.Ok(await handler.HandleAsync(http.User, q, skip, http.RequestAborted));
}
