namespace Lapak.Web.Features.Chat.Presence;

/// <summary>This process's name in <c>chat_connections</c>: each instance refreshes and cleans only its own rows.</summary>
public sealed class ChatInstance
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
