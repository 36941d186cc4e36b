namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>
/// The field keys a "needs approval" request type uses for a data-center work permit (seed 002). The approval reads
/// them from the ticket to snapshot the <see cref="Permit"/>; the demo type "Izin Kerja Data Center" declares them.
/// </summary>
public static class PermitRequestFields
{
    /// <summary>The branch visited (a <c>Branch</c> field; the ticket's <c>BranchId</c> is set from it).</summary>
    public const string Branch = "branch";
    /// <summary>The visit date and time window, in the branch's local time (<c>DateTimeWindow</c>).</summary>
    public const string VisitWindow = "visit_window";
    public const string Purpose = "purpose";
    public const string Equipment = "equipment";
    /// <summary>A list of visitors with <see cref="VisitorName"/>, <see cref="VisitorCompany"/> and <see cref="VisitorIdNumber"/>.</summary>
    public const string Visitors = "visitors";
    public const string VisitorName = "name";
    public const string VisitorCompany = "company";
    public const string VisitorIdNumber = "id_number";
}
