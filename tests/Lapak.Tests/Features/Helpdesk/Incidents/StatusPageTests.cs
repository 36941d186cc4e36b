using System.Net;
using Lapak.Web.Features.Helpdesk.Incidents;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;
using static Lapak.Tests.Features.Helpdesk.Incidents.IncidentKit;

namespace Lapak.Tests.Features.Helpdesk.Incidents;

/// <summary>
/// What <c>/status</c> lists: ongoing incidents, and resolved ones only for a week. It needs an app of its own, because
/// the shared apps' status pages carry every other test's incidents.
/// </summary>
public sealed class StatusPageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_status_page_says_all_is_well_then_lists_ongoing_and_recently_resolved_incidents(Db db)
    {
        await using var app = await LapakApp.StartAsync(db);
        var empty = await app.Pages().GetAsync("/status");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains(Id(app, "All services are running normally"), empty.Text);

        var agent = await app.CreateUserAsync(Roles.Agent);
        var ongoing = Title("Gangguan listrik");
        var recent = Title("Gangguan DNS");
        var old = Title("Gangguan lama");
        await DeclareAsync(app, agent, ongoing);
        var recentId = await DeclareAsync(app, agent, recent);
        var oldId = await DeclareAsync(app, agent, old);
        await PostUpdateAsync(app, agent, recentId, "resolved", "Sudah normal.");
        await PostUpdateAsync(app, agent, oldId, "resolved", "Sudah normal.");
        await app.WithDbAsync(d => d.Set<Incident>().Where(i => i.Id == oldId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ResolvedAt, DateTime.UtcNow.AddDays(-8))));

        var page = await app.Pages().GetAsync("/status");
        Assert.DoesNotContain(Id(app, "All services are running normally"), page.Text);
        var resolvedHeading = page.Text.IndexOf(Id(app, "Resolved in the last 7 days"), StringComparison.Ordinal);
        Assert.InRange(page.Text.IndexOf(ongoing, StringComparison.Ordinal), 0, resolvedHeading);
        Assert.True(page.Text.IndexOf(recent, StringComparison.Ordinal) > resolvedHeading);
        Assert.DoesNotContain(old, page.Text);
        Assert.Contains(Id(app, "Service status"), page.Text); // the footer link every page has
    }
}
