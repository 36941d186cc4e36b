using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>A type change is stored as request type ids; readers see the names in their own language.</summary>
public static class TicketHistoryNames
{
    public static async Task<List<TicketEventView>> ResolveAsync(LapakDbContext db, List<TicketEventView> history, string language)
    {
        var ids = history.Where(e => e.Kind == TicketEventKind.TypeChanged)
            .SelectMany(e => new[] { e.OldValue, e.NewValue })
            .Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0) return history;
        var types = await db.Set<RequestType>().AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync();
        var names = types.ToDictionary(t => t.Id.ToString(), t => t.Name(language));
        return history.Select(e => e.Kind != TicketEventKind.TypeChanged ? e
            : e with { OldValue = e.OldValue is { } o ? names.GetValueOrDefault(o, o) : null, NewValue = e.NewValue is { } n ? names.GetValueOrDefault(n, n) : null })
            .ToList();
    }
}
