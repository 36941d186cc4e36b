using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Features.Accounts;

/// <summary>Identity's messages in the request's language.</summary>
public sealed class LocalizedIdentityErrors(LapakText text) : IdentityErrorDescriber
{
    private IdentityError E(string code, string english, params object[] args) =>
        new() { Code = code, Description = string.Format(text.Get(english), args) };

    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), "The e-mail address {0} is already registered.", email);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateEmail), "The e-mail address {0} is already registered.", userName);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "The e-mail address {0} is not valid.", email ?? "");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidEmail), "The e-mail address {0} is not valid.", userName ?? "");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "This link is invalid or has expired. Request a new one.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "The current password is wrong.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), "The password must be at least {0} characters long.", length);
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "The password must contain a digit (0-9).");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "The password must contain a lowercase letter (a-z).");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "The password must contain an uppercase letter (A-Z).");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "The password must contain a symbol.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), "The password must use at least {0} different characters.", uniqueChars);
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), "The user already has the role {0}.", role);
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), "The user does not have the role {0}.", role);
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Something went wrong. Please try again.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Someone else changed this at the same time. Reload and try again.");
}
