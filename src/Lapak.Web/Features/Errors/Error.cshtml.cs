using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Errors;

/// <summary>The friendly page for 404, 403, 500 and other statuses; a crash shows a correlation id, never a trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer l) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string? CorrelationId { get; private set; }

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var crashed = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = code ?? (crashed ? 500 : 404);
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && !crashed && code is null) Code = 404;
        Response.StatusCode = Code;
        (Title, Message) = Code switch
        {
            404 => (l["Page not found"].Value, l["The page you are looking for does not exist or has moved."].Value),
            403 => (l["Access denied"].Value, l["You do not have permission to open this page."].Value),
            400 => (l["Bad request"].Value, l["The request could not be understood. Go back and try again."].Value),
            429 => (l["Too many requests"].Value, l["Too many attempts. Wait a minute and try again."].Value),
            >= 500 => (l["Something went wrong"].Value, l["We could not finish your request. Please try again; if it keeps happening, contact support with the reference below."].Value),
            _ => (l["Something went wrong"].Value, l["The request could not be completed."].Value),
        };
        if (Code >= 500) CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
    }
}
