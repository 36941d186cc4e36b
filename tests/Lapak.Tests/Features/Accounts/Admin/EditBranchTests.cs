using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

[Collection(Apps.Name)]
public sealed class EditBranchTests(Apps apps)
{
    private static (string, string)[] Form(string code, string name, string timeZone = "Asia/Makassar") =>
    [
        ("Input.Code", code), ("Input.Name", name), ("Input.City", "Makassar"),
        ("Input.Address", "Jl. A. P. Pettarani No. 9, Makassar"), ("Input.TimeZone", timeZone),
    ];

    private static string Code() => "M" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [Theory, ClassData(typeof(Databases))]
    public async Task A_branch_is_created_with_its_time_zone_and_a_taken_code_or_name_is_a_field_error(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var code = Code();
        var name = $"Data Center {code}";

        var created = await pages.PostAsync("/admin/branches/new?handler=Save", "/admin/branches/new", Form(code.ToLowerInvariant(), name));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var branch = await app.WithDbAsync(d => d.Set<Branch>().SingleAsync(b => b.Name == name));
        Assert.Equal((code, "Asia/Makassar"), (branch.Code, branch.TimeZone));
        Assert.Equal("branch.created", Assert.Single(await app.ActivityAboutAsync("branch", branch.Id)).Action);

        var count = await app.WithDbAsync(d => d.Set<Branch>().CountAsync());
        var takenCode = await pages.PostAsync("/admin/branches/new?handler=Save", "/admin/branches/new", Form("btr", "Cabang Baru " + code));
        Assert.NotNull(takenCode.FieldError("Input.Code"));
        var takenName = await pages.PostAsync("/admin/branches/new?handler=Save", "/admin/branches/new", Form(Code(), "DATA CENTER BINTARO"));
        Assert.NotNull(takenName.FieldError("Input.Name"));
        var badZone = await pages.PostAsync("/admin/branches/new?handler=Save", "/admin/branches/new", Form(Code(), "Cabang Eropa " + code, "Europe/Paris"));
        Assert.NotNull(badZone.FieldError("Input.TimeZone"));
        var tooLong = await pages.PostAsync("/admin/branches/new?handler=Save", "/admin/branches/new", Form("ABCDEFGHIJK", "x"));
        Assert.NotNull(tooLong.FieldError("Input.Code"));
        Assert.NotNull(tooLong.FieldError("Input.Name"));
        Assert.Equal(count, await app.WithDbAsync(d => d.Set<Branch>().CountAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_branch_with_members_or_teams_cannot_be_deleted(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var code = Code();
        var url = (await pages.PostAsync("/admin/branches/new?handler=Save", "/admin/branches/new", Form(code, "Kantor " + code))).Location!;
        var branchId = Guid.Parse(url.Split('/')[^1]);
        var agent = await app.CreateUserAsync(Roles.Agent);

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync($"{url}?handler=Add", url, ("who", agent.Email))).Status);
        var refused = await pages.PostAsync($"{url}?handler=Delete", url);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotEmpty(refused.Summary());

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync($"{url}?handler=Remove", url, ("userId", agent.Id.ToString()))).Status);
        var team = await pages.PostAsync("/admin/teams/new?handler=Save", "/admin/teams/new",
            ("Input.Name", "Teknisi " + code), ("Input.Description", ""), ("Input.BranchId", branchId.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, team.Status);
        Assert.NotEmpty((await pages.PostAsync($"{url}?handler=Delete", url)).Summary());
        Assert.True(await app.WithDbAsync(d => d.Set<Branch>().AnyAsync(b => b.Id == branchId)));

        var teamUrl = team.Location!;
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostAsync($"{teamUrl}?handler=Delete", teamUrl)).Status);
        Assert.Equal("/admin/branches", (await pages.PostAsync($"{url}?handler=Delete", url)).Location);
        Assert.False(await app.WithDbAsync(d => d.Set<Branch>().AnyAsync(b => b.Id == branchId)));
    }
}
