using MimeKit;

namespace Lapak.Web.Features.Helpdesk.Inbound;

/// <summary>
/// What the receiving mail server found out about the sender (RFC 8601 <c>Authentication-Results</c>). Only the
/// topmost header counts: that is the one our own server added; any below it came with the mail and prove nothing.
/// </summary>
public static class MailAuthentication
{
    /// <summary>
    /// True when the server reports <c>dmarc=pass</c> for the From domain, or, with <paramref name="acceptAlignedSpf"/>,
    /// <c>spf=pass</c> for an envelope sender of the From domain.
    /// </summary>
    public static bool Vouches(MimeMessage message, string from, bool acceptAlignedSpf)
    {
        var header = message.Headers.FirstOrDefault(h => h.Id == HeaderId.AuthenticationResults)?.Value;
        if (header is null) return false;
        var domain = DomainOf(from);
        // The first part is the server's id; each further part is "method=result property=value …".
        foreach (var part in header.Split(';').Skip(1))
        {
            var tokens = part.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) continue;
            var verdict = tokens[0].ToLowerInvariant();
            string? Property(string name) => tokens.Skip(1).FirstOrDefault(t => t.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..];
            if (verdict == "dmarc=pass" && (Property("header.from") is not { } checkedFrom || Same(checkedFrom, domain))) return true;
            if (acceptAlignedSpf && verdict == "spf=pass" && Property("smtp.mailfrom") is { } mailFrom && Same(DomainOf(mailFrom), domain)) return true;
        }
        return false;
    }

    private static string DomainOf(string address) => address.Trim('<', '>', '"').Split('@')[^1];

    private static bool Same(string a, string b) => string.Equals(a.Trim().TrimEnd('.'), b.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
}
