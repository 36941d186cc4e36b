using Lapak.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Accounts.Admin;

public sealed class UsersModel(AdminUserQueries queries) : PageModel
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "role")] public string? Role { get; set; }
    [FromQuery(Name = "status")] public UserStatus Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public AdminUserPage Result { get; private set; } = new([], 1, AdminUserQueries.DefaultPageSize, 0);
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Role) || Status != UserStatus.Any;

    public async Task OnGetAsync()
    {
        if (Role is not null && !Roles.All.Contains(Role)) Role = null;
        Result = await queries.PageAsync(Q, Role, Status, PageNumber);
    }

    public Pager Pager => new(Result.Page, Result.PageCount, n => Pager.Url("/admin/users", n,
        ("q", Q?.Trim()), ("role", Role), ("status", Status == UserStatus.Any ? null : Status.ToString())));
}
