using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Lapak.Web.Infrastructure.Web;

/// <summary>
/// Errors never show a trace: API callers get RFC 7807 ProblemDetails (with field errors for bad JSON),
/// page visitors get the friendly error page with a correlation id they can quote to support.
/// </summary>
public static class ApiErrors
{
    /// <summary>Catches what escapes an API endpoint; pages keep the re-executed /error page.</summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try { await next(http); }
        catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Lapak.Api");
            await WriteAsync(http, ex, log, http.RequestAborted);
        }
    });

    private static async Task WriteAsync(HttpContext http, Exception exception, ILogger log, CancellationToken ct)
    {
        var text = http.RequestServices.GetRequiredService<Localization.LapakText>();
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => BadJson(json, text),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = text.Get("The request is not valid."), Detail = Describe(bad, text) },
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = text.Get("Something went wrong on our side.") };
        }
        problem.Extensions["traceId"] = http.TraceIdentifier;
        http.Response.StatusCode = problem.Status ?? 500;
        if (problem.Status < 500) log.LogInformation("Rejected API request on {Path}: {Title}", http.Request.Path, problem.Title);
        // Written directly (not through IProblemDetailsService) so an Accept header can never turn it into an HTML page.
        await http.Response.WriteAsJsonAsync(problem, problem.GetType(), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
    }

    private static HttpValidationProblemDetails BadJson(JsonException json, Localization.LapakText text)
    {
        // System.Text.Json names the offending path ($.fullName); unknown members get their own message.
        var field = (json.Path ?? "$").TrimStart('$').TrimStart('.');
        var unknown = json.Message.Contains("could not be mapped", StringComparison.Ordinal);
        if (unknown)
        {
            var start = json.Message.IndexOf('\'');
            var end = start < 0 ? -1 : json.Message.IndexOf('\'', start + 1);
            if (end > start) field = json.Message[(start + 1)..end];
        }
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [unknown ? text.Get("This field is not recognized.") : text.Get("This value has the wrong type or the JSON is malformed.")],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = unknown ? text.Get("The request has unknown fields.") : text.Get("The request body is not valid JSON."),
        };
    }

    private static string Describe(BadHttpRequestException bad, Localization.LapakText text) =>
        bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            ? text.Get("A request body or parameter is missing.")
            : bad.Message.Split(" at ", 2)[0];
}
