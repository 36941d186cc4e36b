using System.Threading.RateLimiting;
using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Lapak.Web.Infrastructure.Web;

/// <summary>
/// "auth" guards sign-in, registration and password reset per client IP; "api" guards the API per caller.
/// Over the limit: 429 with Retry-After, as ProblemDetails for the API and a short page otherwise.
/// </summary>
public static class RateLimits
{
    public const string Auth = "auth";
    public const string Api = "api";

    public static IServiceCollection AddLapakRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var o = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: opening the sign-in page is free, posting it is not.
            r.AddPolicy(Auth, ctx => HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("auth:read")
                : RateLimitPartition.GetFixedWindowLimiter(
                "auth:" + ctx.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = o.AuthPerMinute, Window = TimeSpan.FromMinutes(1) }));
            // Every /api request counts against its caller's bucket; pages are not limited here.
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => !ctx.Request.Path.StartsWithSegments("/api")
                ? RateLimitPartition.GetNoLimiter("pages")
                : RateLimitPartition.GetTokenBucketLimiter(
                "api:" + (ctx.User.UserId()?.ToString() ?? ctx.Connection.RemoteIpAddress?.ToString()),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = o.ApiPerMinute, TokensPerPeriod = Math.Max(1, o.ApiPerMinute / 6),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(10), QueueLimit = 0,
                }));
            r.AddPolicy(Api, ctx => RateLimitPartition.GetTokenBucketLimiter(
                "api:" + (ctx.User.UserId()?.ToString() ?? ctx.Connection.RemoteIpAddress?.ToString()),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = o.ApiPerMinute, TokensPerPeriod = Math.Max(1, o.ApiPerMinute / 6),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(10), QueueLimit = 0,
                }));
            r.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                var text = http.RequestServices.GetRequiredService<Localization.LapakText>();
                var message = text.Get("Too many attempts. Wait a minute and try again.");
                if (AuthSchemes.IsApiRequest(http.Request))
                {
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = new ProblemDetails { Status = 429, Title = message },
                    });
                }
                else
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync(
                        $"<!doctype html><html lang=\"{Localization.LapakCultures.Current}\"><head><meta charset=\"utf-8\"><title>Lapak</title>" +
                        "<link rel=\"stylesheet\" href=\"/lib/bootstrap/bootstrap.min.css\"></head><body class=\"p-4\"><main>" +
                        $"<h1 class=\"h4\">{System.Net.WebUtility.HtmlEncode(message)}</h1><p><a href=\"/\">Lapak</a></p></main></body></html>", ct);
                }
            };
        });
        return services;
    }
}
