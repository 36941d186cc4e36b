using System.Diagnostics;
using System.Text.Json;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>What the API says about a permit after a change.</summary>
public sealed record PermitSummary(string Code, PermitState State, DateTime WindowStartUtc, DateTime WindowEndUtc, string Branch,
    DateTime? RevokedAt, string? RevokeReason);

/// <summary>
/// The permit PDF for whoever may see the ticket (a page link with the cookie, and the API with a bearer token), in the
/// requesting user's own language; and revoking it through the API. No permit, or a ticket one may not see: 404.
/// </summary>
public static class PermitEndpoints
{
    public static void MapPermitEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/helpdesk/tickets/{code}/permit.pdf", Download).RequireAuthorization().ExcludeFromDescription();

        var g = app.MapGroup("/api/v1/tickets").WithTags("Helpdesk").RequireAuthorization();
        g.MapGet("/{code}/permit", Download).WithName("DownloadTicketPermit")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("Download the work permit of a ticket as PDF, in your language (404 when the ticket has no permit or is not visible to you)");
        g.MapPost("/{code}/permit/revocation", Revoke).WithName("RevokeTicketPermit")
            .WithSummary("Revoke the work permit of a ticket (the supervisor of the permit's branch; a reason is required; 409 when already revoked)");
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> Download(string code, HttpContext http, PermitQueries permits, PermitPdf pdf)
    {
        var found = await permits.ForTicketAsync(http.User, code);
        if (found is null) return TypedResults.NotFound();
        var language = await permits.LanguageOfAsync(http.User);
        var started = Stopwatch.GetTimestamp();
        var content = pdf.Render(found.Permit, found.TicketCode, language);
        // The render time alone, for browsers' developer tools and the benchmark (bench/Lapak.Bench --scenario permit).
        http.Response.Headers["Server-Timing"] = FormattableString.Invariant($"pdf;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.000}");
        // The permit changes when it is revoked: never serve an old copy from a cache.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, "application/pdf", PermitPdf.FileName(found.TicketCode));
    }

    public static async Task<Results<Ok<PermitSummary>, NotFound, ValidationProblem, ProblemHttpResult>> Revoke(string code, RevokePermit.Command command,
        HttpContext http, RevokePermit.Handler handler, LapakText text, TimeProvider clock)
    {
        var result = await handler.HandleAsync(http.User, code, command);
        return result.Outcome switch
        {
            RevokePermit.Outcome.NotFound => TypedResults.NotFound(),
            RevokePermit.Outcome.Invalid => TypedResults.ValidationProblem(Lapak.Web.Infrastructure.Api.ApiValidation.ByJsonName(result.Errors)),
            RevokePermit.Outcome.AlreadyRevoked => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Ok(Summary(result.Permit!, clock.GetUtcNow().UtcDateTime)),
        };
    }

    public static PermitSummary Summary(Permit p, DateTime now) =>
        new(p.Code, PermitStates.Of(p, now), p.WindowStartUtc, p.WindowEndUtc, p.BranchName, p.RevokedAt, p.RevokeReason);
}
