using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Notifications;

/// <summary>
/// Sends a text message through the WhatsApp Business Cloud API. Off by default: no delivery rows are
/// written for this channel unless <see cref="WhatsAppOptions.Enabled"/> is set.
/// </summary>
public sealed class WhatsAppChannel(HttpClient http, IOptions<WhatsAppOptions> options, IOptions<LapakOptions> site,
    NotificationTemplates templates) : IDeliveryChannel
{
    public NotificationChannel Channel => NotificationChannel.WhatsApp;

    public async Task DeliverAsync(Notification n, LapakUser user, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled || string.IsNullOrEmpty(o.PhoneNumberId) || string.IsNullOrEmpty(o.AccessToken))
            throw new InvalidOperationException("WhatsApp is not configured.");
        var r = templates.Render(n, user.PreferredLanguage);
        var link = r.Link is null ? "" : "\n" + new Uri(new Uri(site.Value.PublicUrl), r.Link);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{o.ApiBaseUrl.TrimEnd('/')}/{o.PhoneNumberId}/messages")
        {
            Content = JsonContent.Create(new
            {
                messaging_product = "whatsapp",
                to = ToE164(user.PhoneNumber!),
                type = "text",
                text = new { body = $"*{r.Title}*\n{r.Body}{link}" },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.AccessToken);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"WhatsApp API answered {(int)response.StatusCode}");
    }

    /// <summary>08xx… (Indonesian local form) becomes 628xx…; the API wants digits only.</summary>
    public static string ToE164(string phone)
    {
        var digits = new string(phone.Where(char.IsDigit).ToArray());
        return digits.StartsWith('0') ? "62" + digits[1..] : digits;
    }
}
