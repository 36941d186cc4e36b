using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Lapak.Web.Features.Helpdesk.Inbound;

/// <summary>
/// The support mailbox Lapak reads over IMAP. Without a host nothing is polled; with one, the account, the
/// support address and sensible limits are required (checked at start like every other section).
/// </summary>
public sealed class InboundMailOptions : IValidatableObject
{
    public const string Section = "Helpdesk:Inbound";

    public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 993;
    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.SslOnConnect;
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>The folder new mail arrives in.</summary>
    [Required] public string Folder { get; set; } = "INBOX";
    /// <summary>Where handled mail is moved; created when missing.</summary>
    [Required] public string ProcessedFolder { get; set; } = "Processed";
    /// <summary>Where mail that could not be handled is moved, out of the way of the rest; created when missing.</summary>
    [Required] public string FailedFolder { get; set; } = "Failed";
    [Range(5, 86_400)] public int PollSeconds { get; set; } = 60;
    /// <summary>The address customers write to; replies to ticket mails are directed there too.</summary>
    [EmailAddress] public string? SupportAddress { get; set; }
    /// <summary>The request type of tickets opened by e-mail, by id or English/Indonesian name; else the first active type without required fields.</summary>
    public string? DefaultRequestType { get; set; }
    /// <summary>At most this many messages per poll, so one huge backlog does not hold the loop for long.</summary>
    [Range(1, 1000)] public int BatchSize { get; set; } = 50;
    /// <summary>Larger mail is not downloaded at all: it is ignored as too large.</summary>
    [Range(1024, int.MaxValue)] public int MaxMessageBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>At most this many customer accounts made for strangers who write in, per hour, whoever they are.</summary>
    [Range(0, 100_000)] public int MaxNewAccountsPerHour { get; set; } = 20;
    /// <summary>At most this many tickets opened by mail from one sender per hour.</summary>
    [Range(0, 100_000)] public int MaxTicketsPerSenderPerHour { get; set; } = 5;
    /// <summary>
    /// Staff mail becomes a public reply only when the receiving server vouches for the sender in Authentication-Results;
    /// true for servers that do not add that header (then anyone can write as staff).
    /// </summary>
    public bool TrustStaffWithoutAuthentication { get; set; }
    /// <summary>Also accept <c>spf=pass</c> whose envelope sender has the From address's domain, besides <c>dmarc=pass</c>.</summary>
    public bool AcceptAlignedSpf { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Enabled) yield break;
        if (string.IsNullOrWhiteSpace(Username)) yield return new("Username is required when Host is set.", [nameof(Username)]);
        if (string.IsNullOrWhiteSpace(Password)) yield return new("Password is required when Host is set.", [nameof(Password)]);
        if (string.IsNullOrWhiteSpace(SupportAddress)) yield return new("SupportAddress is required when Host is set.", [nameof(SupportAddress)]);
        if (string.Equals(Folder, ProcessedFolder, StringComparison.OrdinalIgnoreCase))
            yield return new("ProcessedFolder must differ from Folder.", [nameof(ProcessedFolder)]);
        if (string.Equals(Folder, FailedFolder, StringComparison.OrdinalIgnoreCase))
            yield return new("FailedFolder must differ from Folder.", [nameof(FailedFolder)]);
    }
}
