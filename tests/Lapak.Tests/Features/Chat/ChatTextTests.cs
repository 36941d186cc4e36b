using Lapak.Web.Features.Chat.Conversations;

namespace Lapak.Tests.Features.Chat;

/// <summary>Markdown-lite in chat: the few marks it knows, and nothing a sender types ever becomes markup.</summary>
public sealed class ChatTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("**tebal** dan _miring_ dan `kode`", "<strong>tebal</strong> dan <em>miring</em> dan <code>kode</code>")]
    [InlineData("baris satu\nbaris dua", "baris satu<br>baris dua")]
    [InlineData("snake_case_name stays", "snake_case_name stays")]
    public void Renders_marks_and_encodes_everything_else(string body, string html) =>
        Assert.Equal(html, ChatText.ToHtml(body));

    [Fact]
    public void Links_become_safe_anchors_and_trailing_punctuation_stays_outside()
    {
        var html = ChatText.ToHtml("Lihat https://lapak.test/p?a=1&b=2. Oke");
        Assert.Equal("Lihat <a href=\"https://lapak.test/p?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">" +
                     "https://lapak.test/p?a=1&amp;b=2</a>. Oke", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://x.test/\"onmouseover=\"alert(1)")]
    public void A_link_can_not_carry_script_or_break_out_of_its_attribute(string body)
    {
        var html = ChatText.ToHtml(body);
        Assert.DoesNotContain("href=\"javascript", html);
        Assert.DoesNotContain("\"onmouseover", html);
    }
}
