using System.Globalization;

namespace Lapak.Web.Infrastructure.Formatting;

/// <summary>Money and time the Indonesian way, in either language: Rp 1.250.000 and 24 Nov 2026 16.05 WIB.</summary>
public static class Display
{
    private static readonly CultureInfo Indonesia = CultureInfo.GetCultureInfo("id-ID");
    public static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    public static string Idr(decimal amount) =>
        (amount < 0 ? "-Rp " : "Rp ") + Math.Abs(decimal.Round(amount, 0, MidpointRounding.AwayFromZero)).ToString("#,0", Indonesia);

    public static DateTime ToJakarta(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Jakarta);

    /// <summary>"24 Nov 2026 16.05 WIB" (Indonesian) or "24 Nov 2026 16:05 WIB" (English).</summary>
    public static string Wib(DateTime utc)
    {
        var local = ToJakarta(utc);
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? CultureInfo.GetCultureInfo("en-GB") : Indonesia;
        return local.ToString("d MMM yyyy HH:mm", culture) + " WIB";
    }

    public static string Wib(DateTime? utc) => utc is null ? "–" : Wib(utc.Value);

    /// <summary>Round-trip UTC for machine use (data attributes, API).</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>"10 MB", "350 KB": file sizes as people read them.</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes} B",
    };
}
