using System.Net;
using System.Net.Http.Json;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Portal;

/// <summary>An organization's manager sees and may reply to every ticket of the organization; a colleague who is not manager does not.</summary>
[Collection(Apps.Name)]
public sealed class OrganizationManagerTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_makes_a_manager_who_then_sees_and_answers_a_colleagues_ticket_while_a_plain_colleague_does_not(Db db)
    {
        var app = await apps.Get(db);
        var org = new Organization { Name = "Dinas Pendidikan " + Guid.NewGuid().ToString("N")[..6], CreatedAt = DateTime.UtcNow };
        await app.WithDbAsync(d => { d.Add(org); return d.SaveChangesAsync(); });
        var manager = await app.CreateUserAsync();
        var colleague = await app.CreateUserAsync();
        var author = await app.CreateUserAsync();
        await app.WithDbAsync(async d =>
        {
            foreach (var u in await d.Users.Where(u => u.Id == manager.Id || u.Id == colleague.Id || u.Id == author.Id).ToListAsync()) u.OrganizationId = org.Id;
            return await d.SaveChangesAsync();
        });
        var code = await OpenTicketAsync(app, author, "Laptop sekolah rusak");

        // Before: the future manager is a plain member and sees nothing.
        using (var before = await app.ApiAsync(manager))
            Assert.Equal(HttpStatusCode.NotFound, (await before.GetAsync($"/api/v1/tickets/{code}")).StatusCode);

        var admin = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin));
        var saved = await admin.PostFormAsync($"/admin/users/{manager.Id}?handler=Organization",
            new() { ["organizationId"] = org.Id.ToString(), ["manager"] = "true" }, $"/admin/users/{manager.Id}");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.True(await app.WithDbAsync(d => d.Users.Where(u => u.Id == manager.Id).Select(u => u.IsOrganizationManager).SingleAsync()));
        Assert.True(await app.WithDbAsync(d => d.Set<ActivityEntry>().AnyAsync(a => a.Action == "account.organization_manager_set" && a.SubjectId == manager.Id.ToString())));
        Assert.Contains("checked=\"checked\" aria-describedby=\"org-manager-help\"", (await admin.GetAsync($"/admin/users/{manager.Id}")).Html);

        var pages = await app.SignInAsync(manager);
        var mine = await pages.GetAsync("/helpdesk");
        Assert.DoesNotContain(code, mine.Html); // "Mine" stays their own
        Assert.Contains("href=\"/helpdesk?scope=organization\"", mine.Html);
        var orgList = await pages.GetAsync("/helpdesk?scope=organization");
        Assert.Contains($"href=\"/helpdesk/tickets/{code}\"", orgList.Html);
        Assert.Contains(author.FullName, orgList.Text);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync(Page(code))).Status);
        using var api = await app.ApiAsync(manager);
        Assert.Contains(code, await api.GetStringAsync("/api/v1/tickets?scope=organization"));
        var reply = await api.PostAsJsonAsync($"/api/v1/tickets/{code}/replies", new { body = "Saya manajernya, mohon dipercepat." });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.False((await MessagesAsync(app, code)).Single().FromStaff);
        var note = await api.PostAsJsonAsync($"/api/v1/tickets/{code}/notes", new { body = "catatan" });
        Assert.Equal(HttpStatusCode.Forbidden, note.StatusCode);

        var plain = await app.SignInAsync(colleague);
        Assert.Equal(HttpStatusCode.NotFound, (await plain.GetAsync(Page(code))).Status);
        Assert.DoesNotContain("scope=organization", (await plain.GetAsync("/helpdesk")).Html);
        Assert.DoesNotContain(code, (await plain.GetAsync("/helpdesk?scope=organization")).Html);
        using var plainApi = await app.ApiAsync(colleague);
        Assert.Equal(HttpStatusCode.NotFound, (await plainApi.GetAsync($"/api/v1/tickets/{code}")).StatusCode);
        Assert.DoesNotContain(code, await plainApi.GetStringAsync("/api/v1/tickets?scope=organization"));

        // Unchecked again: the organization's tickets are out of reach at once.
        await admin.PostFormAsync($"/admin/users/{manager.Id}?handler=Organization", new() { ["organizationId"] = org.Id.ToString() }, $"/admin/users/{manager.Id}");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/tickets/{code}")).StatusCode);
    }
}
