using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Support;

/// <param name="NeedsFields">The type has required fields of its own, which the chat's short form does not ask for (the API takes them).</param>
public sealed record RequestTypeChoice(Guid Id, string Name, bool NeedsFields);

/// <summary>What the "Turn into a ticket" form offers: the request types the chat's team receives, and the subject to start from.</summary>
public sealed class SupportTicketChoices(LapakDbContext db)
{
    /// <summary>The team's active request types; every active type when the team receives none of its own (the ticket still goes to the team).</summary>
    public async Task<IReadOnlyList<RequestTypeChoice>> RequestTypesAsync(Guid teamId, CancellationToken ct = default)
    {
        var active = db.Set<RequestType>().AsNoTracking().Where(t => t.IsActive);
        var types = await active.Where(t => t.DefaultTeamId == teamId).OrderBy(t => t.SortOrder).ThenBy(t => t.NameEn).ToListAsync(ct);
        if (types.Count == 0) types = await active.OrderBy(t => t.SortOrder).ThenBy(t => t.NameEn).ToListAsync(ct);
        var language = LapakCultures.Current;
        return [.. types.Select(t => new RequestTypeChoice(t.Id, t.Name(language), t.Fields.Any(f => f.Required)))];
    }

    /// <summary>The customer's first message, cut to fit a ticket subject.</summary>
    public async Task<string> SubjectAsync(Guid conversationId, CancellationToken ct = default)
    {
        var customerId = await db.Set<Conversation>().Where(c => c.Id == conversationId).Select(c => c.CustomerId).SingleOrDefaultAsync(ct);
        var first = await db.Set<ChatMessage>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Kind == ChatMessageKind.Text && m.SenderId == customerId && m.RemovedAt == null && m.Body != "")
            .OrderBy(m => m.Seq).Select(m => m.Body).FirstOrDefaultAsync(ct) ?? "";
        var line = string.Join(' ', first.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 80 ? line : line[..79].TrimEnd() + "…";
    }
}
