using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

[Collection(Apps.Name)]
public sealed class ActivityLogTests(Apps apps)
{
    private static ActivityEntry Entry(string actor, string action, DateTime at, string detail, string? subjectType = "user") => new()
    {
        At = at, ActorName = actor, Action = action, SubjectType = subjectType,
        SubjectId = subjectType is null ? null : Guid.NewGuid().ToString(), Detail = detail, IpAddress = "10.1.2.3",
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task The_log_is_filtered_by_who_what_subject_and_calendar_days_in_WIB(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var tag = Guid.NewGuid().ToString("N")[..8];
        // 16:59 UTC is 23:59 WIB on 1 March; 17:00 UTC is already 2 March in Jakarta.
        await app.WithDbAsync(d =>
        {
            d.AddRange(
                Entry($"Penguji {tag}", "account.signed_in", new DateTime(2020, 3, 1, 16, 59, 0, DateTimeKind.Utc), $"A-{tag}"),
                Entry($"Penguji {tag}", "account.roles_changed", new DateTime(2020, 3, 1, 17, 0, 0, DateTimeKind.Utc), $"B-{tag}"),
                Entry($"Orang Lain {tag}", "legacy.unknown_code", new DateTime(2020, 3, 3, 1, 0, 0, DateTimeKind.Utc), $"C-{tag}", "team"));
            return d.SaveChangesAsync();
        });

        async Task<string[]> Shown(string query)
        {
            var page = await pages.GetAsync("/admin/activity?" + query);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            return new[] { "A", "B", "C" }.Where(x => page.Text.Contains($"{x}-{tag}")).ToArray();
        }

        Assert.Equal(["A", "B", "C"], await Shown($"actor={tag}"));
        Assert.Equal(["A", "B"], await Shown($"actor=PENGUJI%20{tag}"));
        Assert.Equal(["B"], await Shown($"actor={tag}&action=account.roles_changed"));
        Assert.Equal(["C"], await Shown($"actor={tag}&subjectType=team"));
        Assert.Equal(["A"], await Shown($"actor={tag}&from=2020-03-01&to=2020-03-01"));
        Assert.Equal(["B"], await Shown($"actor={tag}&from=2020-03-02&to=2020-03-02"));
        Assert.Equal(["B", "C"], await Shown($"actor={tag}&from=2020-03-02"));
        Assert.Equal(["A", "B"], await Shown($"actor={tag}&to=2020-03-02"));

        // Known codes read as text; an unknown one is shown as it is.
        var page = await pages.GetAsync($"/admin/activity?actor={tag}");
        Assert.DoesNotContain("account.roles_changed", page.Text);
        Assert.Contains("Mengubah peran", page.Text);
        Assert.Contains("legacy.unknown_code", page.Text);
        // Newest first.
        Assert.True(page.Text.IndexOf($"C-{tag}", StringComparison.Ordinal) < page.Text.IndexOf($"A-{tag}", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Pages_hold_fifty_entries_and_their_links_keep_the_filters(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var start = new DateTime(2021, 6, 1, 3, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(d =>
        {
            d.AddRange(Enumerable.Range(0, 55).Select(i => Entry($"Halaman {tag}", "account.signed_in", start.AddMinutes(i), $"#{i:00}-{tag}")));
            return d.SaveChangesAsync();
        });

        var first = await pages.GetAsync($"/admin/activity?actor=Halaman%20{tag}");
        Assert.Equal(50, Regex.Matches(first.Text, $"-{tag}").Count);
        Assert.Contains($"#54-{tag}", first.Text);
        Assert.Matches($"href=\"/admin/activity\\?actor=Halaman%20{tag}&amp;page=2\"", first.Html);

        var second = await pages.GetAsync($"/admin/activity?actor=Halaman%20{tag}&page=2");
        Assert.Equal(5, Regex.Matches(second.Text, $"-{tag}").Count);
        Assert.Contains($"#00-{tag}", second.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Admin_actions_appear_in_the_log_with_who_did_them(Db db)
    {
        var (app, admin, pages) = await AdminKit.AdminAsync(apps, db);
        var user = await app.CreateUserAsync(Roles.Customer);
        var url = $"/admin/users/{user.Id}";
        await pages.PostAsync($"{url}?handler=Roles", url, ("roles", Roles.Customer), ("roles", Roles.Seller));

        var log = await pages.GetAsync($"/admin/activity?subjectType=user&subjectId={user.Id}");

        Assert.Contains(admin.FullName, log.Text);
        Assert.Contains(user.FullName, log.Text); // the subject, by name
        Assert.Contains("Customer → Customer, Seller", log.Text);
        Assert.Contains($"/admin/users/{user.Id}", log.Html);
    }
}
