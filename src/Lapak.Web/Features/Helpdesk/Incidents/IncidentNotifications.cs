using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>What the incident use cases tell people: attached customers hear every update, a technician hears they were put on it.</summary>
public static class IncidentNotifications
{
    public const string Updated = "helpdesk.incident.updated";
    public const string TechnicianAssigned = "helpdesk.incident.technician";

    public static string Link(Guid incidentId) => $"/status/{incidentId}";

    /// <summary>One mail thread per incident, so a customer's mail client keeps its updates together.</summary>
    public static string Thread(Guid incidentId) => $"incident-{incidentId:N}";

    public static void NotifyUpdate(Notifier notifier, LapakText text, LapakUser customer, Incident incident, IncidentUpdate update) =>
        notifier.Notify(customer, Updated, new
        {
            title = incident.Title,
            area = incident.Area,
            state = IncidentLabels.State(update.State, text, customer.PreferredLanguage),
            message = update.Message,
        }, Link(incident.Id), Thread(incident.Id));

    public static void NotifyTechnician(Notifier notifier, LapakUser technician, Incident incident, string by) =>
        notifier.Notify(technician, TechnicianAssigned, new { title = incident.Title, area = incident.Area, actor = by },
            $"/helpdesk/incidents/{incident.Id}");
}
