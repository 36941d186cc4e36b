using System.Net;
using System.Net.Http.Json;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>"How did we do?": the customer rates each resolution once, on the page, through the API or from the e-mail's link.</summary>
[Collection(Apps.Name)]
public sealed class RateTicketTests(Apps apps)
{
    private static Task<List<TicketRating>> RatingsAsync(LapakApp app, string code) =>
        app.WithDbAsync(d => (from r in d.Set<TicketRating>() join t in d.Set<Ticket>() on r.TicketId equals t.Id
                              where t.Code == code select r).AsNoTracking().ToListAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task The_customer_rates_a_resolved_ticket_on_the_page_once_and_it_is_kept_with_the_agent_and_a_history_line(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var pages = await app.SignInAsync(customer);
        Assert.DoesNotContain("id=\"rate\"", (await pages.GetAsync(Page(code))).Html);

        await SetStatusAsync(app, agent, code, TicketStatus.Resolved);
        var page = await pages.GetAsync(Page(code) + "?rate=4");
        Assert.Contains(Id(app, "How did we do?"), page.Text);
        Assert.Matches("id=\"rate-4\" value=\"4\" checked=\"checked\"", page.Html);

        var sent = await pages.PostFormAsync(Page(code) + "?handler=Rate", new() { ["Rating.Score"] = "4", ["Rating.Comment"] = "Cepat, tapi sempat menunggu." },
            formUrl: Page(code));
        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.ToString());
        var after = await pages.FollowAsync(sent);
        Assert.Contains(Id(app, "Thank you for your rating! It helps us get better."), after.Text);
        Assert.Contains(string.Format(Id(app, "{0} rated the help {1}/5"), customer.FullName, 4), after.Text);
        Assert.DoesNotContain(Id(app, "How did we do?"), after.Text);

        var rating = Assert.Single(await RatingsAsync(app, code));
        Assert.Equal(4, rating.Score);
        Assert.Equal("Cepat, tapi sempat menunggu.", rating.Comment);
        Assert.Equal(agent.Id, rating.AgentId);
        Assert.Equal((await TicketAsync(app, code)).ResolvedAt, rating.ResolvedAt);

        var again = await pages.PostFormAsync(Page(code) + "?handler=Rate", new() { ["Rating.Score"] = "1" }, formUrl: Page(code));
        Assert.Contains(Id(app, "You have already rated this resolution. Thank you!"), (await pages.FollowAsync(again)).Text);
        Assert.Single(await RatingsAsync(app, code));

        var staffPage = await (await app.SignInAsync(agent)).GetAsync(Page(code));
        Assert.Contains(Id(app, "Customer rating"), staffPage.Text);
        Assert.Contains("Cepat, tapi sempat menunggu.", staffPage.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_rating_without_a_score_gets_a_field_message_and_keeps_the_comment(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        await SetStatusAsync(app, await AgentInTeamAsync(app), code, TicketStatus.Resolved);
        var pages = await app.SignInAsync(customer);

        var page = await pages.PostFormAsync(Page(code) + "?handler=Rate", new() { ["Rating.Comment"] = "KOMENTAR-2231" }, formUrl: Page(code));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Id(app, "Choose a rating from 1 to 5."), page.FieldError("Rating.Score"));
        Assert.Contains("KOMENTAR-2231", page.Html);
        Assert.Empty(await RatingsAsync(app, code));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_rates_once_per_resolution_refuses_before_resolution_and_hides_the_ticket_from_others(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        using var api = await app.ApiAsync(customer);

        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/tickets/{code}/rating", new { score = 5 })).StatusCode);
        await SetStatusAsync(app, agent, code, TicketStatus.Resolved);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/tickets/{code}/rating", new { score = 6 })).StatusCode);

        using var strangerApi = await app.ApiAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.PostAsJsonAsync($"/api/v1/tickets/{code}/rating", new { score = 1 })).StatusCode);
        using var agentApi = await app.ApiAsync(agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agentApi.PostAsJsonAsync($"/api/v1/tickets/{code}/rating", new { score = 5 })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/tickets/{code}/rating", new { score = 5, comment = "Mantap" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/tickets/{code}/rating", new { score = 2 })).StatusCode);

        // Reopened and resolved again: a new resolution, rated on its own.
        await SetStatusAsync(app, agent, code, TicketStatus.Open);
        await SetStatusAsync(app, agent, code, TicketStatus.Resolved);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/tickets/{code}/rating", new { score = 3 })).StatusCode);
        Assert.Equal([3, 5], (await RatingsAsync(app, code)).Select(r => r.Score).Order());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_resolution_e_mail_links_straight_to_the_rating_and_a_signed_out_customer_lands_on_it_after_signing_in(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        await SetStatusAsync(app, await AgentInTeamAsync(app), code, TicketStatus.Resolved);

        var mail = await app.Mail.WaitForAsync(customer.Email, m => m.Text?.Contains("?rate=") == true && m.Text.Contains(code));
        var link = mail.Link($"/helpdesk/tickets/{code}?rate=");
        Assert.Equal($"/helpdesk/tickets/{code}", link.AbsolutePath);

        var guest = app.Pages();
        var toLogin = await guest.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.Status);
        var returnUrl = Uri.UnescapeDataString(toLogin.Location![(toLogin.Location!.IndexOf("ReturnUrl=", StringComparison.OrdinalIgnoreCase) + "ReturnUrl=".Length)..]);
        var signedIn = await guest.PostFormAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl),
            new() { ["Input.Email"] = customer.Email, ["Input.Password"] = customer.Password }, formUrl: "/account/login");
        Assert.Equal(link.PathAndQuery, signedIn.Location);
        var page = await guest.GetAsync(signedIn.Location!);
        Assert.Contains("id=\"rate\"", page.Html);
        Assert.Contains(Id(app, "How did we do?"), page.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_ticket_closed_after_its_resolution_can_still_be_rated_but_one_closed_without_a_resolution_cannot(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app);
        var resolvedThenClosed = await OpenTicketAsync(app, customer);
        var closedOnly = await OpenTicketAsync(app, customer);
        await SetStatusAsync(app, agent, resolvedThenClosed, TicketStatus.Resolved);
        await SetStatusAsync(app, agent, resolvedThenClosed, TicketStatus.Closed);
        await SetStatusAsync(app, agent, closedOnly, TicketStatus.Closed);
        var pages = await app.SignInAsync(customer);

        Assert.Contains("id=\"rate-5\"", (await pages.GetAsync(Page(resolvedThenClosed))).Html);
        Assert.DoesNotContain("id=\"rate-5\"", (await pages.GetAsync(Page(closedOnly))).Html);

        using var api = await app.ApiAsync(customer);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/tickets/{resolvedThenClosed}/rating", new { score = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/tickets/{closedOnly}/rating", new { score = 5 })).StatusCode);
        Assert.Empty(await RatingsAsync(app, closedOnly));
    }
}
