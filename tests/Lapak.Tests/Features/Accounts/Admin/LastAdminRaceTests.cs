using System.Security.Claims;
using Lapak.Web.Features.Accounts.Admin;
using System.Data.Common;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Lapak.Tests.Features.Accounts.Admin;

/// <summary>The last-admin guard holds when two admins act against each other at the same moment.</summary>
public sealed class LastAdminRaceTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Two_admins_demoting_each_other_at_once_leave_at_least_one_admin(Db db)
    {
        // Its own database (the demo admin and one more are the only admins), with every commit held back a
        // moment so the two transactions surely overlap between their last check and their commit.
        await using var app = await LapakApp.StartAsync(db, configure: b => b.ConfigureServices(s =>
        {
            s.ConfigureDbContext<SqliteLapakDbContext>(o => o.AddInterceptors(new SlowCommits()));
            s.ConfigureDbContext<PostgresLapakDbContext>(o => o.AddInterceptors(new SlowCommits()));
        }));
        var demoAdmin = await app.WithDbAsync(d => Task.FromResult(d.Users.Single(u => u.Email == "admin@lapak.test").Id));
        var other = await app.CreateUserAsync(Roles.Admin, Roles.Agent); // keeps a role when Admin goes

        for (var round = 0; round < 3; round++)
        {
            var results = await Task.WhenAll(
                RevokeAdminAsync(app, actor: demoAdmin, target: other.Id),
                RevokeAdminAsync(app, actor: other.Id, target: demoAdmin));

            var admins = await ActiveAdminsAsync(app);
            Assert.True(admins >= 1, $"Round {round}: no active admin is left.");
            Assert.Contains(results, r => !r.Succeeded);

            // Put both back for the next round.
            foreach (var id in new[] { demoAdmin, other.Id })
                await app.WithScopeAsync(async sp => await sp.GetRequiredService<ChangeUserRoles.Handler>().GrantAsync(Principal(demoAdmin), id, Roles.Admin));
            Assert.Equal(2, await ActiveAdminsAsync(app));
        }
    }

    private static async Task<Outcome> RevokeAdminAsync(LapakApp app, Guid actor, Guid target)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChangeUserRoles.Handler>().RevokeAsync(Principal(actor), target, Roles.Admin);
    }

    private static async Task<int> ActiveAdminsAsync(LapakApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdminUserQueries>().ActiveAdminCountAsync();
    }

    private static ClaimsPrincipal Principal(Guid userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

    private sealed class SlowCommits : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken ct = default)
        {
            await Task.Delay(300, ct);
            return result;
        }
    }
}
