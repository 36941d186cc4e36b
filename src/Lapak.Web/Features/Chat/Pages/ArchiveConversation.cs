using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Pages;

/// <summary>Hides a conversation from my inbox (or brings it back). Only my own membership changes; a new message unarchives it.</summary>
public static class ArchiveConversation
{
    public sealed record Command(bool Archived);

    public sealed class Handler(LapakDbContext db, ChatAccess access)
    {
        /// <returns>False when the conversation is unknown or I am not a member.</returns>
        public async Task<bool> HandleAsync(ClaimsPrincipal user, Guid conversationId, bool archived, CancellationToken ct = default)
        {
            var me = user.RequiredUserId();
            var facts = await access.FactsAsync(conversationId);
            if (facts is null || !facts.IsMember(me)) return false;
            await db.Set<ConversationMember>().Where(m => m.ConversationId == conversationId && m.UserId == me)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Archived, archived), ct);
            return true;
        }
    }

    public static void MapArchiveEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/conversations/{id:guid}/archive", Archive).WithTags("Chat").RequireAuthorization().WithName("ArchiveConversation")
            .WithSummary("Archive (archived: true) or bring back (archived: false) a conversation in my inbox; a new message brings it back too");

    public static async Task<Results<NoContent, NotFound>> Archive(Guid id, Command command, HttpContext http, Handler handler) =>
        await handler.HandleAsync(http.User, id, command.Archived, http.RequestAborted) ? TypedResults.NoContent() : TypedResults.NotFound();
}
