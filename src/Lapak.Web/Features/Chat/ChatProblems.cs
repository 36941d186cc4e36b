namespace Lapak.Web.Features.Chat;

/// <summary>
/// What stands in the way of a chat action, gathered before anything is stored. The API answers 404 for
/// <see cref="NotFound"/>, 403 for <see cref="Forbidden"/>, 400 for <see cref="Errors"/>, 429 for
/// <see cref="TooMany"/>, then 409 for <see cref="Conflict"/>; pages and the hub show the same texts.
/// </summary>
public sealed class ChatProblems
{
    /// <summary>Field errors keyed by the command's property name (PascalCase).</summary>
    public Dictionary<string, string[]> Errors { get; } = [];
    public bool NotFound { get; set; }
    public string? Forbidden { get; set; }
    public string? Conflict { get; set; }
    public string? TooMany { get; set; }

    public bool Any => NotFound || Errors.Count > 0 || Forbidden is not null || Conflict is not null || TooMany is not null;

    public void Add(string field, string message) => Errors[field] = [.. Errors.GetValueOrDefault(field, []), message];

    /// <summary>One sentence for places that show a single message (the hub, a page banner).</summary>
    public string? First(Func<string, string> translate) =>
        NotFound ? translate("This conversation does not exist or is not yours.")
        : Forbidden ?? TooMany ?? Errors.Values.SelectMany(v => v).FirstOrDefault() ?? Conflict;
}
