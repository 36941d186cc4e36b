namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>What a permit means at a given instant, as the gate guard needs to know it.</summary>
public enum PermitState { Valid, NotYetValid, Expired, Revoked }

public static class PermitStates
{
    /// <summary>Revoked wins over everything; otherwise the window decides (start inclusive, end exclusive).</summary>
    public static PermitState Of(Permit permit, DateTime nowUtc) =>
        Of(permit.RevokedAt, permit.WindowStartUtc, permit.WindowEndUtc, nowUtc);

    /// <summary>The same rule for a projection of a permit's columns (lists read no whole entities).</summary>
    public static PermitState Of(DateTime? revokedAt, DateTime windowStartUtc, DateTime windowEndUtc, DateTime nowUtc) =>
        revokedAt is not null ? PermitState.Revoked
        : nowUtc < windowStartUtc ? PermitState.NotYetValid
        : nowUtc >= windowEndUtc ? PermitState.Expired
        : PermitState.Valid;

    /// <summary>Bootstrap colour of a state; always shown together with its name, never alone.</summary>
    public static string Badge(PermitState state) => state switch
    {
        PermitState.Valid => "text-bg-success",
        PermitState.NotYetValid => "text-bg-warning",
        PermitState.Expired => "text-bg-secondary",
        _ => "text-bg-danger",
    };

    public static string Icon(PermitState state) => state switch
    {
        PermitState.Valid => "bi-check-circle-fill",
        PermitState.NotYetValid => "bi-hourglass-split",
        PermitState.Expired => "bi-clock-history",
        _ => "bi-x-octagon-fill",
    };

    public static string Name(PermitState state, Infrastructure.Localization.LapakText text) => state switch
    {
        PermitState.Valid => text.Get("Valid"),
        PermitState.NotYetValid => text.Get("Not yet valid"),
        PermitState.Expired => text.Get("Expired"),
        _ => text.Get("Revoked"),
    };
}
