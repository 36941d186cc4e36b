using System.Globalization;
using Lapak.Web.Infrastructure.Formatting;

namespace Lapak.Web.Features.Chat.Pages;

/// <summary>Small formatting shared by the chat pages (chat.js computes the same for live messages).</summary>
public static class ChatUi
{
    public static string Initials(string? name)
    {
        var parts = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => "?",
            1 => parts[0][..1].ToUpperInvariant(),
            _ => (parts[0][..1] + parts[^1][..1]).ToUpperInvariant(),
        };
    }

    /// <summary>The Jakarta calendar day, the key day separators compare.</summary>
    public static string DayKey(DateTime utc) => Display.ToJakarta(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"16.05" (Indonesian) or "16:05" (English), Jakarta time.</summary>
    public static string Time(DateTime utc) =>
        Display.ToJakarta(utc).ToString(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "HH:mm" : "HH.mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The inbox's "when": relative within a week, then the date alone ("15 Nov", with the year when it is not this
    /// year). The full "15 Nov 2026 08.38 WIB" squeezed the name to a few letters in the list beside a conversation;
    /// the element's title still carries it.
    /// </summary>
    public static string InboxWhen(DateTime utc, DateTime nowUtc, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        var day = Display.ToJakarta(utc).Date;
        var today = Display.ToJakarta(nowUtc).Date;
        if ((today - day).Days < 7) return RelativeTime.Describe(utc, nowUtc, l);
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("id-ID");
        return day.ToString(day.Year == today.Year ? "d MMM" : "d MMM yyyy", culture);
    }

    public static string DayLabel(DateTime utc, DateTime nowUtc, Func<string, string> translate)
    {
        var day = Display.ToJakarta(utc).Date;
        var today = Display.ToJakarta(nowUtc).Date;
        if (day == today) return translate("Today");
        if (day == today.AddDays(-1)) return translate("Yesterday");
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("id-ID");
        return day.ToString("dddd, d MMMM yyyy", culture);
    }
}

/// <summary>One message as the conversation page renders it.</summary>
/// <param name="Ticks">For my own messages: sent, delivered or read.</param>
public sealed record MessageRow(Conversations.ChatMessageView Message, bool Mine, string? Ticks, bool ShowSender);
