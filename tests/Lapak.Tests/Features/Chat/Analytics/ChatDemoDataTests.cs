using Lapak.Web.Features.Chat.Model;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Chat.Analytics;

/// <summary>The demo chats hold state the writer would have written: dense sequences, gaps, reply times and first responses.</summary>
[Collection(Apps.Name)]
public sealed class ChatDemoDataTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Demo_chats_are_consistent_with_what_the_writer_records(Db db)
    {
        var app = await apps.Get(db);
        var (conversations, messages, members) = await app.WithDbAsync(async db =>
        {
            var demo = await db.Users.Where(u => u.Email!.EndsWith("@lapak.test")).Select(u => u.Id).ToListAsync();
            var ids = await db.Set<ChatMessage>().Where(m => m.ClientKey!.StartsWith("demo-") && demo.Contains(m.SenderId!.Value))
                .Select(m => m.ConversationId).Distinct().ToListAsync();
            return (await db.Set<Conversation>().Where(c => ids.Contains(c.Id)).ToListAsync(),
                await db.Set<ChatMessage>().Where(m => ids.Contains(m.ConversationId)).ToListAsync(),
                await db.Set<ConversationMember>().Where(m => ids.Contains(m.ConversationId)).ToListAsync());
        });
        Assert.Equal(3, conversations.Count);
        Assert.Contains(conversations, c => c.Kind == ConversationKind.Support && c.TeamId != null && c.AgentId != null);

        foreach (var c in conversations)
        {
            var mine = messages.Where(m => m.ConversationId == c.Id).OrderBy(m => m.Seq).ToList();
            Assert.Equal(Enumerable.Range(1, mine.Count).Select(i => (long)i), mine.Select(m => m.Seq));
            Assert.Equal(c.LastSeq, mine[^1].Seq);
            Assert.True(mine[^1].CreatedAt < DateTime.UtcNow.AddDays(-1), "demo chats lie in the past");
            Assert.Equal(mine[0].SenderId, c.StarterId);
            Assert.Null(mine[0].GapSeconds);
            for (var i = 1; i < mine.Count; i++)
                Assert.Equal((int)Math.Round((mine[i].CreatedAt - mine[i - 1].CreatedAt).TotalSeconds), mine[i].GapSeconds);
            var answer = mine.First(m => m.SenderId != c.StarterId);
            Assert.Equal(answer.SenderId, c.FirstResponderId);
            Assert.Equal((int)Math.Round((answer.CreatedAt - mine[0].CreatedAt).TotalSeconds), c.FirstResponseSeconds);
            Assert.Equal(c.FirstResponseSeconds, answer.ReplySeconds); // the starter's first turn began with the first message
            Assert.All(mine.Where(m => m.ReplySeconds is not null), m => Assert.NotEqual(mine[(int)m.Seq - 2].SenderId, m.SenderId));
            Assert.All(members.Where(m => m.ConversationId == c.Id), m => Assert.Equal(c.LastSeq, m.LastReadSeq));
        }
    }
}
