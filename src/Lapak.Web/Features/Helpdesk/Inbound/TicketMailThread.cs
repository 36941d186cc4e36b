using System.Text.RegularExpressions;
using Lapak.Web.Features.Helpdesk.Tickets;

namespace Lapak.Web.Features.Helpdesk.Inbound;

/// <summary>
/// How the mails of one ticket are tied together: every notification about ticket K7MQ-X9AR is in thread
/// <c>ticket-K7MQ-X9AR</c>, whose mails refer to <c>&lt;ticket-K7MQ-X9AR@host&gt;</c> and carry "[#K7MQ-X9AR]" in
/// the subject. An answer is traced back by the same marks. A mark only names a ticket: whether the sender
/// may write to it is decided elsewhere.
/// </summary>
public static partial class TicketMailThread
{
    public static string For(string code) => $"ticket-{TicketCode.Display(code)}";

    /// <summary>The ticket code named by a message id of ours (<c>ticket-K7MQ-X9AR@host</c>) among <paramref name="ids"/>, or null.</summary>
    public static string? CodeFromMessageIds(IEnumerable<string> ids, string host)
    {
        foreach (var id in ids)
        {
            var m = ThreadId().Match(id.Trim('<', '>', ' '));
            if (m.Success && string.Equals(m.Groups[2].Value, host, StringComparison.OrdinalIgnoreCase)
                && TicketCode.Normalize(m.Groups[1].Value) is { } code) return code;
        }
        return null;
    }

    /// <summary>The code of a "[#K7MQ-X9AR]" tag in a subject, or null.</summary>
    public static string? CodeFromSubject(string? subject)
    {
        var m = SubjectTag().Match(subject ?? "");
        return m.Success ? TicketCode.Normalize(m.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"^ticket-([A-Za-z0-9]{4}-?[A-Za-z0-9]{4})@(.+)$")]
    private static partial Regex ThreadId();

    [GeneratedRegex(@"\[#([A-Za-z0-9]{4}-?[A-Za-z0-9]{4})\]")]
    private static partial Regex SubjectTag();
}
