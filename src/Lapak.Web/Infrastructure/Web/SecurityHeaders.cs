namespace Lapak.Web.Infrastructure.Web;

/// <summary>Content-Security-Policy and friends on every response.</summary>
public static class SecurityHeaders
{
    // Everything Lapak serves comes from itself; the API reference page needs inline script for its config.
    private const string Strict = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
                                  "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private const string ApiReference = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                                        "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseLapakSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/scalar") ? ApiReference : Strict;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            h.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        await next();
    });
}
