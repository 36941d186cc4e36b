using Lapak.Tests.Features.Helpdesk.Reports;

namespace Lapak.E2E.Helpdesk;

/// <summary>A supervisor reads the month's reports on a phone and a desktop: charts drawn, tables beside them, axe clean, no sideways scroll.</summary>
[Collection(BrowserFixture.Name)]
public sealed class SupervisorReadsReportsJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public async Task A_supervisor_reads_the_reports_with_charts_and_tables_on_a_phone_and_a_desktop()
    {
        var world = await ReportKit.BuildAsync(App);
        var supervisor = await ReportKit.SupervisorOfAsync(App, world.TeamId);
        foreach (var device in new[] { Device.Phone, Device.Desktop })
            await browser.RunAsync($"{nameof(SupervisorReadsReportsJourney)}-{device}", device, async page =>
            {
                await browser.SignInAsync(page, supervisor.Email, supervisor.Password);
                await page.GotoAsync($"/helpdesk/reports?{world.Query}");
                await Expect(page.Locator("[data-table='response-times-times']")).ToContainTextAsync("813.0");
                // Chart.js drew every chart it was given.
                var drawn = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('canvas[data-chart]')].filter(c => window.Chart.getChart(c)).length");
                Assert.True(drawn > 5, $"{drawn} charts drawn");
                await browser.AssertAccessibleAsync(page, $"{device}-reports");

                await page.GotoAsync($"/helpdesk/reports?from=2024-01-01&to=2024-01-31&teamId={world.TeamId}");
                await browser.AssertAccessibleAsync(page, $"{device}-reports-empty");
            }, App);
    }
}
