using Lapak.Web.Features.Notifications;

namespace Lapak.Web.Features.Chat.Digest;

/// <summary>The unread-messages e-mail (through the notifications outbox, so it follows each user's preferences).</summary>
public static class DigestSetup
{
    public static IServiceCollection AddChatDigest(this IServiceCollection services)
    {
        services.AddSingleton<UnreadDigest>();
        services.AddHostedService<UnreadDigestService>();
        services.AddNotificationTemplate(UnreadDigest.Notification, "Unread messages from {from}",
            "You have {count} unread message(s) from {from}. The latest: “{preview}”", "Open the chat");
        return services;
    }
}
