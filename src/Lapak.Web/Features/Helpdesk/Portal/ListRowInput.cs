namespace Lapak.Web.Features.Helpdesk.Portal;

/// <summary>One row of a list field in the form; <see cref="Slot"/> stands for the row number in the script's template.</summary>
public sealed record ListRowInput(ComplexFieldInput Field, Dictionary<string, string> Values, string Index, int Number, Func<string, string?> Error)
{
    public const string Slot = "__row__";
}
