using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.QuickReplies;

public sealed record QuickReplyView(Guid Id, string Title, string Body, DateTime CreatedAt);

/// <summary>A user's own quick replies, for the page, the API and the composer's list. Nobody sees another's.</summary>
public sealed class QuickReplyQueries(LapakDbContext db)
{
    public const int MaxPerUser = 50;

    /// <summary>By title as people read it (sorted here: databases order case and accents differently).</summary>
    public async Task<IReadOnlyList<QuickReplyView>> ListAsync(Guid ownerId)
    {
        var rows = await db.Set<QuickReply>().AsNoTracking().Where(q => q.OwnerId == ownerId)
            .Select(q => new QuickReplyView(q.Id, q.Title, q.Body, q.CreatedAt)).ToListAsync();
        return rows.OrderBy(q => q.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public Task<QuickReplyView?> FindAsync(Guid ownerId, Guid id) =>
        db.Set<QuickReply>().AsNoTracking().Where(q => q.Id == id && q.OwnerId == ownerId)
            .Select(q => new QuickReplyView(q.Id, q.Title, q.Body, q.CreatedAt)).SingleOrDefaultAsync();

    /// <summary>"Halo kak, stok masih …": the start of a body on one line, for lists.</summary>
    public static string Excerpt(string body, int length = 80)
    {
        var line = string.Join(' ', body.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= length ? line : line[..(length - 1)].TrimEnd() + "…";
    }
}
