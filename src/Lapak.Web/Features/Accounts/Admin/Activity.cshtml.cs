using System.Globalization;
using Lapak.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Accounts.Admin;

public sealed class ActivityModel(ActivityQueries queries) : PageModel
{
    [FromQuery(Name = "actor")] public string? Actor { get; set; }
    [FromQuery(Name = "action")] public string? ActionCode { get; set; }
    [FromQuery(Name = "subjectType")] public string? SubjectType { get; set; }
    [FromQuery(Name = "subjectId")] public string? SubjectId { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public ActivityPage Result { get; private set; } = new([], 1, ActivityQueries.DefaultPageSize, 0);
    public Dictionary<string, SubjectLink> Subjects { get; private set; } = [];
    public List<string> Actions { get; private set; } = [];
    /// <summary>The name of the one subject the log is narrowed to, when it came from a details page.</summary>
    public string? SubjectLabel { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Actor) || !string.IsNullOrWhiteSpace(ActionCode) ||
                            !string.IsNullOrWhiteSpace(SubjectType) || !string.IsNullOrWhiteSpace(SubjectId) || From is not null || To is not null;

    public async Task OnGetAsync()
    {
        if (From is { } f && To is { } t && f > t) (From, To) = (t, f);
        Result = await queries.PageAsync(new ActivityFilter(Actor, ActionCode, SubjectType, SubjectId, From, To), PageNumber);
        Subjects = await queries.SubjectsAsync(Result.Items);
        Actions = await queries.ActionsInUseAsync();
        if (!string.IsNullOrWhiteSpace(SubjectType) && !string.IsNullOrWhiteSpace(SubjectId))
        {
            var key = $"{SubjectType}:{SubjectId}";
            if (!Subjects.ContainsKey(key))
            {
                var probe = new ActivityEntry { SubjectType = SubjectType, SubjectId = SubjectId };
                Subjects = new Dictionary<string, SubjectLink>(Subjects.Concat(await queries.SubjectsAsync([probe])));
            }
            SubjectLabel = Subjects.GetValueOrDefault(key)?.Label ?? SubjectId;
        }
    }

    public string UrlFor(int page, bool keepSubjectId = true) => Pager.Url("/admin/activity", page,
        ("actor", Actor?.Trim()), ("action", ActionCode), ("subjectType", SubjectType), ("subjectId", keepSubjectId ? SubjectId : null),
        ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public Pager Pager => new(Result.Page, Result.PageCount, n => UrlFor(n));
}
