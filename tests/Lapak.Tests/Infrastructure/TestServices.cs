namespace Lapak.Tests.Infrastructure;

/// <summary>
/// The real services the tests run against. <c>scripts/test.sh</c> starts them and exports their
/// addresses; running tests without it fails with a message that says so, instead of silently skipping.
/// </summary>
public static class TestServices
{
    public static string Postgres => Require("TEST_PG", "a PostgreSQL connection string");
    public static string Redis => Require("TEST_REDIS", "a Redis host:port");
    public static int SmtpPort => int.Parse(Require("TEST_SMTP_PORT", "the MailDev SMTP port"));
    public static int MailWebPort => int.Parse(Require("TEST_MAILWEB_PORT", "the MailDev web port"));
    public static int ImapPort => int.Parse(Require("TEST_IMAP_PORT", "the Dovecot IMAP port"));
    public static string ImapUser => Require("TEST_IMAP_USER", "the Dovecot test account");
    public static string ImapPassword => Require("TEST_IMAP_PASSWORD", "the Dovecot test account's password");
    public static string Chromium => Environment.GetEnvironmentVariable("TEST_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";

    private static string Require(string name, string what) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{name} is not set: it must hold {what}. Run the tests with scripts/test.sh, which starts the services.");

    /// <summary>A port that was free a moment ago; the app binds it so links in e-mails can name it up front.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
