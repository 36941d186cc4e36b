using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Accounts.Admin;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>Create (<c>/helpdesk/admin/calendars/new</c>) or change a business calendar and its holidays (admins).</summary>
public sealed class CalendarEditModel(LapakDbContext db, SaveCalendar.Handler save, DeleteCalendar.Handler delete,
    CalendarHolidays.AddHandler addHoliday, CalendarHolidays.RemoveHandler removeHoliday, IStringLocalizer l) : PageModel
{
    [BindProperty] public SaveCalendar.Command Input { get; set; } = new() { Week = SaveCalendar.WeekOf(new BusinessCalendar { Week = BusinessCalendar.OfficeWeek() }) };
    [BindProperty] public CalendarHolidays.Holiday NewHoliday { get; set; } = new();

    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public bool IsDefault { get; private set; }
    public IReadOnlyList<HolidayView> Holidays { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<Branch> Branches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        Id = id;
        if (id is { } existing)
        {
            var c = await db.Set<BusinessCalendar>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == existing);
            if (c is null) return NotFound();
            Input = new SaveCalendar.Command { Name = c.Name, TimeZone = c.TimeZone, TeamId = c.TeamId, BranchId = c.BranchId, Week = SaveCalendar.WeekOf(c) };
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Id = id;
        ModelState.Clear();
        Input.Holidays = null; // the holidays have their own forms here
        var outcome = await save.HandleAsync(id, Input);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, nameof(Input));
            await LoadAsync();
            return Page();
        }
        TempData["Flash"] = l["The calendar \"{0}\" has been saved.", Input.Name.Trim()].Value;
        return Redirect($"/helpdesk/admin/calendars/{outcome.Id}");
    }

    public async Task<IActionResult> OnPostAddHolidayAsync(Guid id)
    {
        Id = id;
        ModelState.Clear();
        var outcome = await addHoliday.HandleAsync(id, NewHoliday);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, nameof(NewHoliday));
            await ReloadInputAsync(id);
            await LoadAsync();
            return Page();
        }
        TempData["Flash"] = l["The holiday \"{0}\" has been added.", NewHoliday.Name.Trim()].Value;
        return Redirect($"/helpdesk/admin/calendars/{id}#holidays");
    }

    public async Task<IActionResult> OnPostRemoveHolidayAsync(Guid id, Guid holidayId)
    {
        var outcome = await removeHoliday.HandleAsync(id, holidayId);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Flash"] = l["The holiday has been removed."].Value;
        return Redirect($"/helpdesk/admin/calendars/{id}#holidays");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var outcome = await delete.HandleAsync(id);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            TempData["Flash"] = outcome.Message;
            return Redirect($"/helpdesk/admin/calendars/{id}");
        }
        TempData["Flash"] = l["The calendar has been deleted."].Value;
        return Redirect("/helpdesk/admin/calendars");
    }

    private async Task ReloadInputAsync(Guid id)
    {
        var c = await db.Set<BusinessCalendar>().AsNoTracking().SingleAsync(x => x.Id == id);
        Input = new SaveCalendar.Command { Name = c.Name, TimeZone = c.TimeZone, TeamId = c.TeamId, BranchId = c.BranchId, Week = SaveCalendar.WeekOf(c) };
    }

    private async Task LoadAsync()
    {
        if (Id is { } id)
        {
            IsDefault = await db.Set<BusinessCalendar>().AnyAsync(c => c.Id == id && c.IsDefault);
            Holidays = await db.Set<BusinessHoliday>().AsNoTracking().Where(h => h.CalendarId == id).OrderBy(h => h.StartDate)
                .Select(h => new HolidayView(h.Id, h.StartDate, h.EndDate, h.Name)).ToListAsync();
        }
        Teams = await db.Set<Team>().AsNoTracking().OrderBy(t => t.Name).ToListAsync();
        Branches = await db.Set<Branch>().AsNoTracking().OrderBy(b => b.Name).ToListAsync();
        // Posted back with errors: show all seven days in order, whatever came in.
        Input.Week = [.. SaveCalendar.Days.Select(d => Input.Week.FirstOrDefault(w => w.Day == d) ?? new SaveCalendar.WeekDay { Day = d })];
    }

    public static string DayName(DayOfWeek day, IStringLocalizer l) => day switch
    {
        DayOfWeek.Monday => l["Monday"],
        DayOfWeek.Tuesday => l["Tuesday"],
        DayOfWeek.Wednesday => l["Wednesday"],
        DayOfWeek.Thursday => l["Thursday"],
        DayOfWeek.Friday => l["Friday"],
        DayOfWeek.Saturday => l["Saturday"],
        _ => l["Sunday"],
    };
}
