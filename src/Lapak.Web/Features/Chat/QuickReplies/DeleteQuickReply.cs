using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.QuickReplies;

/// <summary>A user deletes one of their quick replies; someone else's is not found.</summary>
public static class DeleteQuickReply
{
    public sealed class Handler(LapakDbContext db)
    {
        public async Task<bool> HandleAsync(ClaimsPrincipal user, Guid id)
        {
            var me = user.RequiredUserId();
            return await db.Set<QuickReply>().Where(q => q.Id == id && q.OwnerId == me).ExecuteDeleteAsync() == 1;
        }
    }
}
