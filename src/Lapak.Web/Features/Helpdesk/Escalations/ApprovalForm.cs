using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Permits;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>What the supervisor decides on: the branch, the visit window in the branch's zone, how many visitors.</summary>
public sealed record ApprovalSummaryView(string Code, string Subject, string BranchName, string? Window, int Visitors);

public sealed record ApprovalForm(ApprovalSummaryView Summary, ApproveTicket.Command Values, IReadOnlyDictionary<string, string[]> Errors)
{
    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;
}

public sealed class ApprovalSummary(LapakDbContext db)
{
    public async Task<ApprovalSummaryView> ForAsync(Ticket ticket)
    {
        var branch = await db.Set<Branch>().Where(b => b.Id == ticket.BranchId).Select(b => new { b.Name, b.TimeZone }).SingleOrDefaultAsync();
        var fields = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(ticket.FieldsJson) ?? [];
        string? Value(string key) => fields.TryGetValue(key, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
        string? window = null;
        if (FieldValues.ParseWindow(Value(PermitRequestFields.VisitWindow), out var start, out var end))
            window = BranchTime.Window(BranchTime.ToUtc(start, branch?.TimeZone), BranchTime.ToUtc(end, branch?.TimeZone), branch?.TimeZone);
        return new ApprovalSummaryView(ticket.Code, ticket.Subject, branch?.Name ?? "–", window, FieldValues.Rows(Value(PermitRequestFields.Visitors)).Count);
    }
}
