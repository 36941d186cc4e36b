using Lapak.Web.Features.Chat.Search;

namespace Lapak.Web.Features.Chat.Pages;

/// <summary>The chat pages' services and endpoints: archiving and searching my history.</summary>
public static class ChatPagesSetup
{
    public static IServiceCollection AddChatPages(this IServiceCollection services)
    {
        services.AddScoped<ArchiveConversation.Handler>();
        services.AddScoped<SearchMessages.Handler>();
        return services;
    }

    public static IEndpointRouteBuilder MapChatPages(this IEndpointRouteBuilder app)
    {
        app.MapArchiveEndpoint();
        app.MapChatSearchEndpoints();
        return app;
    }
}
