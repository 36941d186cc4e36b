using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Lapak.Web.Infrastructure.Web;

/// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the database (and Redis, when configured) answer too.</summary>
public static class HealthChecks
{
    public static IServiceCollection AddLapakHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck<DatabaseCheck>("database", tags: ["ready"]);
        if (!string.IsNullOrWhiteSpace(configuration["Realtime:Redis"])) checks.AddCheck<RedisCheck>("redis", tags: ["ready"]);
        return services;
    }

    public static void MapLapakHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = async (ctx, report) =>
            {
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                });
            },
        }).ExcludeFromDescription();
    }

    private sealed class DatabaseCheck(LapakDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                return await db.Database.CanConnectAsync(ct) && await db.Users.AnyAsync(u => false, ct) == false
                    ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
            }
            catch (Exception ex) { return HealthCheckResult.Unhealthy("database unreachable", ex); }
        }
    }

    private sealed class RedisCheck(IConfiguration configuration) : IHealthCheck
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static ConnectionMultiplexer? _redis;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await Gate.WaitAsync(ct);
                try { _redis ??= await ConnectionMultiplexer.ConnectAsync(configuration["Realtime:Redis"]!); }
                finally { Gate.Release(); }
                await _redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) { return HealthCheckResult.Unhealthy("redis unreachable", ex); }
        }
    }
}
