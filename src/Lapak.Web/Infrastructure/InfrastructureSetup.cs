using System.Text.Json;
using System.Text.Json.Serialization;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Files;
using Lapak.Web.Infrastructure.Localization;
using Lapak.Web.Infrastructure.Realtime;
using Lapak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Lapak.Web.Infrastructure;

/// <summary>Everything below the features: database, pages, API conventions, security, realtime, health.</summary>
public static class InfrastructureSetup
{
    public static WebApplicationBuilder AddLapakInfrastructure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (!builder.Environment.IsDevelopment())
            builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);

        services.AddOptions<LapakOptions>().Bind(configuration.GetSection(LapakOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddLapakDatabase(configuration, builder.Environment.ContentRootPath);
        services.AddSingleton<FileStore>();

        // Keys live in the database folder so cookies and links survive restarts; several instances share them
        // when they share that folder (or configure DataProtection:KeysPath).
        var keys = configuration["DataProtection:KeysPath"] ?? Path.Combine(builder.Environment.ContentRootPath, "data", "keys");
        services.AddDataProtection().SetApplicationName("Lapak").PersistKeysToFileSystem(Directory.CreateDirectory(keys));

        services.AddLapakLocalization();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Accounts/Admin", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Accounts/Profile");
                o.Conventions.AuthorizeFolder("/Notifications");
                o.Conventions.AuthorizeFolder("/Helpdesk");
                o.Conventions.AuthorizeFolder("/Helpdesk/Team", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Helpdesk/Admin", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Helpdesk/Admin/RequestTypes", Policies.Admin);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization()
            .AddMvcOptions(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // so bad JSON becomes ProblemDetails
        services.AddProblemDetails();
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Lapak API";
                doc.Info.Description = "Marketplace, chat, helpdesk and gamification. Authenticate with a bearer token from POST /api/v1/auth/token or a personal token (lpk_…) from your profile.";
                return Task.CompletedTask;
            });
            // Use cases nest their Command: "OpenTicket.Command" and "UpdateTicket.Command" must not share one schema.
            o.CreateSchemaReferenceId = t => t.Type.IsNested && OpenApiOptions.CreateDefaultSchemaReferenceId(t) is { } id
                ? t.Type.DeclaringType!.Name + id : OpenApiOptions.CreateDefaultSchemaReferenceId(t);
        });

        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 20 * 1024 * 1024);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 25 * 1024 * 1024);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Lapak.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddLapakRateLimits(configuration);
        services.AddLapakRealtime(configuration);
        services.AddLapakHealthChecks(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return builder;
    }

    public static WebApplication UseLapakPipeline(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Lapak:BehindProxy")) app.UseForwardedHeaders();
        app.UseExceptionHandler("/error");
        // Pages get the friendly error page; the API gets ProblemDetails for bodiless errors (401, 403, 404, 405).
        app.UseWhen(ctx => !AuthSchemes.IsApiRequest(ctx.Request), b => b.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(ctx => AuthSchemes.IsApiRequest(ctx.Request), b => b.UseStatusCodePages().UseApiErrors());
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseLapakSecurityHeaders();
        app.MapStaticAssets();
        app.UseStaticFiles(); // fallback for files added after build (tests run from the source tree)
        var files = app.Services.GetRequiredService<FileStore>();
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/media",
            FileProvider = new PublicMediaFiles(files.Root), // never the private folder (ticket attachments)
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public,max-age=300",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseRequestLocalization(); // after authentication: the account's language claim decides
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseApiNotFound();
        return app;
    }

    public static void MapLapakApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Lapak API"));
    }

    /// <summary>
    /// An /api path that no endpoint matched answers 404 ProblemDetails. A middleware rather than a fallback
    /// route, so a known path with the wrong method or body type still gets routing's 405 or 415.
    /// </summary>
    private static IApplicationBuilder UseApiNotFound(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.GetEndpoint() is not null || !ctx.Request.Path.StartsWithSegments("/api"))
        {
            await next(ctx);
            return;
        }
        var text = ctx.RequestServices.GetRequiredService<LapakText>();
        await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text.Get("No such API endpoint.")).ExecuteAsync(ctx);
    });
}
