using System.Globalization;
using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public const string CookieName = ".Lapak.Language";

    public static IServiceCollection AddLapakLocalization(this IServiceCollection services)
    {
        services.AddSingleton<LapakText>();
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<IStringLocalizerFactory>().Create(typeof(LapakText)));
        services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { LapakCultures.CultureOf("id"), LapakCultures.CultureOf("en") };
            o.DefaultRequestCulture = new RequestCulture(cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The account's language wins, then the cookie a guest chose; Bahasa Indonesia otherwise.
            o.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(ctx =>
                {
                    var lang = ctx.User.FindFirst(LapakClaims.Language)?.Value;
                    return Task.FromResult(lang is null ? null : Result(lang));
                }),
                new CustomRequestCultureProvider(ctx =>
                {
                    var lang = ctx.Request.Cookies[CookieName];
                    return Task.FromResult(lang is null ? null : Result(lang));
                }),
            ];
        });
        return services;
    }

    private static ProviderCultureResult Result(string lang)
    {
        var c = LapakCultures.CultureOf(lang).Name;
        return new ProviderCultureResult(c, c);
    }

    public static void WriteLanguageCookie(HttpResponse response, string language) =>
        response.Cookies.Append(CookieName, LapakCultures.Normalize(language), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true,
            SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps,
        });
}
