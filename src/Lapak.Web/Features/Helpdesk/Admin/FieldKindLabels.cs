using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.Admin;

public static class FieldKindLabels
{
    public static string Name(FieldKind kind, LapakText text) => kind switch
    {
        FieldKind.Text => text.Get("Short text"),
        FieldKind.LongText => text.Get("Long text"),
        FieldKind.Number => text.Get("Number"),
        FieldKind.Date => text.Get("Date"),
        FieldKind.Choice => text.Get("Choice"),
        FieldKind.DateTimeWindow => text.Get("Date-time window"),
        FieldKind.List => text.Get("List of rows"),
        FieldKind.Branch => text.Get("Branch"),
        _ => kind.ToString(),
    };
}
