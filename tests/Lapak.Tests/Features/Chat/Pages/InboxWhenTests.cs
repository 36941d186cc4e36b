using System.Globalization;
using Lapak.Web.Features.Chat.Pages;

namespace Lapak.Tests.Features.Chat.Pages;

/// <summary>The inbox's short "when" for conversations older than a week: the date alone, the year only when it differs.</summary>
public sealed class InboxWhenTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 4, 0, 0, DateTimeKind.Utc); // 11.00 WIB

    [Theory]
    [InlineData("id", 2026, 11, 15, "15 Nov")]
    [InlineData("en", 2026, 11, 15, "15 Nov")]
    [InlineData("id", 2025, 12, 30, "30 Des 2025")]
    [InlineData("en", 2025, 12, 30, "30 Dec 2025")]
    public void Older_than_a_week_shows_the_jakarta_date_without_the_time(string lang, int y, int m, int d, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(lang == "en" ? "en-US" : "id-ID");
        try
        {
            // 01.30 UTC is 08.30 WIB, the same calendar day in Jakarta.
            var at = new DateTime(y, m, d, 1, 30, 0, DateTimeKind.Utc);
            Assert.Equal(expected, ChatUi.InboxWhen(at, Now, null!));
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }
}
