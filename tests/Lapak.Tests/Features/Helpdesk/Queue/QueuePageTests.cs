using System.Text.RegularExpressions;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Queue;

/// <summary>/helpdesk/team/queue shows the head of a long queue and says how long it is.</summary>
[Collection(Apps.Name)]
public sealed class QueuePageTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_long_queue_shows_its_first_fifty_tickets_oldest_first_and_how_many_wait(Db db)
    {
        var app = await apps.Get(db);
        var (team, type) = await OtherTeamAsync(app);
        var agent = await AgentInTeamAsync(app, team);
        var customer = await app.CreateUserAsync();
        var codes = new List<string>();
        for (var i = 0; i < 52; i++) codes.Add(await OpenTicketOfTypeAsync(app, customer, type, subject: $"Antrean panjang {i:00}"));

        var page = await (await app.SignInAsync(agent)).GetAsync("/helpdesk/team/queue");

        Assert.Contains("50 tiket pertama dari 52 yang menunggu.", page.Text);
        var shown = Regex.Matches(page.Html, "Antrean panjang (\\d\\d)").Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, 50).ToList(), shown);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_short_queue_shows_every_ticket_without_a_count_line(Db db)
    {
        var app = await apps.Get(db);
        var (team, type) = await OtherTeamAsync(app);
        var agent = await AgentInTeamAsync(app, team);
        var customer = await app.CreateUserAsync();
        await OpenTicketOfTypeAsync(app, customer, type, subject: "Satu-satunya tiket");

        var page = await (await app.SignInAsync(agent)).GetAsync("/helpdesk/team/queue");

        Assert.Contains("Satu-satunya tiket", page.Text);
        Assert.DoesNotContain("id=\"queue-more\"", page.Html);
    }
}
