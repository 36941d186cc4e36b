using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>Puts a use case's field errors beside the page's fields (<c>{prefix}.{Field}</c>) and the rest above the form.</summary>
public static class IncidentPageErrors
{
    public static void AddTo(this IncidentProblems problems, ModelStateDictionary state, string prefix)
    {
        foreach (var (key, messages) in problems.Errors)
            foreach (var message in messages) state.AddModelError($"{prefix}.{key}", message);
        if (problems.Forbidden is { } forbidden) state.AddModelError("", forbidden);
        if (problems.Conflict is { } conflict) state.AddModelError("", conflict);
    }
}
