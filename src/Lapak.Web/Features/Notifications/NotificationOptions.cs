using System.ComponentModel.DataAnnotations;

namespace Lapak.Web.Features.Notifications;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    [Required] public string Host { get; set; } = "127.0.0.1";
    [Range(1, 65535)] public int Port { get; set; } = 1025;
    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.None;
    public string? Username { get; set; }
    public string? Password { get; set; }
    [Required, EmailAddress] public string FromAddress { get; set; } = "no-reply@lapak.test";
    [Required] public string FromName { get; set; } = "Lapak";
    /// <summary>
    /// Reply-To of threaded mails (those about one ticket), so answering them reaches the mailbox that reads
    /// replies. The helpdesk fills it from its support address when none is set here.
    /// </summary>
    [EmailAddress] public string? ThreadReplyTo { get; set; }
}

public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";
    /// <summary>Off until a WhatsApp Business Cloud API account is configured.</summary>
    public bool Enabled { get; set; }
    public string ApiBaseUrl { get; set; } = "https://graph.facebook.com/v21.0";
    public string? PhoneNumberId { get; set; }
    public string? AccessToken { get; set; }
}

public sealed class OutboxOptions
{
    public const string Section = "Notifications:Outbox";
    /// <summary>How often the outbox is polled when nothing signals new work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How long one instance holds a claimed delivery before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);
    [Range(1, 50)] public int MaxAttempts { get; set; } = 8;
    /// <summary>First retry delay; doubles each attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);
    [Range(1, 500)] public int BatchSize { get; set; } = 20;
}
