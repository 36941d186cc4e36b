using System.Net;
using System.Text.Json;

namespace Lapak.Tests.Features.Helpdesk.Reports;

/// <summary>Who reads reports: admins everything, supervisors their own teams, agents and customers nothing (403).</summary>
[Collection(Apps.Name)]
public sealed class ReportAccessTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Customers_and_agents_are_refused_and_a_supervisor_sees_only_their_own_teams(Db db)
    {
        var app = await apps.Get(db);
        var w = await ReportKit.BuildAsync(app);

        foreach (var role in new[] { Roles.Customer, Roles.Agent })
        {
            var user = await app.CreateUserAsync(role);
            using var api = await app.ApiAsync(user);
            foreach (var kind in new[] { "volume", "agents", "tickets" })
            {
                var response = await api.GetAsync($"/api/v1/reports/{kind}?{w.Query}");
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
            var pages = await app.SignInAsync(user);
            var page = await pages.GetAsync("/helpdesk/reports");
            Assert.NotEqual(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("href=\"/helpdesk/reports\"", (await pages.GetAsync("/")).Html);
        }

        // The team's own supervisor: its six tickets with no team filter at all; a supervisor of no team: none of them.
        var own = await ReportKit.SupervisorOfAsync(app, w.TeamId);
        using (var api = await app.ApiAsync(own))
        {
            using var volume = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/reports/volume?from={ReportWorld.From}&to={ReportWorld.To}"));
            Assert.Equal(6, volume.RootElement.GetProperty("total").GetInt32());
            using var list = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/reports/tickets?from={ReportWorld.From}&to={ReportWorld.To}"));
            Assert.Equal(6, list.RootElement.GetProperty("total").GetInt32());
        }
        var stranger = await app.CreateUserAsync(Roles.Supervisor);
        using (var api = await app.ApiAsync(stranger))
        {
            using var volume = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/reports/volume?{w.Query}"));
            Assert.Equal(0, volume.RootElement.GetProperty("total").GetInt32());
            using var agents = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/reports/agents?{w.Query}"));
            Assert.Equal(0, agents.RootElement.GetProperty("agents").GetArrayLength());
        }

        using var admin = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/reports/nonsense?{w.Query}")).StatusCode);
        var bad = await admin.GetAsync($"/api/v1/reports/volume?from=2025-03-31&to=2025-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"to\"", await bad.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_page_shows_every_section_with_charts_tables_and_download_links_and_an_empty_state(Db db)
    {
        var app = await apps.Get(db);
        var w = await ReportKit.BuildAsync(app);
        var supervisor = await ReportKit.SupervisorOfAsync(app, w.TeamId);
        var pages = await app.SignInAsync(supervisor);

        var page = await pages.GetAsync($"/helpdesk/reports?{w.Query}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var kind in new[] { "volume", "response-times", "sla", "satisfaction", "agents", "backlog" })
        {
            Assert.Contains($"data-report=\"{kind}\"", page.Html);
            Assert.Contains($"href=\"/api/v1/reports/{kind}?{w.Query.Replace("&", "&amp;")}&amp;format=csv\"", page.Html);
            Assert.Contains($"href=\"/api/v1/reports/{kind}?{w.Query.Replace("&", "&amp;")}&amp;format=pdf\"", page.Html);
        }
        Assert.Contains($"href=\"/api/v1/reports/tickets?{w.Query.Replace("&", "&amp;")}&amp;format=csv\"", page.Html);
        Assert.Contains("data-chart=", page.Html);
        Assert.Contains(">813.0<", page.Html);
        Assert.Contains(">3348.0<", page.Html);
        Assert.Contains(">66.7<", page.Html);
        Assert.Contains("href=\"/helpdesk/reports\"", page.Html); // the menu entry
        Assert.Contains("/lib/chartjs/chart.umd.min.js", page.Html);

        // A period without tickets: the empty state, no chart.
        var empty = await pages.GetAsync($"/helpdesk/reports?from=2024-01-01&to=2024-01-31&teamId={w.TeamId}");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Tidak ada data pada periode ini.", empty.Html);

        // A wrong period says so and still shows the last 30 days.
        var wrong = await pages.GetAsync("/helpdesk/reports?from=2025-03-31&to=2025-03-01");
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("Hari terakhir tidak boleh sebelum hari pertama.", wrong.Html);
    }
}
