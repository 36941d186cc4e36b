using Lapak.Web.Features.Helpdesk.Inbound;
using MimeKit;

namespace Lapak.Tests.Features.Helpdesk.Inbound;

/// <summary>Whether our mail server vouches for a From address, read from the topmost Authentication-Results header.</summary>
public sealed class MailAuthenticationTests
{
    [Theory]
    [InlineData("mx.lapak.test; dmarc=pass header.from=lapak.test", false, true)]
    [InlineData("mx.lapak.test;\r\n\tspf=pass smtp.mailfrom=bounce@lapak.test;\r\n\tdkim=pass header.d=lapak.test;\r\n\tdmarc=pass (p=reject) header.from=LAPAK.test", false, true)]
    [InlineData("mx.lapak.test; dmarc=pass header.from=other.example", false, false)]
    [InlineData("mx.lapak.test; dmarc=fail header.from=lapak.test", false, false)]
    [InlineData("mx.lapak.test; dmarc=none header.from=lapak.test", false, false)]
    [InlineData("mx.lapak.test; spf=pass smtp.mailfrom=bounce@lapak.test", false, false)]
    [InlineData("mx.lapak.test; spf=pass smtp.mailfrom=bounce@lapak.test", true, true)]
    [InlineData("mx.lapak.test; spf=pass smtp.mailfrom=bounce@other.example", true, false)]
    [InlineData("mx.lapak.test; none", false, false)]
    public void The_topmost_header_decides(string header, bool acceptAlignedSpf, bool vouches)
    {
        var message = new MimeMessage();
        message.Headers.Add("Authentication-Results", header);
        message.Headers.Add("Authentication-Results", "mx.lapak.test; dmarc=pass header.from=lapak.test; spf=pass smtp.mailfrom=a@lapak.test");
        Assert.Equal(vouches, MailAuthentication.Vouches(message, "agent@lapak.test", acceptAlignedSpf));
    }

    [Fact]
    public void Mail_without_the_header_is_not_vouched_for() =>
        Assert.False(MailAuthentication.Vouches(new MimeMessage(), "agent@lapak.test", acceptAlignedSpf: true));
}
