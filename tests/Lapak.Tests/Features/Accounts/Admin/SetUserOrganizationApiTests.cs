using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

/// <summary><c>PUT /api/v1/admin/users/{id}/organization</c>: the organization and its manager, as the user page sets them.</summary>
[Collection(Apps.Name)]
public sealed class SetUserOrganizationApiTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_puts_a_user_in_an_organization_as_its_manager_and_takes_it_back(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var org = await app.WithDbAsync(d => d.Set<Organization>().Where(o => o.Name == "Dinas Pendidikan Kota Bekasi").Select(o => o.Id).SingleAsync());
        using var admin = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));

        var set = await admin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}/organization", new { organizationId = org, manager = true });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var view = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(org, view.GetProperty("organizationId").GetGuid());
        Assert.True(view.GetProperty("isOrganizationManager").GetBoolean());
        Assert.Contains(await app.WithDbAsync(d => d.Set<ActivityEntry>().Where(a => a.SubjectId == user.Id.ToString()).Select(a => a.Action).ToListAsync()),
            a => a == "account.organization_manager_set");

        var cleared = await admin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}/organization", new { organizationId = (Guid?)null });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var stored = await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => new { u.OrganizationId, u.IsOrganizationManager }).SingleAsync());
        Assert.Null(stored.OrganizationId);
        Assert.False(stored.IsOrganizationManager);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_unknown_organization_is_a_field_error_and_only_admins_may_ask(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var admin = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));

        var unknown = await admin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}/organization", new { organizationId = Guid.NewGuid(), manager = true });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("organizationId", await unknown.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.PutAsJsonAsync($"/api/v1/admin/users/{Guid.NewGuid()}/organization", new { organizationId = (Guid?)null })).StatusCode);

        foreach (var role in new[] { Roles.Customer, Roles.Agent, Roles.Supervisor })
        {
            using var other = await app.ApiAsync(await app.CreateUserAsync(role));
            Assert.Equal(HttpStatusCode.Forbidden,
                (await other.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}/organization", new { organizationId = (Guid?)null, manager = false })).StatusCode);
        }
        Assert.False(await app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => u.IsOrganizationManager).SingleAsync()));
    }
}
