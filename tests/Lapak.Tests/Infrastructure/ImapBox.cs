using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Lapak.Tests.Infrastructure;

/// <summary>The test run's real IMAP server (Dovecot), as a mail client would use it: messages are appended, folders counted.</summary>
public static class ImapBox
{
    /// <summary>Puts <paramref name="message"/> into <paramref name="folder"/> (created when missing), unread, as delivered mail is.</summary>
    public static async Task AppendAsync(string folder, MimeMessage message)
    {
        using var client = await ConnectAsync();
        var target = await OpenOrCreateAsync(client, folder);
        await target.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>How many messages <paramref name="folder"/> holds, and how many of them are unread (0, 0 when it does not exist).</summary>
    public static async Task<(int Total, int Unseen)> CountAsync(string folder)
    {
        using var client = await ConnectAsync();
        IMailFolder f;
        try { f = await client.GetFolderAsync(folder); }
        catch (FolderNotFoundException) { return (0, 0); }
        await f.OpenAsync(FolderAccess.ReadOnly);
        var unseen = (await f.SearchAsync(MailKit.Search.SearchQuery.NotSeen)).Count;
        var total = f.Count;
        await client.DisconnectAsync(true);
        return (total, unseen);
    }

    private static async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", TestServices.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(TestServices.ImapUser, TestServices.ImapPassword);
        return client;
    }

    private static async Task<IMailFolder> OpenOrCreateAsync(ImapClient client, string folder)
    {
        try { return await client.GetFolderAsync(folder); }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(folder, isMessageFolder: true) ?? await client.GetFolderAsync(folder);
        }
    }
}
