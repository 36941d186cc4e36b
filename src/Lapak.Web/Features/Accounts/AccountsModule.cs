using Lapak.Web.Features.Accounts.Admin;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Features.Accounts;

/// <summary>Accounts: users, roles, profiles, organizations, branches, teams, tokens and the activity log.</summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<LapakUser, LapakRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, so every character an address's local part may hold is allowed (o'brien@…).
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+!#$%&'*/=?^`{|}~";
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<LapakDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<LapakClaimsPrincipalFactory>();

        // Links in confirmation, reset and invitation mails stay valid for three days.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        // A deactivated user or a changed password ends other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddLapakAuthentication();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".Lapak.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder().AddLapakPolicies();
        services.AddSingleton<IAuthorizationHandler, OwnerRequirementHandler>();

        services.AddScoped<ActivityLog>();
        services.AddScoped<AccountMail>();
        services.AddScoped<RegisterUser.Handler>();
        services.AddScoped<UpdateProfile.Handler>();
        services.AddScoped<ChangePassword.Handler>();
        services.AddScoped<ChangeAvatar.Handler>();
        services.AddScoped<ManageTokens.Handler>();

        services.AddScoped<AdminUserQueries>();
        services.AddScoped<UserPicker>();
        services.AddScoped<ActivityQueries>();
        services.AddScoped<CreateUserByAdmin.Handler>();
        services.AddScoped<ChangeUserRoles.Handler>();
        services.AddScoped<SetUserActive.Handler>();
        services.AddScoped<ResendInvitation.Handler>();
        services.AddScoped<SetUserOrganization.Handler>();
        services.AddScoped<EditOrganization.Handler>();
        services.AddScoped<EditBranch.Handler>();
        services.AddScoped<EditTeam.Handler>();
        services.AddScoped<ManageMembers.Handler>();

        services.AddNotificationTemplate(AccountMail.ConfirmEmail, "Confirm your e-mail address",
            "Hello {name}, confirm your e-mail address to finish creating your Lapak account.", "Confirm e-mail");
        services.AddNotificationTemplate(AccountMail.ResetPassword, "Reset your password",
            "Hello {name}, someone asked to reset the password of your Lapak account. If it was you, choose a new password. If not, ignore this e-mail.", "Choose a new password");
        services.AddNotificationTemplate(AccountMail.Invitation, "You are invited to Lapak",
            "Hello {name}, {inviter} created a Lapak account for you. Set your password to start.", "Set my password");
        services.AddNotificationTemplate(AccountMail.RolesChanged, "Your roles changed",
            "Your Lapak account now has these roles: {roles}.");
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapAuthEndpoints();
        app.MapMeEndpoints();
        app.MapAvatarEndpoints();
        app.MapTokenEndpoints();
        app.MapAdminUserEndpoints();
        return app;
    }

    private static Task ApiAware(HttpContext ctx, string redirectUri, int status)
    {
        if (AuthSchemes.IsApiRequest(ctx.Request))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}
