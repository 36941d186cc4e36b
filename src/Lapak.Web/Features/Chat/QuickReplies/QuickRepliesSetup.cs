namespace Lapak.Web.Features.Chat.QuickReplies;

/// <summary>Quick replies: saved texts a seller or agent inserts into the composer.</summary>
public static class QuickRepliesSetup
{
    public static IServiceCollection AddQuickReplies(this IServiceCollection services)
    {
        services.AddScoped<QuickReplyQueries>();
        services.AddScoped<SaveQuickReply.Handler>();
        services.AddScoped<DeleteQuickReply.Handler>();
        return services;
    }

    public static IEndpointRouteBuilder MapQuickReplies(this IEndpointRouteBuilder app)
    {
        app.MapQuickReplyEndpoints();
        return app;
    }
}
