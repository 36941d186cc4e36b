using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;

namespace Lapak.E2E.Helpdesk;

/// <summary>An agent works the FIFO queue (seed 002): sees what waits, presses "Take next", and lands on the ticket, now theirs.</summary>
[Collection(BrowserFixture.Name)]
public sealed class AgentTakesNextJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Theory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public async Task An_agent_takes_the_next_ticket_of_the_queue_and_lands_on_it(Device device)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var agent = await App.CreateUserAsync(Roles.Agent);
        var customer = await App.CreateUserAsync(Roles.Customer);
        // A team and request type of its own, so other journeys' tickets do not join this queue.
        var type = await App.WithDbAsync(async d =>
        {
            var team = new Team { Name = $"Data Center {tag}", CreatedAt = DateTime.UtcNow };
            var t = new RequestType { NameId = $"Akses rak {tag}", NameEn = $"Rack access {tag}", DefaultTeamId = team.Id, CreatedAt = DateTime.UtcNow };
            d.AddRange(team, t, new TeamMember { TeamId = team.Id, UserId = agent.Id });
            await d.SaveChangesAsync();
            return t.Id;
        });
        var subject = $"Minta akses rak A-12 besok pagi {tag}";
        using (var api = await App.ApiAsync(customer))
        {
            var opened = await api.PostAsJsonAsync("/api/v1/tickets", new { requestTypeId = type, subject, description = "Untuk pemasangan server baru." });
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }

        await browser.RunAsync($"{nameof(AgentTakesNextJourney)}-{device}", device, async page =>
        {
            await browser.SignInAsync(page, agent.Email, agent.Password);
            await page.GotoAsync("/helpdesk/team/queue");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(browser.Either("My queue"));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(subject);
            await browser.AssertAccessibleAsync(page, $"queue-{device}");

            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Take next") }));
            await Expect(page).ToHaveURLAsync(new Regex("/helpdesk/tickets/[A-Z0-9]{8}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(agent.FullName);
            await browser.AssertAccessibleAsync(page, $"taken-{device}");

            await page.GotoAsync("/helpdesk/team/queue");
            await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(subject);
        });
    }
}
