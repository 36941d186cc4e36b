using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapak.Tests.Features.Helpdesk.Sla;

/// <summary>Known instants and a way to recompute a ticket's due times as if it had been opened then.</summary>
public static class SlaKit
{
    /// <summary>A wall-clock time in <paramref name="utcOffset"/> hours (WIB 7, WITA 8) as a UTC instant.</summary>
    public static DateTime Local(int year, int month, int day, int hour, int minute = 0, int utcOffset = 7) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-utcOffset);

    /// <summary>Sets the ticket's creation time and priority, lets <paramref name="change"/> add more, then runs the SLA clock and saves.</summary>
    public static Task<Ticket> RecomputeAsync(LapakApp app, string code, DateTime createdAt, TicketPriority priority, Action<Ticket>? change = null) =>
        app.WithScopeAndResultAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lapak.Web.Infrastructure.Data.LapakDbContext>();
            var ticket = await db.Set<Ticket>().SingleAsync(t => t.Code == code);
            ticket.CreatedAt = createdAt;
            ticket.Priority = priority;
            change?.Invoke(ticket);
            await sp.GetRequiredService<SlaClock>().ApplyAsync(ticket, createdAt);
            // Once these dates are past, the app's own runner (real clock) would breach and escalate the ticket between
            // two steps of a test; marked as handled, it leaves it alone.
            ticket.SlaWarnedAt = ticket.SlaBreachedAt = createdAt;
            await db.SaveChangesAsync();
            return ticket;
        });

    public static async Task<T> WithScopeAndResultAsync<T>(this LapakApp app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
