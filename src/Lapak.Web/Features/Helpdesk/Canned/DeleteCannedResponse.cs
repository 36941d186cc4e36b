using System.Security.Claims;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Canned;

/// <summary>A supervisor or admin deletes a canned response for good (switching it off keeps it for later).</summary>
public static class DeleteCannedResponse
{
    public enum Problem { None, NotAllowed, NotFound }

    public sealed class Handler(LapakDbContext db)
    {
        public async Task<Problem> HandleAsync(ClaimsPrincipal user, Guid id)
        {
            if (!CannedResponses.MayManage(user)) return Problem.NotAllowed;
            var deleted = await db.Set<CannedResponse>().Where(c => c.Id == id).ExecuteDeleteAsync();
            return deleted == 1 ? Problem.None : Problem.NotFound;
        }
    }
}
