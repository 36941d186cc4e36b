using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

[Collection(Apps.Name)]
public sealed class EditTeamTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_team_is_created_at_a_branch_and_a_taken_name_or_unknown_branch_is_a_field_error(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var bintaro = await app.WithDbAsync(d => d.Set<Branch>().Where(b => b.Code == "BTR").Select(b => b.Id).SingleAsync());
        var name = $"Teknisi {Guid.NewGuid():N}"[..20];

        var created = await pages.PostAsync("/admin/teams/new?handler=Save", "/admin/teams/new",
            ("Input.Name", name), ("Input.Description", "Perbaikan perangkat di data center."), ("Input.BranchId", bintaro.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var team = await app.WithDbAsync(d => d.Set<Team>().SingleAsync(t => t.Name == name));
        Assert.Equal(bintaro, team.BranchId);
        Assert.Equal("team.created", Assert.Single(await app.ActivityAboutAsync("team", team.Id)).Action);

        var count = await app.WithDbAsync(d => d.Set<Team>().CountAsync());
        var taken = await pages.PostAsync("/admin/teams/new?handler=Save", "/admin/teams/new",
            ("Input.Name", "customer service"), ("Input.Description", ""), ("Input.BranchId", ""));
        Assert.NotNull(taken.FieldError("Input.Name"));
        var noBranch = await pages.PostAsync("/admin/teams/new?handler=Save", "/admin/teams/new",
            ("Input.Name", name + " 2"), ("Input.Description", new string('x', 501)), ("Input.BranchId", Guid.NewGuid().ToString()));
        Assert.NotNull(noBranch.FieldError("Input.Description"));
        Assert.NotNull(noBranch.FieldError("Input.BranchId"));
        Assert.Equal(count, await app.WithDbAsync(d => d.Set<Team>().CountAsync()));

        var list = await pages.GetAsync("/admin/teams");
        Assert.Contains(name, list.Text);
        Assert.Contains("Data Center Bintaro", list.Text);
    }
}
