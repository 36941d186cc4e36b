using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat;
using Lapak.Web.Features.Chat.Delivery;

namespace Lapak.Web.Infrastructure.Realtime;

/// <summary>Support chat's part of the hub: the agents' queue page listens for waiting chats of its teams.</summary>
public sealed partial class LiveHub
{
    /// <summary>Joins the queue groups of the caller's teams (the all-teams group for supervisors and admins); false for non-staff.</summary>
    public async Task<bool> JoinSupportQueue(ChatAccess access)
    {
        var user = Context.User!;
        if (!Roles.Staff.Any(user.IsInRole)) return false;
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroups.SupportQueueAll);
            return true;
        }
        foreach (var team in await access.AgentTeamsAsync(user))
            await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroups.SupportQueue(team));
        return true;
    }
}
