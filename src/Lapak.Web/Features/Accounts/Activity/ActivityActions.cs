namespace Lapak.Web.Features.Accounts;

/// <summary>
/// Readable English for the action codes the activity log stores (translated like any text); the log
/// shows the code itself for an action not listed here. Modules add their codes as they record them.
/// </summary>
public static class ActivityActions
{
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["account.signed_in"] = "Signed in",
        ["account.sign_in_failed"] = "Sign-in failed (wrong password)",
        ["account.locked_out"] = "Locked out after too many wrong passwords",
        ["account.token_issued"] = "Signed in to the API",
        ["account.registered"] = "Created an account",
        ["account.email_confirmed"] = "Confirmed the e-mail address",
        ["account.password_reset_requested"] = "Asked for a password reset",
        ["account.password_reset"] = "Reset the password",
        ["account.password_changed"] = "Changed the password",
        ["account.invitation_accepted"] = "Accepted the invitation and set a password",
        ["account.profile_updated"] = "Updated the profile",
        ["account.avatar_changed"] = "Changed the profile photo",
        ["account.avatar_removed"] = "Removed the profile photo",
        ["account.token_created"] = "Created an API token",
        ["account.token_revoked"] = "Revoked an API token",
        ["account.created_by_admin"] = "Created an account and sent an invitation",
        ["account.created_by_email"] = "Created an account for a stranger who wrote to the support address",
        ["account.invitation_resent"] = "Sent the invitation again",
        ["account.roles_changed"] = "Changed roles",
        ["account.deactivated"] = "Deactivated an account",
        ["account.reactivated"] = "Reactivated an account",
        ["account.organization_changed"] = "Changed a user's organization",
        ["organization.created"] = "Created an organization",
        ["organization.updated"] = "Edited an organization",
        ["organization.deleted"] = "Deleted an organization",
        ["branch.created"] = "Created a branch",
        ["branch.updated"] = "Edited a branch",
        ["branch.deleted"] = "Deleted a branch",
        ["branch.member_added"] = "Added a member to a branch",
        ["branch.member_removed"] = "Removed a member from a branch",
        ["branch.supervisor_set"] = "Made a branch supervisor",
        ["branch.supervisor_unset"] = "Stepped down a branch supervisor",
        ["team.created"] = "Created a team",
        ["team.updated"] = "Edited a team",
        ["team.deleted"] = "Deleted a team",
        ["team.member_added"] = "Added a member to a team",
        ["team.member_removed"] = "Removed a member from a team",
        ["team.supervisor_set"] = "Made a team supervisor",
        ["team.supervisor_unset"] = "Stepped down a team supervisor",
        ["notification.delivery_retried"] = "Retried a notification delivery",
        ["account.organization_manager_set"] = "Made a user manager of their organization",
        ["account.organization_manager_unset"] = "Removed a user as manager of their organization",
        ["helpdesk.ticket_deleted"] = "Deleted a ticket",
        ["helpdesk.request_type_created"] = "Created a request type",
        ["helpdesk.request_type_updated"] = "Edited a request type",
        ["chat.report_dismissed"] = "Dismissed a chat report",
        ["chat.report_action_taken"] = "Closed a chat report with action taken",
        ["chat.message_removed"] = "Removed a chat message",
    };

    /// <summary>The English description of <paramref name="action"/>, or null when it is not a known code.</summary>
    public static string? Describe(string action) => Known.GetValueOrDefault(action);
}
