using Lapak.Web.Features.Helpdesk.Tickets;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

public sealed class TicketCodeTests
{
    [Fact]
    public void Codes_use_no_characters_that_are_confused_over_the_phone()
    {
        var codes = Enumerable.Range(0, 5000).Select(_ => TicketCode.New()).ToList();
        Assert.All(codes, c => Assert.Equal(TicketCode.Length, c.Length));
        Assert.All(codes, c => Assert.DoesNotContain(c, ch => "0O1IL".Contains(ch)));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("k7mq-x9ar", "K7MQX9AR")]
    [InlineData(" K7MQ X9AR ", "K7MQX9AR")]
    [InlineData("K7MQX9AR", "K7MQX9AR")]
    public void A_typed_code_is_read_back_whatever_its_case_and_separators(string typed, string stored) =>
        Assert.Equal(stored, TicketCode.Normalize(typed));

    [Theory]
    [InlineData("K7MQ-X9A")]
    [InlineData("K7MQ-X9AO")]
    [InlineData("")]
    [InlineData(null)]
    public void Something_that_cannot_be_a_code_is_refused(string? typed) => Assert.Null(TicketCode.Normalize(typed));

    [Fact]
    public void A_code_is_printed_in_two_groups_of_four() => Assert.Equal("K7MQ-X9AR", TicketCode.Display("K7MQX9AR"));
}

public sealed class TicketLifecycleTests
{
    private static readonly Actor Agent = new(Guid.NewGuid(), "Agus");
    private static readonly DateTime Now = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_status_change_is_kept_with_who_when_and_old_to_new()
    {
        var ticket = new Ticket();
        Assert.True(ticket.MoveTo(TicketStatus.Open, Agent, Now));
        Assert.True(ticket.MoveTo(TicketStatus.Resolved, Agent, Now.AddHours(1)));

        var changes = ticket.Events.Where(e => e.Kind == TicketEventKind.StatusChanged).ToList();
        Assert.Equal(["New→Open", "Open→Resolved"], changes.Select(e => $"{e.OldValue}→{e.NewValue}"));
        Assert.All(changes, e => Assert.Equal("Agus", e.ActorName));
        Assert.Equal(Now.AddHours(1), ticket.ResolvedAt);
    }

    [Fact]
    public void A_closed_ticket_never_moves_again()
    {
        var ticket = new Ticket();
        Assert.True(ticket.MoveTo(TicketStatus.Closed, Agent, Now));
        foreach (var to in Enum.GetValues<TicketStatus>())
            Assert.False(ticket.MoveTo(to, Agent, Now));
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Single(ticket.Events);
    }

    [Fact]
    public void Reopening_a_resolved_ticket_clears_its_resolution_time()
    {
        var ticket = new Ticket();
        ticket.MoveTo(TicketStatus.Resolved, Agent, Now);
        Assert.True(ticket.MoveTo(TicketStatus.Open, Agent, Now.AddDays(1)));
        Assert.Null(ticket.ResolvedAt);
    }

    [Theory]
    [InlineData(TicketStatus.Resolved, TicketStatus.PendingCustomer)]
    [InlineData(TicketStatus.PendingCustomer, TicketStatus.AwaitingApproval)]
    [InlineData(TicketStatus.Open, TicketStatus.New)]
    public void Illegal_jumps_are_refused_and_leave_no_trace(TicketStatus from, TicketStatus to)
    {
        var ticket = new Ticket();
        if (from != TicketStatus.New) ticket.MoveTo(from, Agent, Now);
        var events = ticket.Events.Count;
        Assert.False(ticket.MoveTo(to, Agent, Now));
        Assert.Equal(from, ticket.Status);
        Assert.Equal(events, ticket.Events.Count);
    }
}
