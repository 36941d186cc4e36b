using Lapak.Web.Infrastructure.Startup;
using Microsoft.Extensions.Configuration;

namespace Lapak.Tests.Features.Helpdesk.Inbound;

/// <summary>The support mailbox settings are checked at start like every other section.</summary>
public sealed class InboundMailOptionsTests
{
    private static IReadOnlyList<string> ProblemsOf(Dictionary<string, string?> values) =>
        ConfigurationValidation.Problems(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void Without_a_host_inbound_mail_is_off_and_needs_nothing() =>
        Assert.DoesNotContain(ProblemsOf(new()), p => p.StartsWith("Helpdesk:Inbound"));

    [Fact]
    public void A_host_without_account_or_support_address_stops_the_start_with_one_line_each()
    {
        var problems = ProblemsOf(new() { ["Helpdesk:Inbound:Host"] = "imap.example.id" }).Where(p => p.StartsWith("Helpdesk:Inbound")).ToList();
        Assert.Contains(problems, p => p.Contains("Username"));
        Assert.Contains(problems, p => p.Contains("Password"));
        Assert.Contains(problems, p => p.Contains("SupportAddress"));
    }

    [Fact]
    public void A_poll_interval_out_of_range_is_a_problem() =>
        Assert.Contains(ProblemsOf(new() { ["Helpdesk:Inbound:PollSeconds"] = "1" }), p => p.StartsWith("Helpdesk:Inbound:PollSeconds"));

    [Fact]
    public void A_complete_mailbox_is_accepted() =>
        Assert.DoesNotContain(ProblemsOf(new()
        {
            ["Helpdesk:Inbound:Host"] = "imap.example.id", ["Helpdesk:Inbound:Username"] = "cs", ["Helpdesk:Inbound:Password"] = "x",
            ["Helpdesk:Inbound:SupportAddress"] = "cs@example.id",
        }), p => p.StartsWith("Helpdesk:Inbound"));

    [Fact]
    public void The_failed_folder_must_differ_from_the_folder_read() =>
        Assert.Contains(ProblemsOf(new()
        {
            ["Helpdesk:Inbound:Host"] = "imap.example.id", ["Helpdesk:Inbound:Username"] = "cs", ["Helpdesk:Inbound:Password"] = "x",
            ["Helpdesk:Inbound:SupportAddress"] = "cs@example.id", ["Helpdesk:Inbound:FailedFolder"] = "inbox",
        }), p => p.StartsWith("Helpdesk:Inbound") && p.Contains("FailedFolder"));

    [Fact]
    public void A_size_limit_below_a_kilobyte_is_a_problem() =>
        Assert.Contains(ProblemsOf(new() { ["Helpdesk:Inbound:MaxMessageBytes"] = "10" }), p => p.StartsWith("Helpdesk:Inbound:MaxMessageBytes"));
}
