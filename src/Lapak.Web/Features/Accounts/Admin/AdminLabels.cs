using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>The translated names of roles, organization kinds and time zones, shared by the admin pages.</summary>
public static class AdminLabels
{
    /// <summary>Role names double as their English labels; the translation file holds them.</summary>
    public static string Role(this IStringLocalizer l, string role) => l[role];

    public static string Kind(this IStringLocalizer l, OrganizationKind kind) => kind switch
    {
        OrganizationKind.GovernmentUnit => l["Government unit"],
        OrganizationKind.Company => l["Company"],
        OrganizationKind.Internal => l["Internal"],
        _ => kind.ToString(),
    };

    /// <summary>Indonesia's three time zones; a branch uses one of them.</summary>
    public static readonly string[] TimeZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];

    public static string TimeZone(this IStringLocalizer l, string timeZone) => timeZone switch
    {
        "Asia/Jakarta" => l["WIB – Western Indonesia Time (Asia/Jakarta)"],
        "Asia/Makassar" => l["WITA – Central Indonesia Time (Asia/Makassar)"],
        "Asia/Jayapura" => l["WIT – Eastern Indonesia Time (Asia/Jayapura)"],
        _ => timeZone,
    };

    public static string ZoneAbbreviation(string timeZone) => timeZone switch
    {
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => "WIB",
    };
}
