using System.Security.Cryptography;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Ticket codes such as <c>K7MQ-X9AR</c>: eight characters from an alphabet without 0/O, 1/I/L or U/V,
/// so they survive being read over the phone, and random (29^8 ≈ 5·10^11), so a code cannot be guessed from
/// another. A code only names a ticket; it never grants access to one.
/// </summary>
public static class TicketCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTWXYZ23456789";
    public const int Length = 8;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>"K7MQX9AR" → "K7MQ-X9AR", the way it is printed and read out.</summary>
    public static string Display(string code) => code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;

    /// <summary>What a person typed ("k7mq x9ar", "K7MQ-X9AR") back to the stored form, or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var cleaned = new string(typed.ToUpperInvariant().Where(c => c != '-' && !char.IsWhiteSpace(c)).ToArray());
        return cleaned.Length == Length && cleaned.All(c => Alphabet.Contains(c)) ? cleaned : null;
    }
}
