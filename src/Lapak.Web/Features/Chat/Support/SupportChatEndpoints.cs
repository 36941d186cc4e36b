using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Chat.Support;

/// <summary><c>/api/v1/support-chats</c>: a customer starts a chat with a team; agents see the queue, pick up, close and turn chats into tickets.</summary>
public static class SupportChatEndpoints
{
    public sealed record StartedAnswer(Guid ConversationId, ChatMessageView Message);

    public sealed record TicketAnswer(string TicketCode, string Url);

    public sealed record TeamChoice(Guid Id, string Name);

    public static void MapSupportChatEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/support-chats").WithTags("Chat").RequireAuthorization();
        api.MapGet("/teams", Teams).WithName("ListSupportTeams").WithSummary("The teams a customer can chat with");
        api.MapPost("", Start).WithName("StartSupportChat")
            .WithSummary("Chat with a team: teamId, body and clientKey of the first message; my open chat with the team is reused (a closed one waits again)");
        api.MapGet("/queue", Queue).WithName("SupportChatQueue").RequireAuthorization(Policies.Staff)
            .WithSummary("Staff: waiting support chats of my teams (all teams for supervisors and admins), oldest first, and my active ones");
        api.MapPost("/{id:guid}/pickup", PickUp).WithName("PickUpSupportChat")
            .WithSummary("An agent of the team takes a waiting chat; 409 when another agent was first");
        api.MapPost("/{id:guid}/close", Close).WithName("CloseSupportChat").WithSummary("An agent of the team closes the chat");
        api.MapPost("/{id:guid}/ticket", Ticket).WithName("TurnSupportChatIntoTicket")
            .WithSummary("An agent opens a helpdesk ticket for the customer from the chat (requestTypeId, subject, priority), the transcript attached; the chat closes");
    }

    public static async Task<Ok<IReadOnlyList<TeamChoice>>> Teams(SupportTeams teams) =>
        TypedResults.Ok<IReadOnlyList<TeamChoice>>([.. (await teams.AllAsync()).Select(t => new TeamChoice(t.Id, t.Name))]);

    public static async Task<Results<Created<StartedAnswer>, NotFound, ValidationProblem, ProblemHttpResult>> Start(
        StartSupportChat.Command command, HttpContext http, StartSupportChat.Handler handler)
    {
        var (started, problems) = await handler.HandleAsync(http.User, command, http.RequestAborted);
        if (started is null) return ConversationEndpoints.Answer<Created<StartedAnswer>>(problems);
        return TypedResults.Created($"/api/v1/conversations/{started.ConversationId}", new StartedAnswer(started.ConversationId, started.Message));
    }

    public static async Task<Ok<SupportQueueView>> Queue(HttpContext http, SupportQueue queue) =>
        TypedResults.Ok(await queue.ForAsync(http.User, http.RequestAborted));

    public static async Task<Results<Ok<ConversationDetails>, NotFound, ValidationProblem, ProblemHttpResult>> PickUp(Guid id, HttpContext http,
        PickUpSupportChat.Handler handler, ChatAccess access, ChatQueries queries, Lapak.Web.Infrastructure.Localization.LapakText text)
    {
        // The customer is a member too: picking up is an agent's act, refused before the handler's "already a member" shortcut.
        var (facts, gate) = await SupportAgentCheck.CheckAsync(access, text, http.User, id);
        if (facts is null) return ConversationEndpoints.Answer<Ok<ConversationDetails>>(gate);
        var (picked, problems) = await handler.HandleAsync(http.User, id, http.RequestAborted);
        if (picked is null) return ConversationEndpoints.Answer<Ok<ConversationDetails>>(problems);
        return TypedResults.Ok((await queries.DetailsAsync(http.User, id, http.RequestAborted))!);
    }

    public static async Task<Results<Ok<ConversationDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Close(Guid id, HttpContext http,
        CloseSupportChat.Handler handler, ChatQueries queries)
    {
        var problems = await handler.HandleAsync(http.User, id, http.RequestAborted);
        if (problems.Any) return ConversationEndpoints.Answer<Ok<ConversationDetails>>(problems);
        return TypedResults.Ok((await queries.DetailsAsync(http.User, id, http.RequestAborted))!);
    }

    public static async Task<Results<Created<TicketAnswer>, NotFound, ValidationProblem, ProblemHttpResult>> Ticket(Guid id,
        TurnIntoTicket.Command command, HttpContext http, TurnIntoTicket.Handler handler)
    {
        var (code, problems) = await handler.HandleAsync(http.User, id, command, http.RequestAborted);
        if (code is null) return ConversationEndpoints.Answer<Created<TicketAnswer>>(problems);
        return TypedResults.Created($"/api/v1/tickets/{code}", new TicketAnswer(code, $"/helpdesk/tickets/{code}"));
    }
}
