namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>What a permit means at a given instant, as the gate guard needs to know it.</summary>
public enum PermitState { Valid, NotYetValid, Expired, Revoked }

public static class PermitStates
{
    /// <summary>Revoked wins over everything; otherwise the window decides (start inclusive, end exclusive).</summary>
    public static PermitState Of(Permit permit, DateTime nowUtc) =>
        permit.RevokedAt is not null ? PermitState.Revoked
        : nowUtc < permit.WindowStartUtc ? PermitState.NotYetValid
        : nowUtc >= permit.WindowEndUtc ? PermitState.Expired
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
