using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Notifications;

public sealed record NotificationView(Guid Id, string Kind, string Title, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt);

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total, int Unread);

/// <summary><c>/api/v1/me/notifications</c>: the caller's own notifications, nobody else's.</summary>
public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/me/notifications").WithTags("Notifications").RequireAuthorization();
        g.MapGet("", List).WithName("ListNotifications").WithSummary("My notifications, newest first, with the unread count");
        g.MapPost("/{id:guid}/read", MarkRead).WithName("MarkNotificationRead").WithSummary("Mark one of my notifications read");
        g.MapPost("/read-all", MarkAllRead).WithName("MarkAllNotificationsRead").WithSummary("Mark all my notifications read");
        g.MapPost("/test", SendTest).WithName("SendTestNotification").WithSummary("Send myself a test notification on my channels");
    }

    public static async Task<Ok<NotificationPage>> List(HttpContext http, NotificationQueries queries, int page = 1, int pageSize = 20, bool unreadOnly = false)
    {
        var result = await queries.PageAsync(http.User.RequiredUserId(), page, pageSize, unreadOnly);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<NoContent, NotFound>> MarkRead(Guid id, HttpContext http, ReadNotifications.Handler handler) =>
        await handler.MarkOneAsync(http.User.RequiredUserId(), id) is null ? TypedResults.NotFound() : TypedResults.NoContent();

    public static async Task<NoContent> MarkAllRead(HttpContext http, ReadNotifications.Handler handler)
    {
        await handler.MarkAllAsync(http.User.RequiredUserId());
        return TypedResults.NoContent();
    }

    public static async Task<Results<Accepted, UnauthorizedHttpResult>> SendTest(HttpContext http, UserManager<LapakUser> users,
        SendTestNotification.Handler handler)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        await handler.HandleAsync(user);
        return TypedResults.Accepted("/api/v1/me/notifications");
    }
}

/// <summary>The one query behind the bell, the notifications page and the API.</summary>
public sealed class NotificationQueries(LapakDbContext db, NotificationTemplates templates)
{
    public async Task<NotificationPage> PageAsync(Guid userId, int page, int pageSize, bool unreadOnly = false)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId && n.ShowInApp);
        var filtered = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = await filtered.CountAsync();
        var unread = unreadOnly ? total : await mine.CountAsync(n => n.ReadAt == null);
        var rows = await filtered.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        var lang = Infrastructure.Localization.LapakCultures.Current;
        var items = rows.Select(n =>
        {
            var r = templates.Render(n, lang);
            return new NotificationView(n.Id, n.Kind, r.Title, r.Body, n.Link, n.CreatedAt, n.ReadAt);
        }).ToList();
        return new NotificationPage(items, page, pageSize, total, unread);
    }

    public Task<int> UnreadAsync(Guid userId) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ShowInApp && n.ReadAt == null);
}
