using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Lapak.Web.Features.Accounts;

/// <summary>Named policies every module uses, and the resource rule "only its owner (or an admin)".</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Staff = "staff";
    public const string OwnerOrAdmin = "owner-or-admin";
    public const string OwnerOnly = "owner-only";

    public static AuthorizationBuilder AddLapakPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(Staff, p => p.RequireRole(Roles.Staff))
        .AddPolicy(OwnerOrAdmin, p => p.AddRequirements(new OwnerRequirement(AdminMayAct: true)))
        .AddPolicy(OwnerOnly, p => p.AddRequirements(new OwnerRequirement(AdminMayAct: false)));
}

/// <summary>Anything that belongs to one user: tokens, notifications, later carts, drafts, …</summary>
public interface IOwnedResource
{
    Guid OwnerId { get; }
}

public sealed record OwnerRequirement(bool AdminMayAct) : IAuthorizationRequirement;

public sealed class OwnerRequirementHandler : AuthorizationHandler<OwnerRequirement, IOwnedResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnerRequirement requirement, IOwnedResource resource)
    {
        var user = context.User;
        if (user.UserId() == resource.OwnerId || (requirement.AdminMayAct && user.IsInRole(Roles.Admin)))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public static class ResourceAuthorization
{
    /// <summary>True when <paramref name="user"/> may act on <paramref name="resource"/> under <paramref name="policy"/>.</summary>
    public static async Task<bool> CanAsync(this IAuthorizationService auth, ClaimsPrincipal user, object resource, string policy) =>
        (await auth.AuthorizeAsync(user, resource, policy)).Succeeded;
}
