using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Lapak.E2E.Infrastructure;

public enum Device { Desktop, Phone }

/// <summary>
/// One headless Chromium and one Lapak (on SQLite, with demo data and a real mail server) shared by the browser
/// journeys of the <see cref="Name"/> collection. Every journey gets a fresh browser context, so cookies and
/// storage never leak between journeys; each journey registers or creates its own users.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Name = "browser";
    public const int PhoneWidth = 375;

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private LapakText? _text;

    public LapakApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Live updates (SignalR push, mail delivery through the outbox) get a few seconds, never a fixed sleep.
        SetDefaultExpectTimeout(10_000);
        var app = LapakApp.StartAsync(Db.Sqlite);
        _playwright = await Playwright.CreateAsync();
        // The system's Chromium: a test run never downloads a browser.
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = TestServices.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        App = await app;
        _text = App.Services.GetRequiredService<LapakText>();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }

    // ---------- journeys ----------

    /// <summary>
    /// Runs <paramref name="steps"/> in a new isolated browser context (1280×800 desktop or a 375×812 phone).
    /// A failure keeps a screenshot of the page in <see cref="Artifacts"/> and names it in the message, with the
    /// script errors and Content-Security-Policy violations the page reported. The browser opens <paramref name="app"/>
    /// when given (a journey that needs an instance of its own), else the collection's app.
    /// </summary>
    public async Task RunAsync(string journey, Device device, Func<IPage, Task> steps, LapakApp? app = null)
    {
        await using var context = await NewContextAsync(device, app);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        Watch(page, problems);
        await RunStepsAsync(journey, [page], problems, () => steps(page));
    }

    /// <summary>
    /// Like <see cref="RunAsync"/> with two people at once, each in an isolated context of their own (two
    /// devices, two sign-ins), for journeys where one sees live what the other does. A failure keeps a
    /// screenshot of both pages.
    /// </summary>
    public async Task RunTogetherAsync(string journey, Device first, Device second, Func<IPage, IPage, Task> steps, LapakApp? app = null)
    {
        await using var a = await NewContextAsync(first, app);
        await using var b = await NewContextAsync(second, app);
        var pageA = await a.NewPageAsync();
        var pageB = await b.NewPageAsync();
        var problems = new List<string>();
        Watch(pageA, problems);
        Watch(pageB, problems);
        await RunStepsAsync(journey, [pageA, pageB], problems, () => steps(pageA, pageB));
    }

    private async Task<IBrowserContext> NewContextAsync(Device device, LapakApp? app)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = (app ?? App).BaseAddress.ToString(),
            ViewportSize = device == Device.Phone ? new() { Width = PhoneWidth, Height = 812 } : new() { Width = 1280, Height = 800 },
            IsMobile = device == Device.Phone,
            HasTouch = device == Device.Phone,
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
            // No fades: axe then sees toasts and menus as they finally look, not half-transparent mid-transition.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(10_000);
        return context;
    }

    private static void Watch(IPage page, List<string> problems)
    {
        page.Console += (_, m) => { if (m.Type == "error") lock (problems) problems.Add($"console: {m.Text} ({page.Url})"); };
        page.PageError += (_, e) => { lock (problems) problems.Add($"script error: {e} ({page.Url})"); };
    }

    private static async Task RunStepsAsync(string journey, IReadOnlyList<IPage> pages, List<string> problems, Func<Task> steps)
    {
        try
        {
            await steps();
            var broken = problems.Where(p => p.Contains("Content Security Policy", StringComparison.Ordinal) || p.StartsWith("script error", StringComparison.Ordinal)).ToList();
            if (broken.Count > 0)
                throw new Xunit.Sdk.XunitException("The pages reported script errors or Content-Security-Policy violations:\n" + string.Join("\n", broken));
        }
        catch (Exception failure)
        {
            var shots = new List<string>();
            for (var i = 0; i < pages.Count; i++)
                shots.Add(await ScreenshotAsync(pages[i], pages.Count == 1 ? $"{journey}-failed" : $"{journey}-{i + 1}-failed"));
            throw new JourneyFailedException(
                $"{journey} failed on {string.Join(" and ", pages.Select(p => p.Url))}\nScreenshot: {string.Join(", ", shots)}\n" +
                (problems.Count > 0 ? "Browser console:\n" + string.Join("\n", problems) : ""),
                failure);
        }
    }

    /// <summary>Where screenshots go: the test project's TestResults folder (next to the TRX files of a local run).</summary>
    public static string Artifacts { get; } = FindArtifacts();

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(Artifacts, Regex.Replace(name, "[^A-Za-z0-9_.-]", "_") + ".png");
        try { await page.ScreenshotAsync(new() { Path = path, FullPage = true }); }
        catch (PlaywrightException e) { return $"(no screenshot: {e.Message})"; }
        return path;
    }

    private static string FindArtifacts()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lapak.E2E.csproj"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    // ---------- texts ----------

    /// <summary>The Bahasa Indonesia text the app shows for <paramref name="english"/>, from its own translation files.</summary>
    public string Indonesian(string english) => _text!.Get(english, LapakCultures.Indonesian);

    /// <summary>
    /// An accessible name in either language, so a locator does not depend on which language a page is in or on
    /// the wording a translator picks.
    /// </summary>
    public Regex Either(string english) =>
        new($"^\\s*(?:{Regex.Escape(english)}|{Regex.Escape(Indonesian(english))})\\s*$", RegexOptions.IgnoreCase);

    /// <summary>Like <see cref="Either"/>, for a text that is part of a longer one.</summary>
    public Regex Contains(string english) =>
        new($"(?:{Regex.Escape(english)}|{Regex.Escape(Indonesian(english))})", RegexOptions.IgnoreCase);

    // ---------- steps used by many journeys ----------

    /// <summary>
    /// Clicks a submit button and waits until the next page has loaded. The old document is marked first, so a
    /// form that answers with the same URL (a validation error) is not mistaken for the page before it.
    /// </summary>
    public static async Task SubmitAsync(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { window.__lapakSubmitted = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__lapakSubmitted !== true && document.readyState === 'complete'");
    }

    /// <summary>Fills the login form and submits it; the caller asserts where it leads.</summary>
    public async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        if (!page.Url.Contains("/account/login", StringComparison.Ordinal)) await page.GotoAsync("/account/login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await SubmitAsync(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { NameRegex = Either("Sign in") }));
    }

    /// <summary>Signs in through the login page, as a person would, and waits for the signed-in page.</summary>
    public async Task SignInAsync(IPage page, string email, string password)
    {
        await SubmitLoginAsync(page, email, password);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-signed-in", "true");
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
    }

    /// <summary>Chooses a language with the header's ID/EN buttons (on a phone they sit in the collapsed menu).</summary>
    public async Task SwitchLanguageAsync(IPage page, string language)
    {
        var toggler = page.Locator(".navbar-toggler");
        var collapsed = await toggler.IsVisibleAsync() && await toggler.GetAttributeAsync("aria-expanded") != "true";
        if (collapsed)
        {
            await page.GetByRole(AriaRole.Button, new() { NameRegex = Either("Open menu") }).ClickAsync();
            await Expect(page.Locator("#main-nav")).ToBeVisibleAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = language.ToUpperInvariant(), Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    /// <summary>
    /// Runs axe on the page as it is now and fails listing every violation of impact "serious" or "critical"
    /// (rule, help and the elements); the page must not scroll sideways either. Set LAPAK_E2E_SCREENSHOTS=1 to
    /// keep a screenshot of each checked page.
    /// </summary>
    public async Task AssertAccessibleAsync(IPage page, string? name = null)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (Environment.GetEnvironmentVariable("LAPAK_E2E_SCREENSHOTS") == "1")
        {
            var width = page.ViewportSize?.Width ?? 0;
            await ScreenshotAsync(page, $"{width}-{name ?? new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '-')}");
        }
        await AssertNoHorizontalScrollAsync(page);
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (serious.Count == 0) return;
        var report = string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}  {Trim(n.Html)}"))));
        throw new Xunit.Sdk.XunitException($"axe found {serious.Count} serious or critical accessibility problem(s) on {page.Url}:\n{report}");

        static string Trim(string? html) => html is null ? "" : html.Length <= 160 ? html : html[..160] + "…";
    }

    /// <summary>The page must not scroll sideways at its viewport width.</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        // Against the device width, not innerWidth: a phone browser widens its layout viewport to fit wide content.
        var viewport = page.ViewportSize?.Width ?? throw new InvalidOperationException("The page has no fixed viewport.");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= viewport, $"{page.Url} is {width} px wide at a {viewport} px viewport: it scrolls sideways.");
    }
}

public sealed class JourneyFailedException(string message, Exception inner) : Exception(message, inner);

[CollectionDefinition(BrowserFixture.Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
