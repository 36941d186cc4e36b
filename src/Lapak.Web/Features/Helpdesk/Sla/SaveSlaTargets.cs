using Lapak.Web.Features.Accounts.Admin;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>
/// Admins set the four targets at once. New targets apply to each ticket the next time its due times are computed
/// (opened, status, priority or team changed, first reply); due times already set stay, so nobody's promise moves behind their back.
/// </summary>
public static class SaveSlaTargets
{
    public const int MaxMinutes = 60 * 24 * 365;

    public sealed class Item
    {
        public TicketPriority Priority { get; set; }
        public int FirstResponseMinutes { get; set; }
        public int ResolutionMinutes { get; set; }
        public int WarnBeforeMinutes { get; set; }
    }

    public sealed class Command
    {
        public List<Item> Targets { get; set; } = [];
    }

    public sealed class Handler(LapakDbContext db, LapakText text, SlaSettingsCache cache, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Command c)
        {
            var outcome = Outcome.Invalid();
            var priorities = Enum.GetValues<TicketPriority>();
            if (c.Targets.Count != priorities.Length || priorities.Any(p => c.Targets.Count(t => t.Priority == p) != 1))
                return outcome.Add(nameof(Command.Targets), text.Get("Give one target for each priority: urgent, high, normal and low."));
            for (var i = 0; i < c.Targets.Count; i++)
            {
                var t = c.Targets[i];
                var at = $"{nameof(Command.Targets)}[{i}].";
                if (t.FirstResponseMinutes is < 1 or > MaxMinutes)
                    outcome.Add(at + nameof(Item.FirstResponseMinutes), text.Get("Enter a first-response target of at least one minute."));
                if (t.ResolutionMinutes is < 1 or > MaxMinutes)
                    outcome.Add(at + nameof(Item.ResolutionMinutes), text.Get("Enter a resolution target of at least one minute."));
                else if (t.ResolutionMinutes < t.FirstResponseMinutes)
                    outcome.Add(at + nameof(Item.ResolutionMinutes), text.Get("The resolution target cannot be shorter than the first-response target."));
                if (t.WarnBeforeMinutes < 1 || t.WarnBeforeMinutes >= t.FirstResponseMinutes && t.FirstResponseMinutes > 0)
                    outcome.Add(at + nameof(Item.WarnBeforeMinutes), text.Get("The warning must come at least one minute before, and sooner than the first-response target."));
            }
            if (outcome.HasErrors) return outcome;

            var now = clock.GetUtcNow().UtcDateTime;
            var existing = await db.Set<SlaTarget>().ToDictionaryAsync(t => t.Priority);
            foreach (var t in c.Targets)
            {
                if (!existing.TryGetValue(t.Priority, out var row)) db.Add(row = new SlaTarget { Priority = t.Priority });
                (row.FirstResponseMinutes, row.ResolutionMinutes, row.WarnBeforeMinutes, row.UpdatedAt) =
                    (t.FirstResponseMinutes, t.ResolutionMinutes, t.WarnBeforeMinutes, now);
            }
            await db.SaveChangesAsync();
            cache.Invalidate();
            return Outcome.Done();
        }
    }
}
