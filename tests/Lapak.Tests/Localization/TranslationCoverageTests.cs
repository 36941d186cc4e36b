using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Tests.Localization;

/// <summary>
/// Lapak's texts are English keys translated in <c>*.id.json</c> files. These tests read the sources the way
/// a reviewer would, so a page added without its Indonesian texts fails here instead of showing English.
/// </summary>
public sealed class TranslationCoverageTests
{
    [Fact]
    public void Every_page_text_has_an_Indonesian_translation()
    {
        var indonesian = new LapakText().Indonesian;
        var texts = SourceTexts.Scan(SourceTexts.WebRoot);
        Assert.True(texts.Count > 50, $"The scan found only {texts.Count} texts; the patterns no longer match the code.");

        var missing = texts.Where(t => !indonesian.ContainsKey(t.Text))
            .GroupBy(t => t.Text)
            .Select(g => $"  \"{Escape(g.Key)}\"  ({string.Join(", ", g.Select(t => t.Where).Distinct().Take(3))})")
            .ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} text(s) have no Bahasa Indonesia translation. Add them to the *.id.json of the feature folder:\n" +
            string.Join("\n", missing));
    }

    [Fact]
    public void Every_translation_file_parses_and_has_no_empty_value()
    {
        var files = TranslationFiles();
        Assert.NotEmpty(files);
        var problems = new List<string>();
        foreach (var file in files)
        {
            var name = SourceTexts.Relative(file);
            JsonDocument doc;
            try { doc = JsonDocument.Parse(File.ReadAllText(file)); }
            catch (JsonException ex)
            {
                problems.Add($"{name}: not valid JSON ({ex.Message})");
                continue;
            }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{name}: must be one flat object of \"English\": \"Indonesian\" pairs");
                    continue;
                }
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (!seen.Add(p.Name)) problems.Add($"{name}: \"{p.Name}\" appears twice");
                    if (string.IsNullOrWhiteSpace(p.Name)) problems.Add($"{name}: has an empty key");
                    if (p.Value.ValueKind != JsonValueKind.String) problems.Add($"{name}: \"{p.Name}\" is not a string");
                    else if (string.IsNullOrWhiteSpace(p.Value.GetString())) problems.Add($"{name}: \"{p.Name}\" has an empty translation");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_translation_file_is_embedded_in_the_application()
    {
        // A build setting that drops or moves the files (e.g. into a satellite assembly) would leave the whole UI in English.
        var indonesian = new LapakText().Indonesian;
        var absent = Entries().Where(e => !indonesian.ContainsKey(e.English))
            .Select(e => $"{SourceTexts.Relative(e.File)}: \"{e.English}\"").Take(20).ToList();
        Assert.True(absent.Count == 0, "Not loaded by LapakText:\n" + string.Join("\n", absent));
    }

    [Fact]
    public void Every_translation_keeps_the_placeholders_of_its_English_text()
    {
        var problems = new List<string>();
        foreach (var (file, english, indonesian) in Entries())
        {
            var expected = Placeholders(english);
            var actual = Placeholders(indonesian);
            if (!expected.SequenceEqual(actual))
                problems.Add($"{SourceTexts.Relative(file)}: \"{english}\" has {Show(expected)} but its translation has {Show(actual)}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_text_translated_in_several_files_has_the_same_translation_everywhere()
    {
        // Only one translation can win at run time, so two different ones mean one page silently shows the other's.
        var conflicts = Entries()
            .GroupBy(e => e.English)
            .Where(g => g.Select(e => e.Indonesian).Distinct().Count() > 1)
            .Select(g => $"\"{g.Key}\": " + string.Join(" | ", g.Select(e => $"{SourceTexts.Relative(e.File)} → \"{e.Indonesian}\"")))
            .ToList();
        Assert.True(conflicts.Count == 0, string.Join("\n", conflicts));
    }

    [Fact]
    public void The_scanner_finds_each_kind_of_translatable_text()
    {
        // Guards the guard: if a pattern stopped matching, the coverage test would pass on anything.
        var texts = SourceTexts.Scan(SourceTexts.WebRoot).Select(t => t.Text).ToHashSet();
        Assert.Contains("Skip to content", texts);                                  // L["…"] in a view
        Assert.Contains("You have signed out.", texts);                             // l["…"] in a page model
        Assert.Contains("Enter your e-mail address.", texts);                       // ErrorMessage = "…"
        Assert.Contains("Enter a phone number such as 0812 3456 7890 or +62 812 3456 7890.", texts); // ErrorMessage = a constant
        Assert.Contains("Too many attempts. Wait a minute and try again.", texts);  // text.Get("…")
        Assert.Contains("Confirm your e-mail address", texts);                      // notification template title
        Assert.Contains("Set my password", texts);                                  // notification template action
        Assert.Contains("The password must contain a digit (0-9).", texts);         // E(nameof(…), "…")
    }

    private static List<string> TranslationFiles() =>
        SourceTexts.Files(SourceTexts.WebRoot, "*.id.json").Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<(string File, string English, string Indonesian)> Entries()
    {
        foreach (var file in TranslationFiles())
        {
            Dictionary<string, string>? entries;
            try { entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)); }
            catch (JsonException) { continue; } // reported by the parse test
            foreach (var (en, id) in entries ?? []) yield return (file, en, id ?? "");
        }
    }

    private static List<string> Placeholders(string s) =>
        Regex.Matches(s, @"\{[^{}\s]+\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToList();

    private static string Show(List<string> placeholders) => placeholders.Count == 0 ? "none" : string.Join(" ", placeholders);

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}

/// <summary>Finds the literal English texts that the code passes to the localizer, in .cs and .cshtml files.</summary>
internal static partial class SourceTexts
{
    public sealed record Found(string Text, string Where);

    public static string RepoRoot { get; } = FindRepoRoot();
    public static string WebRoot => Path.Combine(RepoRoot, "src", "Lapak.Web");

    public static List<Found> Scan(string root)
    {
        var files = Files(root, "*.cs").Concat(Files(root, "*.cshtml"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var sources = files.ToDictionary(f => f, f => WithoutComments(File.ReadAllText(f)));
        var constants = Constants(sources.Where(s => s.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(s => s.Value));

        var found = new List<Found>();
        foreach (var (file, source) in sources)
        {
            void Add(string text, int index)
            {
                if (!string.IsNullOrWhiteSpace(text)) found.Add(new Found(text, $"{Relative(file)}:{LineOf(source, index)}"));
            }

            foreach (Match m in Localizer().Matches(source)) Add(Unescape(m.Groups["s"].Value), m.Index);
            foreach (Match m in TextGet().Matches(source)) Add(Unescape(m.Groups["s"].Value), m.Index);
            foreach (Match m in ErrorMessage().Matches(source)) Add(Unescape(m.Groups["s"].Value), m.Index);
            foreach (Match m in DisplayName().Matches(source)) Add(Unescape(m.Groups["s"].Value), m.Index);
            foreach (Match m in IdentityError().Matches(source)) Add(Unescape(m.Groups["s"].Value), m.Index);
            foreach (Match m in ErrorMessageConstant().Matches(source))
            {
                var name = m.Groups["c"].Value.Split('.')[^1];
                if (constants.TryGetValue(name, out var value)) Add(value, m.Index);
            }
            foreach (Match m in TemplateCall().Matches(source))
            {
                // AddNotificationTemplate(kind, "title", "body", "action"): every text argument after the kind.
                foreach (var (arg, offset) in Arguments(source, m.Index + m.Length).Skip(1))
                    if (StringArgument().Match(arg) is { Success: true } s) Add(Unescape(s.Groups["s"].Value), offset);
            }
        }
        return found;
    }

    /// <summary>
    /// Blanks whole-line comments (<c>//</c>, <c>///</c>) and Razor comments (<c>@* … *@</c>), keeping line numbers,
    /// so a commented-out or documented <c>L["…"]</c> is not taken for a text.
    /// </summary>
    private static string WithoutComments(string source)
    {
        static string Blank(Match m) => Regex.Replace(m.Value, @"[^\n]", " ");
        return RazorComment().Replace(LineComment().Replace(source, Blank), Blank);
    }

    public static IEnumerable<string> Files(string root, string pattern) =>
        Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories).Where(f =>
        {
            var parts = Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar);
            return !parts.Any(p => p is "bin" or "obj" or "node_modules");
        });

    public static string Relative(string file) => Path.GetRelativePath(RepoRoot, file).Replace('\\', '/');

    /// <summary><c>const string Name = "…"</c> anywhere, so <c>ErrorMessage = Validation.PhoneMessage</c> is checked too.</summary>
    private static Dictionary<string, string> Constants(IEnumerable<string> sources)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
            foreach (Match m in ConstString().Matches(source))
                constants.TryAdd(m.Groups["n"].Value, Unescape(m.Groups["s"].Value));
        return constants;
    }

    /// <summary>The top-level arguments of a call whose '(' ends just before <paramref name="start"/>.</summary>
    private static IEnumerable<(string Arg, int Offset)> Arguments(string source, int start)
    {
        var args = new List<(string, int)>();
        var depth = 0;
        var begin = start;
        for (var i = start; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '"')
            {
                for (i++; i < source.Length && source[i] != '"'; i++) if (source[i] == '\\') i++;
                continue;
            }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth-- == 0)
                {
                    args.Add((source[begin..i].Trim(), begin));
                    break;
                }
            }
            else if (c == ',' && depth == 0)
            {
                args.Add((source[begin..i].Trim(), begin));
                begin = i + 1;
            }
        }
        return args;
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\')) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 == s.Length) { sb.Append(s[i]); continue; }
            var c = s[++i];
            switch (c)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case 'u' when i + 4 < s.Length:
                    sb.Append((char)Convert.ToInt32(s.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static int LineOf(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lapak.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Lapak.slnx not found above " + AppContext.BaseDirectory);
    }

    private const string Literal = @"""(?<s>(?:[^""\\\r\n]|\\.)*)""";

    /// <summary><c>L["…"]</c> in views, <c>l["…"]</c> in page models (also with format arguments).</summary>
    [GeneratedRegex(@"(?<![\w.])[Ll]\[\s*" + Literal)]
    private static partial Regex Localizer();

    /// <summary><c>text.Get("…")</c> on a LapakText (named text, _text, lapakText, …), with or without a language.</summary>
    [GeneratedRegex(@"(?<![\w.])_?(?:[a-z]\w*)?[Tt]ext(?<![Cc]ontext)\s*\.\s*Get\(\s*" + Literal)]
    private static partial Regex TextGet();

    [GeneratedRegex(@"\bErrorMessage\s*=\s*" + Literal)]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(@"\bErrorMessage\s*=\s*(?<c>[A-Z]\w*(?:\.[A-Z]\w*)*)\s*[,)\]]")]
    private static partial Regex ErrorMessageConstant();

    /// <summary><c>[Display(Name = "…")]</c>: shown as the label of an <c>asp-for</c> field and in validation messages.</summary>
    [GeneratedRegex(@"\bDisplay\(\s*Name\s*=\s*" + Literal)]
    private static partial Regex DisplayName();

    /// <summary><c>E(nameof(PasswordTooShort), "…")</c> in LocalizedIdentityErrors.</summary>
    [GeneratedRegex(@"(?<![\w.])E\(\s*nameof\([^)]*\)\s*,\s*" + Literal)]
    private static partial Regex IdentityError();

    [GeneratedRegex(@"\bAddNotificationTemplate\(")]
    private static partial Regex TemplateCall();

    [GeneratedRegex(@"^(?:\w+\s*:\s*)?" + Literal + "$")]
    private static partial Regex StringArgument();

    [GeneratedRegex(@"^[ \t]*//[^\n]*", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"\bconst\s+string\s+(?<n>\w+)\s*=\s*" + Literal + @"\s*;")]
    private static partial Regex ConstString();
}
