using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Lapak.Web.Infrastructure.Localization;

/// <summary>
/// Lapak's texts are written in English in the code and translated to Bahasa Indonesia in
/// <c>*.id.json</c> files that sit in each feature folder (embedded in the assembly). English is the key,
/// so a page reads naturally in the source and a missing translation is easy to find (a test lists them).
/// </summary>
public sealed class LapakText
{
    private readonly Dictionary<string, string> _indonesian;

    public LapakText() : this(LoadEmbedded(typeof(LapakText).Assembly)) { }

    public LapakText(Dictionary<string, string> indonesian) => _indonesian = indonesian;

    public IReadOnlyDictionary<string, string> Indonesian => _indonesian;

    /// <summary>Text in the given language ("id" or "en").</summary>
    public string Get(string english, string language) =>
        language == "en" ? english : _indonesian.GetValueOrDefault(english, english);

    public string Get(string english) => Get(english, LapakCultures.Current);

    public bool HasTranslation(string english) => _indonesian.ContainsKey(english);

    private static Dictionary<string, string> LoadEmbedded(Assembly assembly)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".id.json", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Translation file {name} is empty.");
            foreach (var (en, id) in entries) all[en] = id;
        }
        return all;
    }
}

public static class LapakCultures
{
    public const string Indonesian = "id";
    public const string English = "en";
    public static readonly string[] Supported = [Indonesian, English];

    /// <summary>"en" or "id" for the current request's UI culture.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? English : Indonesian;

    public static string Normalize(string? language) => language?.ToLowerInvariant() switch
    {
        "en" or "en-us" or "en-gb" => English,
        _ => Indonesian,
    };

    public static CultureInfo CultureOf(string language) =>
        CultureInfo.GetCultureInfo(Normalize(language) == English ? "en-US" : "id-ID");
}
