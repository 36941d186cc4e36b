namespace Lapak.Web.Features.Chat.Analytics;

public enum ChatScopeKind { All, User, Team, Conversation }

/// <summary>Whose figures: everyone's, one user's, one helpdesk team's support chats, or one conversation.</summary>
public sealed record ChatScope(ChatScopeKind Kind, Guid? Id = null)
{
    public static readonly ChatScope All = new(ChatScopeKind.All);
    public static ChatScope ForUser(Guid id) => new(ChatScopeKind.User, id);
    public static ChatScope ForTeam(Guid id) => new(ChatScopeKind.Team, id);
    public static ChatScope ForConversation(Guid id) => new(ChatScopeKind.Conversation, id);

    public string Key => $"{Kind}:{Id:N}";
}

/// <summary>Durations in whole seconds: how many, mean, median and 90th percentile (linear interpolation, like percentile_cont).</summary>
public sealed record DurationStats(int Count, double? Mean, double? Median, double? P90)
{
    public static readonly DurationStats None = new(0, null, null, null);
}

/// <summary>Of the conversations someone else started, in how many the subject wrote back within 24 hours.</summary>
public sealed record ResponseRate(int Conversations, int Replied)
{
    /// <summary>Whole percent, or null when there was nothing to answer.</summary>
    public int? Percent => Conversations == 0 ? null : (int)Math.Round(100.0 * Replied / Conversations, MidpointRounding.AwayFromZero);
}

/// <summary>One bar of a duration histogram; <see cref="Key"/> is stable (lt1m … gt1d), the label is translated where shown.</summary>
public sealed record DurationBucket(string Key, int Count);

/// <summary>The figures of a scope for a period [From, To).</summary>
public sealed record ChatFigures(
    DateTime From, DateTime To, int Conversations, int Messages,
    DurationStats FirstResponse, DurationStats BetweenMessages, ResponseRate? ResponseRate,
    IReadOnlyList<DurationBucket> FirstResponseBuckets, IReadOnlyList<DurationBucket> BetweenMessagesBuckets);

/// <summary>A support agent's work in support chats of the period.</summary>
public sealed record AgentFigures(Guid AgentId, string Name, int Replies, double? MedianReplySeconds, int FirstResponses, double? MedianFirstResponseSeconds);

/// <summary>How fast someone usually replies: the median of their reply times over the last 30 days, and the band it falls in.</summary>
public sealed record ReplyTime(int Replies, double MedianSeconds, string Band);

/// <summary>What the public profile shows: reply time (null under 3 replies) and response rate (null with nothing to answer).</summary>
public sealed record PersonFigures(ReplyTime? ReplyTime, ResponseRate ResponseRate);

/// <summary>One member's part in a conversation.</summary>
public sealed record MemberFigures(Guid UserId, string Name, int Messages, int Replies, double? MedianReplySeconds);

/// <summary>A conversation's response figures over its whole life.</summary>
public sealed record ConversationFigures(
    Guid ConversationId, Guid? StarterId, DateTime? FirstMessageAt, Guid? FirstResponderId, int? FirstResponseSeconds,
    int Messages, double? MedianBetweenMessagesSeconds, double? MeanBetweenMessagesSeconds, IReadOnlyList<MemberFigures> Members);
