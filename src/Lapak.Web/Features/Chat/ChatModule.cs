using Lapak.Web.Features.Chat.Analytics;
using Lapak.Web.Features.Chat.Attachments;
using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Features.Chat.Pages;
using Lapak.Web.Features.Chat.Digest;
using Lapak.Web.Features.Chat.Presence;
using Lapak.Web.Features.Chat.Safety;
using Lapak.Web.Features.Chat.QuickReplies;
using Lapak.Web.Features.Chat.Subjects;
using Lapak.Web.Features.Chat.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Chat;

/// <summary>Chat: conversations between users and with helpdesk teams, stored first and delivered live.</summary>
public static class ChatModule
{
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<ChatWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ChatWriter>());
        services.AddSingleton<ChatRateLimiter>();
        services.AddSingleton<ChatLive>();
        services.AddScoped<ChatAccess>();
        services.AddScoped<ChatQueries>();
        services.AddScoped<ChatSubjects>();
        services.AddScoped<IChatPresence, ConnectionPresence>();
        services.AddScoped<SendMessage.Handler>();
        services.AddScoped<StartConversation.Handler>();
        services.AddScoped<MarkRead.Handler>();
        services.AddScoped<PickUpSupportChat.Handler>();
        services.AddChatAnalytics();
        services.AddChatPages();
        services.AddSupportChat();
        services.AddChatSafety();
        services.AddChatDigest();
        services.AddChatPresence();
        services.AddChatAttachments();
        services.AddQuickReplies();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Chat"));
        return services;
    }

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder app)
    {
        app.MapConversationEndpoints();
        app.MapChatAnalytics();
        app.MapChatPages();
        app.MapSupportChat();
        app.MapChatSafety();
        app.MapChatAttachments();
        app.MapQuickReplies();
        return app;
    }
}
