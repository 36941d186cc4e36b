using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Incidents;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Helpdesk.Incidents;

/// <summary>Arrange steps for the incident tests: incidents declared, customers attached and updates posted through the API.</summary>
public static class IncidentKit
{
    /// <summary>A title no other test uses, so a shared app's status page can be searched for it.</summary>
    public static string Title(string what = "Gangguan fiber") => $"{what} {Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<Guid> DeclareAsync(LapakApp app, TestUser staff, string title, Guid? technician = null, string? source = null,
        string area = "Kota Bekasi", string message = "Kabel fiber putus; tim sedang menuju lokasi.")
    {
        using var api = await app.ApiAsync(staff);
        var response = await api.PostAsJsonAsync("/api/v1/incidents", new
        {
            title, area, impact = "major", technicianId = technician ?? staff.Id, message, sourceTicketCode = source,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("incident").GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> AttachAsync(LapakApp app, TestUser customer, Guid incident, string? ticketCode = null)
    {
        using var api = await app.ApiAsync(customer);
        return await api.PostAsJsonAsync($"/api/v1/incidents/{incident}/attach", new { ticketCode });
    }

    public static async Task<HttpResponseMessage> PostUpdateAsync(LapakApp app, TestUser staff, Guid incident, string state, string message)
    {
        using var api = await app.ApiAsync(staff);
        return await api.PostAsJsonAsync($"/api/v1/incidents/{incident}/updates", new { state, message });
    }

    public static Task<Incident> IncidentAsync(LapakApp app, Guid id) =>
        app.WithDbAsync(d => d.Set<Incident>().AsNoTracking().SingleAsync(i => i.Id == id));

    public static Task<List<IncidentSubscription>> SubscriptionsAsync(LapakApp app, Guid id) =>
        app.WithDbAsync(d => d.Set<IncidentSubscription>().AsNoTracking().Where(s => s.IncidentId == id).ToListAsync());

    public static Task<int> NotificationsAsync(LapakApp app, TestUser user, string kind) =>
        app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == user.Id && n.Kind == kind));

    public static Task<List<TicketEvent>> LinkEventsAsync(LapakApp app, string code) =>
        app.WithDbAsync(d => d.Set<TicketEvent>().AsNoTracking()
            .Where(e => e.Kind == TicketEventKind.IncidentLinked && d.Set<Ticket>().Any(t => t.Id == e.TicketId && t.Code == code)).ToListAsync());

    public static async Task<string> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();
}
