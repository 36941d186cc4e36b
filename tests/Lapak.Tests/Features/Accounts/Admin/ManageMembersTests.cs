using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

[Collection(Apps.Name)]
public sealed class ManageMembersTests(Apps apps)
{
    private static async Task<string> NewTeamAsync(PageClient pages)
    {
        var created = await pages.PostAsync("/admin/teams/new?handler=Save", "/admin/teams/new",
            ("Input.Name", $"Tim {Guid.NewGuid():N}"[..16]), ("Input.Description", ""), ("Input.BranchId", ""));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        return created.Location!;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_join_a_team_by_e_mail_or_by_picking_a_search_match_and_customers_cannot(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var url = await NewTeamAsync(pages);
        var teamId = Guid.Parse(url.Split('/')[^1]);
        var agent = await app.CreateUserAsync(Roles.Agent);
        var other = await app.CreateUserAsync(Roles.Agent);
        var customer = await app.CreateUserAsync(Roles.Customer);

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync($"{url}?handler=Add", url, ("who", agent.Email))).Status);

        // A name shows the matches; the admin then picks one.
        var search = await pages.PostAsync($"{url}?handler=Add", url, ("who", other.FullName.ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.OK, search.Status);
        Assert.Contains(other.Email, search.Text);
        var picked = await pages.PostAsync($"{url}?handler=Add", url, ("who", other.FullName), ("userId", other.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, picked.Status);

        var twice = await pages.PostAsync($"{url}?handler=Add", url, ("who", agent.Email));
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains(agent.FullName, twice.Text);
        var notStaff = await pages.PostAsync($"{url}?handler=Add", url, ("who", customer.Email));
        Assert.Equal(HttpStatusCode.OK, notStaff.Status);

        var members = await app.WithDbAsync(d => d.Set<TeamMember>().Where(m => m.TeamId == teamId).Select(m => m.UserId).ToListAsync());
        Assert.Equal(new[] { agent.Id, other.Id }.Order(), members.Order());
        Assert.Contains("team.member_added", (await app.ActivityAboutAsync("user", agent.Id)).Select(a => a.Action));

        var page = await pages.GetAsync(url);
        Assert.Contains(agent.Email, page.Text);
        Assert.Contains(other.Email, page.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_team_has_one_supervisor_who_must_hold_the_supervisor_or_admin_role(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var url = await NewTeamAsync(pages);
        var teamId = Guid.Parse(url.Split('/')[^1]);
        var agent = await app.CreateUserAsync(Roles.Agent);
        var first = await app.CreateUserAsync(Roles.Supervisor);
        var second = await app.CreateUserAsync(Roles.Supervisor, Roles.Agent);

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync($"{url}?handler=Add", url, ("who", first.Email), ("supervisor", "true"))).Status);
        var agentLead = await pages.PostAsync($"{url}?handler=Add", url, ("who", agent.Email), ("supervisor", "true"));
        Assert.Equal(HttpStatusCode.OK, agentLead.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync($"{url}?handler=Add", url, ("who", agent.Email))).Status);
        Assert.NotEmpty((await pages.PostAsync($"{url}?handler=Supervisor", url, ("userId", agent.Id.ToString()), ("supervisor", "true"))).Summary());

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync($"{url}?handler=Add", url, ("who", second.Email))).Status);
        var promoted = await pages.PostAsync($"{url}?handler=Supervisor", url, ("userId", second.Id.ToString()), ("supervisor", "true"));
        Assert.Equal(HttpStatusCode.Redirect, promoted.Status);

        var supervisors = await app.WithDbAsync(d => d.Set<TeamMember>().Where(m => m.TeamId == teamId && m.IsSupervisor).Select(m => m.UserId).ToListAsync());
        Assert.Equal([second.Id], supervisors);
        Assert.Contains("team.supervisor_set", (await app.ActivityAboutAsync("user", second.Id)).Select(a => a.Action));

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync($"{url}?handler=Supervisor", url, ("userId", second.Id.ToString()), ("supervisor", "false"))).Status);
        Assert.False(await app.WithDbAsync(d => d.Set<TeamMember>().AnyAsync(m => m.TeamId == teamId && m.IsSupervisor)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_team_with_members_cannot_be_deleted_until_they_are_removed(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var url = await NewTeamAsync(pages);
        var teamId = Guid.Parse(url.Split('/')[^1]);
        var agent = await app.CreateUserAsync(Roles.Agent);
        await pages.PostAsync($"{url}?handler=Add", url, ("who", agent.Email));

        var refused = await pages.PostAsync($"{url}?handler=Delete", url);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotEmpty(refused.Summary());
        Assert.True(await app.WithDbAsync(d => d.Set<Team>().AnyAsync(t => t.Id == teamId)));

        var removed = await pages.PostAsync($"{url}?handler=Remove", url, ("userId", agent.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Contains("team.member_removed", (await app.ActivityAboutAsync("user", agent.Id)).Select(a => a.Action));
        Assert.Equal(HttpStatusCode.NotFound, (await pages.PostAsync($"{url}?handler=Remove", url, ("userId", agent.Id.ToString()))).Status);

        Assert.Equal("/admin/teams", (await pages.PostAsync($"{url}?handler=Delete", url)).Location);
        Assert.False(await app.WithDbAsync(d => d.Set<Team>().AnyAsync(t => t.Id == teamId)));
        Assert.Contains("team.deleted", (await app.ActivityAboutAsync("team", teamId)).Select(a => a.Action));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Branch_members_and_their_supervisor_show_on_the_user_page(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var bandung = await app.WithDbAsync(d => d.Set<Branch>().Where(b => b.Code == "BDG").Select(b => b.Id).SingleAsync());
        var lead = await app.CreateUserAsync(Roles.Supervisor);
        var url = $"/admin/branches/{bandung}";

        var added = await pages.PostAsync($"{url}?handler=Add", url, ("who", lead.Email), ("supervisor", "true"));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.True(await app.WithDbAsync(d => d.Set<BranchMember>().AnyAsync(m => m.BranchId == bandung && m.UserId == lead.Id && m.IsSupervisor)));
        Assert.Contains("branch.supervisor_set", (await app.ActivityAboutAsync("user", lead.Id)).Select(a => a.Action));

        var page = await pages.GetAsync($"/admin/users/{lead.Id}");
        Assert.Contains("Data Center Bandung", page.Text);
        Assert.Contains($"/admin/branches/{bandung}", page.Html);

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync($"{url}?handler=Remove", url, ("userId", lead.Id.ToString()))).Status);
    }
}
