using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.QuickReplies;

/// <summary>A user adds a quick reply of their own, or changes one.</summary>
public static class SaveQuickReply
{
    public const int BodyMaxLength = ChatMessage.BodyMaxLength;

    public sealed class Command
    {
        [Required(ErrorMessage = "Enter a title.")]
        [StringLength(QuickReply.TitleMaxLength, ErrorMessage = "The title may be at most {1} characters.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Write the text of the reply.")]
        [StringLength(BodyMaxLength, ErrorMessage = "The text may be at most {1} characters.")]
        public string Body { get; set; } = "";
    }

    public enum Problem { None, NotFound, Invalid }

    public sealed record Result(QuickReplyView? Saved, Problem Problem, Dictionary<string, string[]> Errors);

    public sealed class Handler(LapakDbContext db, LapakText text, TimeProvider clock)
    {
        /// <summary>Creates when <paramref name="id"/> is null, else changes that reply if it is the user's (NotFound otherwise).</summary>
        public async Task<Result> HandleAsync(ClaimsPrincipal user, Guid? id, Command c)
        {
            var me = user.RequiredUserId();
            var title = (c.Title ?? "").Trim();
            var body = (c.Body ?? "").Trim();
            var errors = new Dictionary<string, string[]>();
            // Checked again after trimming: "   " passes [Required] on some paths but is no reply.
            if (title.Length == 0) errors[nameof(Command.Title)] = [text.Get("Enter a title.")];
            if (body.Length == 0) errors[nameof(Command.Body)] = [text.Get("Write the text of the reply.")];
            if (errors.Count > 0) return new(null, Problem.Invalid, errors);

            QuickReply? reply;
            if (id is null)
            {
                if (await db.Set<QuickReply>().CountAsync(q => q.OwnerId == me) >= QuickReplyQueries.MaxPerUser)
                    return new(null, Problem.Invalid, new()
                    {
                        [""] = [string.Format(text.Get("You can keep at most {0} quick replies. Delete one you no longer use first."), QuickReplyQueries.MaxPerUser)],
                    });
                reply = new QuickReply { OwnerId = me, CreatedAt = clock.GetUtcNow().UtcDateTime };
                db.Add(reply);
            }
            else
            {
                reply = await db.Set<QuickReply>().SingleOrDefaultAsync(q => q.Id == id && q.OwnerId == me);
                if (reply is null) return new(null, Problem.NotFound, []);
            }
            reply.Title = title;
            reply.Body = body;
            await db.SaveChangesAsync();
            return new(new QuickReplyView(reply.Id, reply.Title, reply.Body, reply.CreatedAt), Problem.None, []);
        }
    }
}
