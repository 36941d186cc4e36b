using System.Security.Claims;

namespace Lapak.Web.Features.Chat.Subjects;

/// <summary>How a subject looks in a chat: "Asked about: Kopi Arabika Gayo 250 g, Rp 85.000".</summary>
/// <param name="Detail">A second line (a price, a status), already formatted for the reader.</param>
public sealed record ChatSubjectCard(string Kind, string Id, string Title, string? Detail, string? Url, string? ImageUrl);

/// <summary>
/// A module tells chat how its subjects render (products, orders, jobs, tickets, …). Register with
/// <c>services.AddChatSubject&lt;MyRenderer&gt;()</c>. <see cref="RenderAsync"/> returns null for an id that does
/// not exist or that <paramref name="viewer"/> may not start a chat about.
/// </summary>
public interface IChatSubjectRenderer
{
    string Kind { get; }
    Task<ChatSubjectCard?> RenderAsync(string id, ClaimsPrincipal viewer, CancellationToken ct = default);
}

/// <summary>The registered renderers, by kind.</summary>
public sealed class ChatSubjects(IEnumerable<IChatSubjectRenderer> renderers)
{
    private readonly Dictionary<string, IChatSubjectRenderer> _byKind = renderers.ToDictionary(r => r.Kind, StringComparer.Ordinal);

    public bool Knows(string kind) => _byKind.ContainsKey(kind);

    public async Task<ChatSubjectCard?> RenderAsync(string? kind, string? id, ClaimsPrincipal viewer, CancellationToken ct = default)
    {
        if (kind is null || id is null || !_byKind.TryGetValue(kind, out var renderer)) return null;
        return await renderer.RenderAsync(id, viewer, ct);
    }
}

public static class ChatSubjectRegistration
{
    public static IServiceCollection AddChatSubject<T>(this IServiceCollection services) where T : class, IChatSubjectRenderer =>
        services.AddScoped<IChatSubjectRenderer, T>();
}
