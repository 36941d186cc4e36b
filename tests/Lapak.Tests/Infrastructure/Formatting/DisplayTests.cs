using System.Globalization;
using Lapak.Web.Infrastructure.Formatting;

namespace Lapak.Tests.Infrastructure.Formatting;

public sealed class DisplayTests
{
    [Theory]
    [InlineData(1250000, "Rp 1.250.000")]
    [InlineData(0, "Rp 0")]
    [InlineData(85000.5, "Rp 85.001")]
    [InlineData(-15000, "-Rp 15.000")]
    public void Amounts_are_shown_as_rupiah_with_dots_in_either_language(decimal amount, string expected)
    {
        foreach (var culture in new[] { "id-ID", "en-US" })
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, Display.Idr(amount));
        }
    }

    [Fact]
    public void Times_are_shown_in_Jakarta_time_with_WIB()
    {
        var utc = new DateTime(2026, 11, 24, 9, 5, 0, DateTimeKind.Utc);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
        Assert.Equal("24 Nov 2026 16.05 WIB", Display.Wib(utc));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        Assert.Equal("24 Nov 2026 16:05 WIB", Display.Wib(utc));
    }

    [Fact]
    public void A_time_just_before_midnight_UTC_is_the_next_day_in_Jakarta()
    {
        Assert.Equal(new DateTime(2026, 1, 1, 6, 30, 0), Display.ToJakarta(new DateTime(2025, 12, 31, 23, 30, 0, DateTimeKind.Utc)));
    }
}
