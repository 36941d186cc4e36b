using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Chat.Safety;

public sealed record ChatReportCreated(Guid Id, long FromSeq, long ToSeq, Guid? ReportedUserId);

/// <summary>Blocks (<c>/api/v1/chat/blocks</c>), reporting a conversation, and the admins' moderation of reports.</summary>
public static class SafetyEndpoints
{
    public static void MapSafetyEndpoints(this IEndpointRouteBuilder app)
    {
        var blocks = app.MapGroup("/api/v1/chat/blocks").WithTags("Chat").RequireAuthorization();
        blocks.MapGet("", Blocks).WithName("ListChatBlocks").WithSummary("The users I blocked, newest first");
        blocks.MapPost("", Block).WithName("BlockChatUser")
            .WithSummary("Block a user (userId): neither of us can write in our direct chat any more; history stays readable. Idempotent");
        blocks.MapDelete("/{userId:guid}", Unblock).WithName("UnblockChatUser").WithSummary("Unblock a user; idempotent");

        app.MapPost("/api/v1/conversations/{id:guid}/report", Report).WithTags("Chat").RequireAuthorization().WithName("ReportConversation")
            .WithSummary("Report a conversation I am in to the admins: reason, and lastSeq (the last message I saw) to pick the messages in question");

        var admin = app.MapGroup("/api/v1/admin/chat/reports").WithTags("Chat").RequireAuthorization(Policies.Admin);
        admin.MapGet("", Reports).WithName("ListChatReports").WithSummary("Reported conversations, open first; status=Open, Dismissed or ActionTaken");
        admin.MapGet("/{id:guid}", GetReport).WithName("GetChatReport").WithSummary("A report with the messages in question");
        admin.MapPost("/{id:guid}/dismiss", Dismiss).WithName("DismissChatReport").WithSummary("Close an open report as needing nothing, with a note");
        admin.MapPost("/{id:guid}/action-taken", ActionTaken).WithName("CloseChatReportWithAction")
            .WithSummary("Close an open report as acted on, with a note");
        admin.MapPost("/{id:guid}/messages/{messageId:guid}/remove", Remove).WithName("RemoveReportedChatMessage")
            .WithSummary("Remove one of the messages in question: everyone sees it as removed by a moderator");
    }

    public static async Task<Ok<IReadOnlyList<BlockedUserView>>> Blocks(HttpContext http, BlockUser.Handler handler) =>
        TypedResults.Ok(await handler.MineAsync(http.User));

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Block(BlockUser.Command command, HttpContext http,
        BlockUser.Handler handler)
    {
        var problems = await handler.BlockAsync(http.User, command.UserId);
        return problems.Any ? ConversationEndpoints.Answer<NoContent>(problems) : TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound>> Unblock(Guid userId, HttpContext http, BlockUser.Handler handler) =>
        await handler.UnblockAsync(http.User, userId) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<Created<ChatReportCreated>, NotFound, ValidationProblem, ProblemHttpResult>> Report(Guid id,
        ReportConversation.Command command, HttpContext http, ReportConversation.Handler handler)
    {
        var (report, problems) = await handler.HandleAsync(http.User, id, command);
        if (report is null) return ConversationEndpoints.Answer<Created<ChatReportCreated>>(problems);
        return TypedResults.Created($"/api/v1/admin/chat/reports/{report.Id}",
            new ChatReportCreated(report.Id, report.FromSeq, report.ToSeq, report.ReportedUserId));
    }

    public static async Task<Results<Ok<IReadOnlyList<ChatReportView>>, ValidationProblem>> Reports(ChatReportQueries queries, string? status = null)
    {
        ChatReportStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<ChatReportStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Open, Dismissed or ActionTaken"] });
            parsed = s;
        }
        return TypedResults.Ok(await queries.ListAsync(parsed));
    }

    public static async Task<Results<Ok<ChatReportView>, NotFound>> GetReport(Guid id, ChatReportQueries queries) =>
        await queries.GetAsync(id) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();

    public static Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Dismiss(Guid id, ModerateReport.Command command,
        HttpContext http, ModerateReport.Handler handler) => CloseAsync(id, ChatReportStatus.Dismissed, command, http, handler);

    public static Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ActionTaken(Guid id, ModerateReport.Command command,
        HttpContext http, ModerateReport.Handler handler) => CloseAsync(id, ChatReportStatus.ActionTaken, command, http, handler);

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Remove(Guid id, Guid messageId, HttpContext http,
        ModerateReport.Handler handler)
    {
        var problems = await handler.RemoveMessageAsync(http.User, id, messageId);
        return problems.Any ? ConversationEndpoints.Answer<NoContent>(problems) : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> CloseAsync(Guid id, ChatReportStatus outcome,
        ModerateReport.Command command, HttpContext http, ModerateReport.Handler handler)
    {
        var problems = await handler.CloseAsync(http.User, id, outcome, command);
        return problems.Any ? ConversationEndpoints.Answer<NoContent>(problems) : TypedResults.NoContent();
    }
}
