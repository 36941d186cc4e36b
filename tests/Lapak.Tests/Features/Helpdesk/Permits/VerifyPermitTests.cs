using System.Net;
using static Lapak.Tests.Features.Helpdesk.Permits.PermitKit;

namespace Lapak.Tests.Features.Helpdesk.Permits;

/// <summary>The public verification page a gate guard opens: the state now, and only what admitting the visitors needs.</summary>
[Collection(Apps.Name)]
public sealed class VerifyPermitTests(Apps apps)
{
    private static async Task<(HttpResponseMessage Response, string Html)> VerifyAsync(LapakApp app, string code)
    {
        using var anonymous = app.Anonymous();
        anonymous.DefaultRequestHeaders.Add("Cookie", ".Lapak.Language=en"); // the site's language switch
        var response = await anonymous.GetAsync($"/verify/{code}");
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Each_state_shows_with_branch_window_and_visitor_names_and_nothing_personal(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app);
        var customer = await app.CreateUserAsync();
        var now = DateTime.UtcNow;
        var cases = new (DateTime Start, DateTime End, bool Revoked, string State)[]
        {
            (now.AddHours(-1), now.AddHours(2), false, "Berlaku"),
            (now.AddDays(2), now.AddDays(2).AddHours(3), false, "Belum berlaku"),
            (now.AddDays(-2), now.AddDays(-2).AddHours(3), false, "Kedaluwarsa"),
            (now.AddHours(-1), now.AddHours(2), true, "Dicabut"),
        };
        foreach (var c in cases)
        {
            var (ticketCode, permit) = await IssueAsync(app, customer, branch, c.Start, c.End, c.Revoked);
            using var anonymous = app.Anonymous();
            var response = await anonymous.GetAsync($"/verify/{permit.Code}");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Matches($"<h1 class=\"verify-state-name\">{c.State}</h1>", html);
            Assert.Contains(branch.Name, html);
            Assert.Contains("Budi Santoso", html);
            Assert.Contains("Rina Wati", html);
            Assert.Contains("WIB", html);
            Assert.DoesNotContain("3456", html); // not even the masked ID
            Assert.DoesNotContain(VisitorCompany, html);
            Assert.DoesNotContain(Company, html);
            Assert.DoesNotContain(customer.Email, html);
            Assert.DoesNotContain(customer.FullName, html);
            Assert.DoesNotContain(ticketCode, html);
            Assert.DoesNotContain(Lapak.Web.Features.Helpdesk.Tickets.TicketCode.Display(ticketCode), html);
            Assert.DoesNotContain("Kunjungan dibatalkan", html); // the revocation's reason stays with the ticket
            Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_unknown_code_is_a_friendly_404_in_the_chosen_language(Db db)
    {
        var app = await apps.Get(db);

        var (response, html) = await VerifyAsync(app, "P" + Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No such permit", html);
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
    }
}
