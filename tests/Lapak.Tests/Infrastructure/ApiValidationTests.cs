using System.Globalization;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Api;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Tests.Infrastructure;

public sealed class ApiValidationTests
{
    private static readonly LapakText Text = new(new Dictionary<string, string>
    {
        ["The name must be between {2} and {1} characters."] = "Nama harus terdiri dari {2} sampai {1} karakter.",
        ["Enter a phone number such as 0812 3456 7890 or +62 812 3456 7890."] = "Masukkan nomor HP seperti 0812 3456 7890.",
    });

    [Fact]
    public void A_message_with_placeholders_is_translated_and_then_filled()
    {
        var errors = InCulture("id-ID", () => ApiValidation.Errors(new UpdateProfile.Command { FullName = "X" }, Text));
        Assert.Equal(["Nama harus terdiri dari 2 sampai 100 karakter."], errors["fullName"]);
    }

    [Fact]
    public void A_plain_message_is_translated_and_keyed_by_the_json_name()
    {
        var errors = InCulture("id-ID", () => ApiValidation.Errors(new UpdateProfile.Command { PhoneNumber = "abc" }, Text));
        Assert.Equal(["Masukkan nomor HP seperti 0812 3456 7890."], errors["phoneNumber"]);
    }

    [Fact]
    public void An_English_caller_gets_the_English_message_filled()
    {
        var errors = InCulture("en-US", () => ApiValidation.Errors(new UpdateProfile.Command { FullName = "X" }, Text));
        Assert.Equal(["The name must be between 2 and 100 characters."], errors["fullName"]);
    }

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return action(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }
}
