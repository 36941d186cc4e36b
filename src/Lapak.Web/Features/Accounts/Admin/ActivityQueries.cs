using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>Filters of the activity log; dates are calendar days in WIB, both ends included.</summary>
public sealed record ActivityFilter(
    string? Actor = null, string? Action = null, string? SubjectType = null, string? SubjectId = null,
    DateOnly? From = null, DateOnly? To = null);

public sealed record ActivityPage(IReadOnlyList<ActivityEntry> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>What a subject id stands for now: a name and the admin page about it (none once it is deleted).</summary>
public sealed record SubjectLink(string Label, string? Url);

/// <summary>The read side of the activity log: the admin page and a user's recent activity.</summary>
public sealed class ActivityQueries(LapakDbContext db)
{
    public const int DefaultPageSize = 50;

    /// <summary>Subject types admins can filter by; other modules' types appear as they record them.</summary>
    public static readonly string[] SubjectTypes = ["user", "organization", "branch", "team", "delivery"];

    public async Task<ActivityPage> PageAsync(ActivityFilter f, int page, int pageSize = DefaultPageSize)
    {
        page = Math.Max(1, page);
        var q = db.Set<ActivityEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            var lower = f.Actor.Trim().ToLowerInvariant();
            var upper = f.Actor.Trim().ToUpperInvariant();
            q = q.Where(a => a.ActorName.ToLower().Contains(lower) ||
                             (a.ActorId != null && db.Users.Any(u => u.Id == a.ActorId && u.NormalizedEmail!.Contains(upper))));
        }
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(a => a.Action == f.Action);
        if (!string.IsNullOrWhiteSpace(f.SubjectType)) q = q.Where(a => a.SubjectType == f.SubjectType);
        if (!string.IsNullOrWhiteSpace(f.SubjectId)) q = q.Where(a => a.SubjectId == f.SubjectId);
        if (f.From is { } from)
        {
            var start = StartOfWibDay(from);
            q = q.Where(a => a.At >= start);
        }
        if (f.To is { } to)
        {
            var end = StartOfWibDay(to.AddDays(1));
            q = q.Where(a => a.At < end);
        }
        var total = await q.CountAsync();
        var items = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return new ActivityPage(items, page, pageSize, total);
    }

    /// <summary>What the user did and what was done to their account, newest first.</summary>
    public Task<List<ActivityEntry>> RecentForUserAsync(Guid userId, int take)
    {
        var id = userId.ToString();
        return db.Set<ActivityEntry>().AsNoTracking()
            .Where(a => a.ActorId == userId || (a.SubjectType == "user" && a.SubjectId == id))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(take).ToListAsync();
    }

    /// <summary>Every action code recorded so far, for the filter (known ones first, then the rest).</summary>
    public async Task<List<string>> ActionsInUseAsync()
    {
        var used = await db.Set<ActivityEntry>().Select(a => a.Action).Distinct().ToListAsync();
        return used.Union(ActivityActions.Known.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Names and links for the subjects of <paramref name="entries"/>, keyed "type:id".</summary>
    public async Task<Dictionary<string, SubjectLink>> SubjectsAsync(IEnumerable<ActivityEntry> entries)
    {
        var ids = entries.Where(e => e.SubjectType is not null && Guid.TryParse(e.SubjectId, out _))
            .GroupBy(e => e.SubjectType!).ToDictionary(g => g.Key, g => g.Select(e => Guid.Parse(e.SubjectId!)).Distinct().ToList());
        var links = new Dictionary<string, SubjectLink>(StringComparer.Ordinal);
        if (ids.TryGetValue("user", out var users))
            foreach (var u in await db.Users.Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync())
                links[$"user:{u.Id}"] = new SubjectLink(u.FullName, $"/admin/users/{u.Id}");
        if (ids.TryGetValue("organization", out var orgs))
            foreach (var o in await db.Set<Organization>().Where(o => orgs.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync())
                links[$"organization:{o.Id}"] = new SubjectLink(o.Name, $"/admin/organizations/{o.Id}");
        if (ids.TryGetValue("branch", out var branches))
            foreach (var b in await db.Set<Branch>().Where(b => branches.Contains(b.Id)).Select(b => new { b.Id, b.Name }).ToListAsync())
                links[$"branch:{b.Id}"] = new SubjectLink(b.Name, $"/admin/branches/{b.Id}");
        if (ids.TryGetValue("team", out var teams))
            foreach (var t in await db.Set<Team>().Where(t => teams.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync())
                links[$"team:{t.Id}"] = new SubjectLink(t.Name, $"/admin/teams/{t.Id}");
        return links;
    }

    public static DateTime StartOfWibDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Display.Jakarta);
}
