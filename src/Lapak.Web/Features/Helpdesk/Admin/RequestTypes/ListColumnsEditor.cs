namespace Lapak.Web.Features.Helpdesk.Admin.RequestTypes;

/// <summary>The columns (sub-fields) editor of list field number <see cref="Index"/>.</summary>
public sealed record ListColumnsEditor(RequestTypeFormModel Page, SaveRequestType.FieldInput Field, int Index);
