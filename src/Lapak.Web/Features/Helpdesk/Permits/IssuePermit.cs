using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Escalations;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>
/// Builds the <see cref="Permit"/> a branch supervisor's approval produces: a snapshot of the ticket's permit fields, the
/// visit window read as the branch's wall-clock time and kept in UTC, visitors' ID numbers masked to their last four
/// characters (the full number never leaves the ticket), and an unguessable code for the public verification page.
/// The caller adds it to its unit of work.
/// </summary>
public sealed class IssuePermit(LapakDbContext db, LapakText text)
{
    /// <summary>Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives.</summary>
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /// <summary>20 characters of base32 are 100 random bits.</summary>
    public const int CodeLength = 20;

    public sealed record Result(Permit? Permit, string? Problem);

    public async Task<Result> BuildAsync(Ticket ticket, Actor approver, string? comment, DateTime now)
    {
        var branch = ticket.BranchId is { } id ? await db.Set<Branch>().SingleOrDefaultAsync(b => b.Id == id) : null;
        if (branch is null) return new Result(null, text.Get("The ticket has no branch, so no permit can be issued."));
        var fields = Fields(ticket.FieldsJson);
        if (!FieldValues.ParseWindow(fields.GetValueOrDefault(PermitRequestFields.VisitWindow), out var start, out var end) || end <= start)
            return new Result(null, text.Get("The visit window is missing or unreadable. Ask the customer to correct it before approving."));

        var customer = await db.Users.Where(u => u.Id == ticket.CustomerId).Select(u => u.FullName).SingleAsync();
        var company = ticket.OrganizationId is { } org ? await db.Set<Organization>().Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync() : null;
        var visitors = FieldValues.Rows(fields.GetValueOrDefault(PermitRequestFields.Visitors))
            .Select(r => new PermitVisitor(r.GetValueOrDefault(PermitRequestFields.VisitorName, ""), r.GetValueOrDefault(PermitRequestFields.VisitorCompany, ""),
                Mask(r.GetValueOrDefault(PermitRequestFields.VisitorIdNumber))))
            .Where(v => v.Name.Length > 0).ToList();
        var purpose = fields.GetValueOrDefault(PermitRequestFields.Purpose);
        var equipment = fields.GetValueOrDefault(PermitRequestFields.Equipment);
        return new Result(new Permit
        {
            TicketId = ticket.Id, Code = NewCode(), BranchId = branch.Id, BranchName = branch.Name, BranchAddress = branch.Address,
            BranchTimeZone = branch.TimeZone, WindowStartUtc = BranchTime.ToUtc(start, branch.TimeZone), WindowEndUtc = BranchTime.ToUtc(end, branch.TimeZone),
            CustomerName = customer, CompanyName = company, Purpose = Cut(string.IsNullOrWhiteSpace(purpose) ? ticket.Subject : purpose, 2000),
            Equipment = string.IsNullOrWhiteSpace(equipment) ? null : Cut(equipment, 2000), VisitorsJson = JsonSerializer.Serialize(visitors, JsonSerializerOptions.Web),
            ApprovedById = approver.Id, ApprovedByName = approver.Name, ApprovedAt = now, ApprovalComment = comment,
        }, null);
    }

    /// <summary>"3201234567893456" → "************3456"; spaces and dashes typed between digits do not count.</summary>
    public static string Mask(string? idNumber)
    {
        var clean = new string((idNumber ?? "").Where(ch => !char.IsWhiteSpace(ch) && ch != '-' && ch != '.').ToArray());
        return clean.Length <= 4 ? new string('*', clean.Length) : new string('*', clean.Length - 4) + clean[^4..];
    }

    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);

    private static Dictionary<string, string> Fields(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject o
                ? o.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value!.ToJsonString())
                : [];
        }
        catch (JsonException) { return []; }
    }

    private static string Cut(string value, int max) => value.Length <= max ? value.Trim() : value[..max].Trim();
}
