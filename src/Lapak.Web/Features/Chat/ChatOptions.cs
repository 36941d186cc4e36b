using System.ComponentModel.DataAnnotations;

namespace Lapak.Web.Features.Chat;

/// <summary>Settings of <c>Chat:</c> in configuration.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>Messages a user may send in a burst before the rate limit answers "wait a moment".</summary>
    [Range(1, 100_000)] public int BurstMessages { get; set; } = 20;
    /// <summary>Messages per second a user may keep sending after the burst.</summary>
    [Range(1, 100_000)] public int MessagesPerSecond { get; set; } = 2;
    /// <summary>How long a message stays unread before its conversation's digest e-mail goes out.</summary>
    public TimeSpan UnreadDigestAfter { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How often the digest job looks.</summary>
    public TimeSpan UnreadDigestInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Largest file a chat accepts.</summary>
    [Range(1, 100L * 1024 * 1024)] public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>Files per message.</summary>
    [Range(1, 20)] public int MaxAttachmentsPerMessage { get; set; } = 5;
}
