using System.Text.RegularExpressions;
using Lapak.Tests.Localization;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Tests.Features.Accounts.Admin;

/// <summary>The activity log reads as sentences only if every action a module records is named, in both languages.</summary>
public sealed partial class ActivityActionsTests
{
    [Fact]
    public void Every_action_recorded_in_the_code_has_a_readable_name_with_an_Indonesian_translation()
    {
        var recorded = SourceTexts.Files(SourceTexts.WebRoot, "*.cs")
            .SelectMany(File.ReadLines)
            .Where(line => line.Contains(".Record(", StringComparison.Ordinal))
            .SelectMany(line => ActionCode().Matches(line).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(recorded.Count > 20, $"Only {recorded.Count} recorded actions found; the pattern no longer matches the code.");
        Assert.Contains("account.signed_in", recorded);

        var unnamed = recorded.Where(code => ActivityActions.Describe(code) is null).Order().ToList();
        Assert.True(unnamed.Count == 0, "Add these actions to ActivityActions.Known: " + string.Join(", ", unnamed));

        var indonesian = new LapakText().Indonesian;
        var untranslated = ActivityActions.Known.Values.Where(v => !indonesian.ContainsKey(v)).ToList();
        Assert.True(untranslated.Count == 0, "Translate these action names: " + string.Join(" | ", untranslated));
    }

    [GeneratedRegex("\"([a-z]+\\.[a-z_]+)\"")]
    private static partial Regex ActionCode();
}
