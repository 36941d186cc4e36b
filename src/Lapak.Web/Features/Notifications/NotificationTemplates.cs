using System.Text.Json;
using System.Text.RegularExpressions;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Notifications;

/// <summary>English source texts of one notification kind; <c>{placeholders}</c> are filled from its data.</summary>
public sealed record NotificationTemplate(string Kind, string Title, string Body, string? Action = null);

/// <summary>A notification in one language, ready for a channel.</summary>
public sealed record RenderedNotification(string Title, string Body, string? Action, string? Link);

/// <summary>
/// The registry of notification kinds. Each module registers its kinds in its <c>AddX()</c> with
/// <see cref="NotificationTemplateExtensions.AddNotificationTemplate"/>; their texts are translated like any page text.
/// </summary>
public sealed partial class NotificationTemplates(IEnumerable<NotificationTemplate> templates, LapakText text)
{
    private readonly Dictionary<string, NotificationTemplate> _byKind = templates.ToDictionary(t => t.Kind);

    public bool Knows(string kind) => _byKind.ContainsKey(kind);

    public IEnumerable<NotificationTemplate> All => _byKind.Values;

    public RenderedNotification Render(Notification n, string language)
    {
        var t = _byKind[n.Kind];
        var data = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(n.Data) ?? [];
        string Fill(string english) => Placeholder().Replace(text.Get(english, language), m =>
            data.TryGetValue(m.Groups[1].Value, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString()! : v.ToString()) : m.Value);
        return new RenderedNotification(Fill(t.Title), Fill(t.Body), t.Action is null ? null : Fill(t.Action), n.Link);
    }

    [GeneratedRegex(@"\{([a-zA-Z_]+)\}")]
    private static partial Regex Placeholder();
}

public static class NotificationTemplateExtensions
{
    public static IServiceCollection AddNotificationTemplate(this IServiceCollection services, string kind, string title,
        string body, string? action = null) =>
        services.AddSingleton(new NotificationTemplate(kind, title, body, action));
}
