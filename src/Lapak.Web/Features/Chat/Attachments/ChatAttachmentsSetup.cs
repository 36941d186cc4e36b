namespace Lapak.Web.Features.Chat.Attachments;

/// <summary>Files in chat: upload, checked download, and the cleanup of uploads never sent.</summary>
public static class ChatAttachmentsSetup
{
    public static IServiceCollection AddChatAttachments(this IServiceCollection services)
    {
        services.AddScoped<UploadChatAttachment.Handler>();
        services.AddSingleton<UnsentAttachmentCleanup>();
        services.AddHostedService<UnsentAttachmentCleanupService>();
        return services;
    }

    public static IEndpointRouteBuilder MapChatAttachments(this IEndpointRouteBuilder app)
    {
        app.MapChatAttachmentEndpoints();
        return app;
    }
}
