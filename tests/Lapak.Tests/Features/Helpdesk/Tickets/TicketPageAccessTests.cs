using System.Net;
using Lapak.Web.Features.Helpdesk.Tickets;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>/helpdesk/tickets/{code}: the customer, staff of the ticket's team, supervisors and admins see it; everyone else gets the 404 page.</summary>
[Collection(Apps.Name)]
public sealed class TicketPageAccessTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_customer_sees_their_ticket_with_code_subject_status_details_and_history(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer, "Modem mati total", "Lampu power tidak menyala sama sekali.");

        var page = await (await app.SignInAsync(customer)).GetAsync(Page(code));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"{code[..4]}-{code[4..]}", page.Text);
        Assert.Matches("<h1[^>]*>Modem mati total</h1>", page.Html);
        Assert.Contains("Lampu power tidak menyala sama sekali.", page.Text);
        Assert.Contains(CustomerService, page.Text);
        Assert.Contains(customer.FullName, page.Text);
        Assert.Contains(string.Format(Id(app, "{0} opened the ticket"), customer.FullName), page.Text);
        Assert.Contains("WIB", page.Text);
        Assert.Contains("name=\"Reply.Body\"", page.Html);
        // A customer neither chooses "internal note" nor changes the status.
        Assert.DoesNotContain("name=\"Reply.Internal\"", page.Html);
        Assert.DoesNotContain("handler=Status", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_customer_gets_the_404_page_for_the_same_code_and_cannot_reply_to_it(Db db)
    {
        var app = await apps.Get(db);
        var owner = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, owner, "Rahasia milik pemilik");
        var stranger = await app.SignInAsync(await app.CreateUserAsync());

        var page = await stranger.GetAsync(Page(code));
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Rahasia milik pemilik", page.Text);
        // The same answer as for a code that does not exist at all: nothing tells them the ticket is there.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Page("ZZZZZZZZ"))).Status);

        var reply = await stranger.PostFormAsync(Page(code) + "?handler=Reply", new() { ["Reply.Body"] = "Halo" }, formUrl: "/");
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Empty(await MessagesAsync(app, code));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_agent_of_the_team_sees_the_ticket_and_an_agent_of_no_team_gets_404(Db db)
    {
        var app = await apps.Get(db);
        var code = await OpenTicketAsync(app, await app.CreateUserAsync(), "Pertanyaan soal tagihan");
        var member = await app.SignInAsync(await AgentInTeamAsync(app));
        var outsider = await app.SignInAsync(await app.CreateUserAsync(Roles.Agent));

        var seen = await member.GetAsync(Page(code));
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Contains("Pertanyaan soal tagihan", seen.Text);
        Assert.Contains("name=\"Reply.Internal\"", seen.Html);
        Assert.Contains("handler=Status", seen.Html);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Page(code))).Status);
        var status = await outsider.PostFormAsync(Page(code) + "?handler=Status", new() { ["status"] = "Resolved" }, formUrl: "/");
        Assert.Equal(HttpStatusCode.NotFound, status.Status);
        Assert.Equal(TicketStatus.New, (await TicketAsync(app, code)).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Supervisors_and_admins_see_any_ticket(Db db)
    {
        var app = await apps.Get(db);
        var (_, type) = await OtherTeamAsync(app);
        var code = await OpenTicketOfTypeAsync(app, await app.CreateUserAsync(), type, "Pasang baru di ruko");

        foreach (var role in new[] { Roles.Supervisor, Roles.Admin })
        {
            var page = await (await app.SignInAsync(await app.CreateUserAsync(role))).GetAsync(Page(code));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Pasang baru di ruko", page.Text);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_code_typed_with_a_dash_or_in_lower_case_leads_to_the_ticket_and_a_visitor_must_sign_in(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);

        var typed = await (await app.SignInAsync(customer)).GetAsync(Page($"{code[..4]}-{code[4..]}".ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.MovedPermanently, typed.Status);
        Assert.Equal(Page(code), typed.Location);

        var anonymous = await app.Pages().GetAsync(Page(code));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.Contains("/account/login", anonymous.Location);
    }
}
