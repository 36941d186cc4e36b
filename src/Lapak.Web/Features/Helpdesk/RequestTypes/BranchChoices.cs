using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.RequestTypes;

/// <summary>A branch as a <c>Branch</c> field offers it: its code is the stored value, "name, city" the label.</summary>
public sealed record BranchChoice(Guid Id, string Code, string Name, string City, string TimeZone = "Asia/Jakarta")
{
    /// <summary>WIB, WITA or WIT: a window at this branch is in its local time.</summary>
    public string Zone => Permits.PermitTimes.Abbreviation(TimeZone);

    public string Label => City.Length == 0 || Name.Contains(City, StringComparison.OrdinalIgnoreCase) ? Name : $"{Name}, {City}";
}

/// <summary>
/// The branches a <c>Branch</c> field of a request type chooses from. Read only when the type has such a field, so
/// every other form and ticket costs no extra query.
/// </summary>
public static class BranchChoices
{
    public static bool Uses(RequestType type) => type.Fields.Any(f => f.Kind == FieldKind.Branch);

    public static Task<List<BranchChoice>> AllAsync(LapakDbContext db) =>
        db.Set<Branch>().AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new BranchChoice(b.Id, b.Code, b.Name, b.City, b.TimeZone)).ToListAsync();

    public static async Task<List<BranchChoice>> ForAsync(LapakDbContext db, RequestType type) => Uses(type) ? await AllAsync(db) : [];

    /// <summary>The branches by code, for showing a ticket's Branch fields (and its window in the branch's zone).</summary>
    public static async Task<Dictionary<string, BranchChoice>> ByCodeAsync(LapakDbContext db, RequestType type) =>
        (await ForAsync(db, type)).ToDictionary(b => b.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The branch the first Branch field of <paramref name="values"/> names (a ticket's <c>BranchId</c>).</summary>
    public static Guid? BranchOf(RequestType type, IReadOnlyDictionary<string, string> values, IEnumerable<BranchChoice> branches) =>
        type.Fields.Where(f => f.Kind == FieldKind.Branch).Select(f => values.GetValueOrDefault(f.Key))
            .Where(v => v is not null).Select(v => branches.FirstOrDefault(b => string.Equals(b.Code, v, StringComparison.OrdinalIgnoreCase))?.Id)
            .FirstOrDefault(id => id is not null);
}
