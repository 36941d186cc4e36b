using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

[Collection(Apps.Name)]
public sealed class EditOrganizationTests(Apps apps)
{
    private static (string, string)[] Form(string name, string kind = "GovernmentUnit", string address = "Jl. Merdeka No. 1, Bekasi") =>
        [("Input.Name", name), ("Input.Kind", kind), ("Input.Address", address)];

    [Theory, ClassData(typeof(Databases))]
    public async Task An_organization_is_created_renamed_and_a_name_already_taken_in_any_case_is_a_field_error(Db db)
    {
        var (app, admin, pages) = await AdminKit.AdminAsync(apps, db);
        var name = $"Dinas Kesehatan {Guid.NewGuid():N}"[..30];

        var created = await pages.PostAsync("/admin/organizations/new?handler=Save", "/admin/organizations/new", Form(name));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var org = await app.WithDbAsync(d => d.Set<Organization>().SingleAsync(o => o.Name == name));
        Assert.Equal(OrganizationKind.GovernmentUnit, org.Kind);
        Assert.Equal($"/admin/organizations/{org.Id}", created.Location);

        var count = await app.WithDbAsync(d => d.Set<Organization>().CountAsync());
        var duplicate = await pages.PostAsync("/admin/organizations/new?handler=Save", "/admin/organizations/new", Form(name.ToUpperInvariant(), "Company"));
        Assert.Equal(HttpStatusCode.OK, duplicate.Status);
        Assert.NotNull(duplicate.FieldError("Input.Name"));
        Assert.Equal(count, await app.WithDbAsync(d => d.Set<Organization>().CountAsync()));

        var url = $"/admin/organizations/{org.Id}";
        var taken = await pages.PostAsync($"{url}?handler=Save", url, Form("Dinas Pendidikan Kota Bekasi"));
        Assert.NotNull(taken.FieldError("Input.Name"));
        var renamed = await pages.PostAsync($"{url}?handler=Save", url, Form(name + " Timur", "Company", ""));
        Assert.Equal(HttpStatusCode.Redirect, renamed.Status);
        var saved = await app.WithDbAsync(d => d.Set<Organization>().SingleAsync(o => o.Id == org.Id));
        Assert.Equal((name + " Timur", OrganizationKind.Company, (string?)null), (saved.Name, saved.Kind, saved.Address));

        var log = await app.ActivityAboutAsync("organization", org.Id);
        Assert.Equal(["organization.created", "organization.updated"], log.Select(a => a.Action));
        Assert.Equal($"{name} → {name} Timur", log[1].Detail);
        Assert.All(log, a => Assert.Equal(admin.Id, a.ActorId));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_missing_or_too_long_name_or_address_is_a_field_error(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var count = await app.WithDbAsync(d => d.Set<Organization>().CountAsync());

        var empty = await pages.PostAsync("/admin/organizations/new?handler=Save", "/admin/organizations/new", Form(""));
        Assert.NotNull(empty.FieldError("Input.Name"));
        var tooLong = await pages.PostAsync("/admin/organizations/new?handler=Save", "/admin/organizations/new",
            Form(new string('a', 151), address: new string('b', 301)));
        Assert.NotNull(tooLong.FieldError("Input.Name"));
        Assert.NotNull(tooLong.FieldError("Input.Address"));

        Assert.Equal(count, await app.WithDbAsync(d => d.Set<Organization>().CountAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Users_are_added_and_removed_and_the_organization_is_deleted_only_once_it_is_empty(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var name = $"PT Kopi Gayo {Guid.NewGuid():N}"[..24];
        var created = await pages.PostAsync("/admin/organizations/new?handler=Save", "/admin/organizations/new", Form(name, "Company"));
        var url = created.Location!;
        var orgId = Guid.Parse(url.Split('/')[^1]);
        var buyer = await app.CreateUserAsync(Roles.Customer);

        // By exact e-mail address: added at once.
        var added = await pages.PostAsync($"{url}?handler=Add", url, ("who", buyer.Email.ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal(orgId, await app.WithDbAsync(d => d.Users.Where(u => u.Id == buyer.Id).Select(u => u.OrganizationId).SingleAsync()));
        var change = Assert.Single(await app.ActivityAboutAsync("user", buyer.Id), a => a.Action == "account.organization_changed");
        Assert.Equal($"– → {name}", change.Detail);

        var nobody = await pages.PostAsync($"{url}?handler=Add", url, ("who", "nobody-at-all@test.lapak"));
        Assert.Equal(HttpStatusCode.OK, nobody.Status);
        Assert.Contains("role=\"alert\"", nobody.Html);

        var refused = await pages.PostAsync($"{url}?handler=Delete", url);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(name, refused.Summary());
        Assert.True(await app.WithDbAsync(d => d.Set<Organization>().AnyAsync(o => o.Id == orgId)));

        var removed = await pages.PostAsync($"{url}?handler=Remove", url, ("userId", buyer.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Null(await app.WithDbAsync(d => d.Users.Where(u => u.Id == buyer.Id).Select(u => u.OrganizationId).SingleAsync()));

        var deleted = await pages.PostAsync($"{url}?handler=Delete", url);
        Assert.Equal("/admin/organizations", deleted.Location);
        Assert.False(await app.WithDbAsync(d => d.Set<Organization>().AnyAsync(o => o.Id == orgId)));
        Assert.Contains("organization.deleted", (await app.ActivityAboutAsync("organization", orgId)).Select(a => a.Action));
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync(url)).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_user_page_moves_a_user_to_another_organization(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var bekasi = await app.WithDbAsync(d => d.Set<Organization>().Where(o => o.Name == "Dinas Pendidikan Kota Bekasi").Select(o => o.Id).SingleAsync());
        var user = await app.CreateUserAsync();
        var url = $"/admin/users/{user.Id}";

        var saved = await pages.PostAsync($"{url}?handler=Organization", url, ("organizationId", bekasi.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(bekasi, await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => u.OrganizationId).SingleAsync()));

        var unknown = await pages.PostAsync($"{url}?handler=Organization", url, ("organizationId", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.NotEmpty(unknown.Summary());
        Assert.Equal(bekasi, await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => u.OrganizationId).SingleAsync()));

        var list = await pages.GetAsync($"/admin/organizations/{bekasi}");
        Assert.Contains(user.Email, list.Text);
    }
}
