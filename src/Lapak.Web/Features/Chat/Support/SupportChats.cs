using Lapak.Web.Features.Chat.Model;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>Small rules shared by the support chat use cases.</summary>
public static class SupportChats
{
    /// <summary>The team preselected on the start page when it exists.</summary>
    public const string DefaultTeam = "Customer Service";

    /// <summary>The same rule as the send path's, checked before a chat is made for the first message.</summary>
    public static bool ValidKey(string? key) =>
        key is { Length: > 0 and <= ChatMessage.ClientKeyMaxLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
