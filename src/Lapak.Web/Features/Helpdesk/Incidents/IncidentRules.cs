using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>The fields declaring and editing an incident share, so both forms use one partial (<c>_IncidentFields</c>).</summary>
public interface IIncidentFields
{
    string? Title { get; set; }
    string? Area { get; set; }
    string? Impact { get; set; }
    Guid? TechnicianId { get; set; }
}

/// <summary>The checks declaring and editing an incident share; each adds its field's error in the caller's language.</summary>
public sealed class IncidentRules(LapakDbContext db, LapakText text)
{
    public string? Title(string? value, IncidentProblems problems)
    {
        var title = value?.Trim();
        if (string.IsNullOrEmpty(title)) problems.Add("Title", text.Get("Enter the incident's title."));
        else if (title.Length > Incident.TitleMaxLength)
            problems.Add("Title", string.Format(text.Get("The title may be at most {0} characters."), Incident.TitleMaxLength));
        else return title;
        return null;
    }

    public string? Area(string? value, IncidentProblems problems)
    {
        var area = value?.Trim();
        if (string.IsNullOrEmpty(area)) problems.Add("Area", text.Get("Enter the affected city or region."));
        else if (area.Length > Incident.AreaMaxLength)
            problems.Add("Area", string.Format(text.Get("The area may be at most {0} characters."), Incident.AreaMaxLength));
        else return area;
        return null;
    }

    public IncidentImpact? Impact(string? value, IncidentProblems problems)
    {
        var impact = IncidentLabels.Parse<IncidentImpact>(value);
        if (impact is null) problems.Add("Impact", text.Get("Choose the impact: minor, major or critical."));
        return impact;
    }

    public IncidentState? State(string? value, IncidentProblems problems)
    {
        var state = IncidentLabels.Parse<IncidentState>(value);
        if (state is null) problems.Add("State", text.Get("Choose the state: investigating, identified, monitoring or resolved."));
        return state;
    }

    public string? Message(string? value, IncidentProblems problems)
    {
        var message = value?.Trim();
        if (string.IsNullOrEmpty(message)) problems.Add("Message", text.Get("Write the update for the customers."));
        else if (message.Length > IncidentUpdate.MessageMaxLength)
            problems.Add("Message", string.Format(text.Get("The update may be at most {0} characters."), IncidentUpdate.MessageMaxLength));
        else return message;
        return null;
    }

    /// <summary>An active staff member (agent, supervisor or admin): customers and unknown people are refused alike.</summary>
    public async Task<LapakUser?> TechnicianAsync(Guid? id, bool required, IncidentProblems problems)
    {
        if (id is null)
        {
            if (required) problems.Add("TechnicianId", text.Get("Choose the technician on the incident."));
            return null;
        }
        var staffRoles = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
        var technician = await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoles.Contains(ur.RoleId)));
        if (technician is null) problems.Add("TechnicianId", text.Get("Choose an active staff member as the technician."));
        return technician;
    }
}
