using Lapak.Web.Features.Helpdesk.RequestTypes;

namespace Lapak.Web.Features.Helpdesk.Portal;

/// <summary>What the form partial of a window or list field needs: the field, its current value and whether its type is the chosen one.</summary>
public sealed record ComplexFieldInput(RequestType Type, RequestField Field, string? Value, bool Active, string Language)
{
    public string Id => NewTicketModel.FieldId(Type, Field);
    public string Name => $"Fields[{Field.Key}]";
    public string Part(string rest) => $"{FieldForm.Prefix}{Field.Key}.{rest}";
}
