using System.Security.Claims;
using Lapak.Web.Features.Chat.Subjects;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>A chat about a helpdesk ticket (kind <c>ticket</c>, id = its code): "Ticket ABCD-EFGH", its subject and status.</summary>
public sealed class TicketChatSubject(TicketAccess tickets, LapakText text) : IChatSubjectRenderer
{
    public string Kind => "ticket";

    public async Task<ChatSubjectCard?> RenderAsync(string id, ClaimsPrincipal viewer, CancellationToken ct = default)
    {
        var code = TicketCode.Normalize(id);
        if (code is null) return null;
        var ticket = await tickets.Visible(viewer).AsNoTracking().Where(t => t.Code == code)
            .Select(t => new { t.Code, t.Subject, t.Status }).SingleOrDefaultAsync(ct);
        if (ticket is null) return null;
        return new ChatSubjectCard(Kind, ticket.Code, string.Format(text.Get("Ticket {0}"), TicketCode.Display(ticket.Code)),
            $"{ticket.Subject} · {TicketLabels.Status(ticket.Status, text)}", $"/helpdesk/tickets/{ticket.Code}", null);
    }
}
