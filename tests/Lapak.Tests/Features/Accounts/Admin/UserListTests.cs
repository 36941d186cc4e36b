using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

[Collection(Apps.Name)]
public sealed class UserListTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Search_ignores_case_and_finds_names_e_mails_and_phones_and_filters_by_role_and_status(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var digits = Random.Shared.Next(1000, 9999).ToString();
        var buyer = await app.CreateUserAsync(Roles.Customer);
        var seller = await app.CreateUserAsync(Roles.Seller);
        await app.WithDbAsync(async d =>
        {
            var b = await d.Users.SingleAsync(u => u.Id == buyer.Id);
            b.FullName = $"Bambang Sukmono {tag}";
            b.PhoneNumber = $"+62 813-55{digits}-77";
            var s = await d.Users.SingleAsync(u => u.Id == seller.Id);
            s.FullName = $"Ibu Bambang {tag}";
            s.IsActive = false;
            return await d.SaveChangesAsync();
        });

        async Task<string[]> Found(string query)
        {
            var page = await pages.GetAsync("/admin/users?" + query);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            return new[] { buyer, seller }.Where(u => page.Text.Contains(u.Email)).Select(u => u == buyer ? "buyer" : "seller").ToArray();
        }

        Assert.Equal(["buyer"], await Found($"q=BAMBANG%20SUKMONO%20{tag.ToUpperInvariant()}"));
        Assert.Equal(["buyer", "seller"], await Found($"q={tag.ToUpperInvariant()}"));
        Assert.Equal(["buyer"], await Found($"q={Uri.EscapeDataString(buyer.Email.ToUpperInvariant())}"));
        Assert.Equal(["buyer"], await Found($"q=0813%2055{digits}"));
        Assert.Equal(["buyer"], await Found($"q=%2B62813-55{digits}-77"));
        Assert.Empty(await Found($"q=x{digits}")); // letters and digits are a name, not a phone number
        Assert.Equal(["seller"], await Found($"q={tag}&role=Seller"));
        Assert.Equal(["seller"], await Found($"q={tag}&status=Inactive"));
        Assert.Equal(["buyer"], await Found($"q={tag}&status=Active&role=Customer"));

        var none = await pages.GetAsync($"/admin/users?q=tidak-ada-{tag}");
        Assert.Contains("class=\"empty-state\"", none.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Twenty_users_per_page_and_page_links_keep_the_search(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        for (var i = 0; i < 21; i++) ids.Add((await app.CreateUserAsync(Roles.Agent)).Id);
        await app.WithDbAsync(d => d.Users.Where(u => ids.Contains(u.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FullName, u => "Anggota " + tag + " " + u.Email)));

        var first = await pages.GetAsync($"/admin/users?q={tag}&role=Agent");
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Matches(first.Html, "href=\"/admin/users/[0-9a-f-]{36}\"").Count);
        Assert.Contains($"href=\"/admin/users?q={tag}&amp;role=Agent&amp;page=2\"", first.Html);
        var second = await pages.GetAsync($"/admin/users?q={tag}&role=Agent&page=2");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(second.Html, "href=\"/admin/users/[0-9a-f-]{36}\""));

        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        var body = await api.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?q={tag}&role=agent&page=2&pageSize=5");
        Assert.Equal(21, body.GetProperty("total").GetInt32());
        Assert.Equal(5, body.GetProperty("items").GetArrayLength());
        Assert.Equal(2, body.GetProperty("page").GetInt32());
        var one = await AdminKit.JsonAsync(await api.GetAsync($"/api/v1/admin/users/{ids[0]}"), HttpStatusCode.OK);
        Assert.Equal(["Agent"], AdminKit.RolesIn(one));
        await AdminKit.ProblemAsync(await api.GetAsync("/api/v1/admin/users?role=Raja"), HttpStatusCode.BadRequest);
        await AdminKit.ProblemAsync(await api.GetAsync($"/api/v1/admin/users/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }
}
