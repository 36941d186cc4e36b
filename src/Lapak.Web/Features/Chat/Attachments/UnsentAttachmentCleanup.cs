using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Attachments;

/// <summary>
/// Removes uploads that were never sent (a closed tab, a changed mind) once they are a day old. Safe with several
/// instances: each row is deleted on its own with "still unsent" in the WHERE, and only the instance whose delete
/// took the row removes its files, so a file is never removed while a message links it.
/// </summary>
public sealed class UnsentAttachmentCleanup(IServiceScopeFactory scopes, FileStore store, TimeProvider clock, ILogger<UnsentAttachmentCleanup> log)
{
    public static readonly TimeSpan KeepUnsent = TimeSpan.FromDays(1);

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LapakDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime - KeepUnsent;
        var stale = await db.Set<ChatAttachment>().AsNoTracking().Where(a => a.MessageId == null && a.CreatedAt < cutoff)
            .OrderBy(a => a.CreatedAt).Take(500).ToListAsync(ct);
        var removed = 0;
        foreach (var row in stale)
        {
            var taken = await db.Set<ChatAttachment>().Where(a => a.Id == row.Id && a.MessageId == null).ExecuteDeleteAsync(ct);
            if (taken == 0) continue; // sent meanwhile, or another instance took it
            UploadChatAttachment.Discard(store, row, log);
            removed++;
        }
        return removed;
    }
}

public sealed class UnsentAttachmentCleanupService(UnsentAttachmentCleanup cleanup, TimeProvider clock, ILogger<UnsentAttachmentCleanupService> log)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var removed = await cleanup.RunOnceAsync(stoppingToken);
                if (removed > 0) log.LogInformation("Removed {Count} unsent chat uploads", removed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex) { log.LogError(ex, "Removing unsent chat uploads failed"); }
            try { await Task.Delay(Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
