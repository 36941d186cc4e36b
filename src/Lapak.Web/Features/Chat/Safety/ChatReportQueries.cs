using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Safety;

/// <summary>A message in question as the moderator sees it: its text even when removed (marked as such).</summary>
public sealed record ReportedMessageView(Guid Id, long Seq, Guid? SenderId, string? SenderName, string Kind, string Text, DateTime CreatedAt,
    bool Removed, DateTime? RemovedAt);

public sealed record ChatReportView(
    Guid Id, Guid ConversationId, string Status, Guid ReporterId, string ReporterName, Guid? ReportedUserId, string? ReportedUserName,
    string Reason, long FromSeq, long ToSeq, DateTime CreatedAt, Guid? HandledById, string? HandledByName, DateTime? HandledAt, string? Note,
    IReadOnlyList<ReportedMessageView> Messages);

/// <summary>The moderation list: open reports first, newest first within a status.</summary>
public sealed class ChatReportQueries(LapakDbContext db)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<ChatReportView>> ListAsync(ChatReportStatus? status, CancellationToken ct = default)
    {
        var reports = await db.Set<ChatReport>().AsNoTracking().Where(r => status == null || r.Status == status)
            .OrderBy(r => r.Status == ChatReportStatus.Open ? 0 : 1).ThenByDescending(r => r.CreatedAt).Take(PageSize).ToListAsync(ct);
        return await ViewsAsync(reports, ct);
    }

    public async Task<ChatReportView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var report = await db.Set<ChatReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return report is null ? null : (await ViewsAsync([report], ct))[0];
    }

    public Task<Dictionary<ChatReportStatus, int>> CountsAsync(CancellationToken ct = default) =>
        db.Set<ChatReport>().GroupBy(r => r.Status).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);

    private async Task<IReadOnlyList<ChatReportView>> ViewsAsync(List<ChatReport> reports, CancellationToken ct)
    {
        if (reports.Count == 0) return [];
        var conversations = reports.Select(r => r.ConversationId).Distinct().ToList();
        var lo = reports.Min(r => r.FromSeq);
        var hi = reports.Max(r => r.ToSeq);
        var messages = await (from m in db.Set<ChatMessage>().AsNoTracking()
                              join u in db.Users on m.SenderId equals u.Id into senders
                              from u in senders.DefaultIfEmpty()
                              where conversations.Contains(m.ConversationId) && m.Seq >= lo && m.Seq <= hi
                              orderby m.Seq
                              select new { m.ConversationId, m.Id, m.Seq, m.SenderId, Name = u == null ? null : u.FullName, m.Kind, m.Body, m.SystemKey,
                                  m.CreatedAt, m.RemovedAt }).ToListAsync(ct);
        var people = reports.SelectMany(r => new[] { r.ReporterId, r.ReportedUserId ?? Guid.Empty, r.HandledById ?? Guid.Empty }).Distinct().ToList();
        var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        string? Name(Guid? id) => id is { } x && names.TryGetValue(x, out var n) ? n : null;
        return reports.Select(r => new ChatReportView(r.Id, r.ConversationId, r.Status.ToString(), r.ReporterId, Name(r.ReporterId) ?? "–",
            r.ReportedUserId, Name(r.ReportedUserId), r.Reason, r.FromSeq, r.ToSeq, r.CreatedAt, r.HandledById, Name(r.HandledById), r.HandledAt, r.Note,
            messages.Where(m => m.ConversationId == r.ConversationId && m.Seq >= r.FromSeq && m.Seq <= r.ToSeq)
                .Select(m => new ReportedMessageView(m.Id, m.Seq, m.SenderId, m.Name, m.Kind.ToString().ToLowerInvariant(),
                    m.Kind == ChatMessageKind.System ? m.SystemKey ?? "" : m.Body, m.CreatedAt, m.RemovedAt != null, m.RemovedAt)).ToList())).ToList();
    }
}
