using Lapak.Web.Features.Chat.Model;

namespace Lapak.Tests.Features.Chat.Analytics;

/// <summary>
/// Conversations written straight into the database with chosen timestamps, their state worked out message by message
/// as the chat writer does (gap since the previous message, reply time on a new turn, first response).
/// </summary>
public static class AnalyticsKit
{
    public sealed record Line(Guid Sender, int AtSeconds);

    public static async Task<Guid> InsertAsync(LapakApp app, DateTime start, Guid[] members, Line[] lines,
        Guid? teamId = null, Guid? customerId = null)
    {
        var c = new Conversation
        {
            Kind = teamId is null ? ConversationKind.Direct : ConversationKind.Support, CreatedById = members[0], CreatedAt = start,
            PairKey = teamId is null ? Conversation.PairKeyOf(members[0], members[1]) : null,
            TeamId = teamId, CustomerId = customerId, SupportState = teamId is null ? null : SupportState.Active,
        };
        var messages = new List<ChatMessage>();
        foreach (var line in lines)
        {
            var at = start.AddSeconds(line.AtSeconds);
            var m = new ChatMessage
            {
                ConversationId = c.Id, Seq = ++c.LastSeq, SenderId = line.Sender, Kind = ChatMessageKind.Text, Body = "pesan " + c.LastSeq,
                ClientKey = Guid.NewGuid().ToString("N"), CreatedAt = at,
            };
            if (c.LastSentAt is { } previous) m.GapSeconds = (int)(at - previous).TotalSeconds;
            if (c.StarterId is null) (c.StarterId, c.FirstMessageAt) = (line.Sender, at);
            if (c.LastSenderId != line.Sender)
            {
                if (c.LastSenderId is not null)
                {
                    m.ReplySeconds = (int)(at - c.TurnStartedAt!.Value).TotalSeconds;
                    if (c.FirstResponderId is null && line.Sender != c.StarterId)
                        (c.FirstResponderId, c.FirstResponseSeconds) = (line.Sender, (int)(at - c.FirstMessageAt!.Value).TotalSeconds);
                }
                c.TurnStartedAt = at;
            }
            (c.LastSenderId, c.LastSentAt, c.LastMessageAt) = (line.Sender, at, at);
            messages.Add(m);
        }
        await app.WithDbAsync(async db =>
        {
            db.Add(c);
            db.AddRange(members.Select(u => new ConversationMember { ConversationId = c.Id, UserId = u, JoinedAt = start }));
            db.AddRange(messages);
            return await db.SaveChangesAsync();
        });
        return c.Id;
    }
}
