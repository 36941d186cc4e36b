using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Canned;

/// <summary>A supervisor or admin creates a canned response or edits one (including switching it off).</summary>
public static class SaveCannedResponse
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Enter a title.")]
        [StringLength(CannedResponse.TitleMaxLength, MinimumLength = 2, ErrorMessage = "The title must be between {2} and {1} characters.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Write the text of the response.")]
        [StringLength(CannedResponse.BodyMaxLength, ErrorMessage = "The text may be at most {1} characters.")]
        public string Body { get; set; } = "";

        /// <summary>Offered only on this team's tickets; empty for every team.</summary>
        public Guid? TeamId { get; set; }

        public bool IsActive { get; set; } = true;
    }

    public enum Problem { None, NotAllowed, NotFound, Invalid }

    public sealed record Result(CannedResponse? Saved, Problem Problem, Dictionary<string, string[]> Errors);

    public sealed class Handler(LapakDbContext db, LapakText text, TimeProvider clock)
    {
        /// <summary>Creates when <paramref name="id"/> is null, else edits that response.</summary>
        public async Task<Result> HandleAsync(ClaimsPrincipal user, Guid? id, Command c)
        {
            if (!CannedResponses.MayManage(user)) return new(null, Problem.NotAllowed, []);
            var response = id is null ? null : await db.Set<CannedResponse>().SingleOrDefaultAsync(x => x.Id == id);
            if (id is not null && response is null) return new(null, Problem.NotFound, []);
            if (c.TeamId is { } team && !await db.Set<Team>().AnyAsync(t => t.Id == team))
                return new(null, Problem.Invalid, new() { [nameof(Command.TeamId)] = [text.Get("Choose a team from the list.")] });

            var now = clock.GetUtcNow().UtcDateTime;
            if (response is null)
            {
                response = new CannedResponse { CreatedById = user.RequiredUserId(), CreatedAt = now };
                db.Add(response);
            }
            response.Title = c.Title.Trim();
            response.Body = c.Body.Trim();
            response.TeamId = c.TeamId;
            response.IsActive = c.IsActive;
            response.UpdatedAt = now;
            await db.SaveChangesAsync();
            return new(response, Problem.None, []);
        }
    }
}
