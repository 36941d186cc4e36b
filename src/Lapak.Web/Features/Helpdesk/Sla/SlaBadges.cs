using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>The SLA state as a badge: the ticket card and the lists use the same words and colours.</summary>
public static class SlaBadges
{
    public static string Label(SlaState state, IStringLocalizer l) => state switch
    {
        SlaState.OnTime => l["On time"],
        SlaState.DueSoon => l["Due soon"],
        SlaState.Breached => l["Breached"],
        SlaState.Paused => l["Paused (waiting on the customer)"],
        SlaState.Met => l["Met"],
        _ => l["No due time"],
    };

    // Text colours that keep 4.5:1 contrast on their backgrounds (axe checks them).
    public static string Css(SlaState state) => state switch
    {
        SlaState.OnTime => "text-bg-success",
        SlaState.DueSoon => "text-bg-warning",
        SlaState.Breached => "text-bg-danger",
        SlaState.Met => "text-bg-light border",
        _ => "text-bg-secondary",
    };
}
