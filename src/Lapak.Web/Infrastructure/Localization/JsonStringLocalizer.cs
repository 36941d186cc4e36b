using Microsoft.Extensions.Localization;

namespace Lapak.Web.Infrastructure.Localization;

/// <summary>Lets pages use <c>@L["…"]</c> and data annotations use English messages that get translated.</summary>
public sealed class JsonStringLocalizer(LapakText text) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = text.Get(name);
            return new LocalizedString(name, value, resourceNotFound: LapakCultures.Current != "en" && !text.HasTranslation(name));
        }
    }

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, this[name].Value, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        text.Indonesian.Select(kv => this[kv.Key]);
}

public sealed class JsonStringLocalizerFactory(LapakText text) : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(text);
    public IStringLocalizer Create(Type resourceSource) => _localizer;
    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
