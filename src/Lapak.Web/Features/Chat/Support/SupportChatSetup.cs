using Lapak.Web.Features.Chat.Subjects;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>Support chat: customers chat with a helpdesk team; agents work the queue and turn chats into tickets.</summary>
public static class SupportChatSetup
{
    public static IServiceCollection AddSupportChat(this IServiceCollection services)
    {
        services.AddScoped<StartSupportChat.Handler>();
        services.AddScoped<CloseSupportChat.Handler>();
        services.AddScoped<TurnIntoTicket.Handler>();
        services.AddScoped<SupportChatReopen>();
        services.AddScoped<SupportQueue>();
        services.AddScoped<SupportTeams>();
        services.AddScoped<SupportTicketChoices>();
        services.AddChatSubject<TicketChatSubject>();
        return services;
    }

    public static IEndpointRouteBuilder MapSupportChat(this IEndpointRouteBuilder app)
    {
        app.MapSupportChatEndpoints();
        return app;
    }
}
