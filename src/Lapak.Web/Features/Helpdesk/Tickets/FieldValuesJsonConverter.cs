using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Lets an API client send a field's value as JSON of any shape: strings stay strings (so existing clients keep
/// working), a list's rows may be a real JSON array, numbers and booleans become their text. The ticket keeps
/// every value as a string, so arrays and objects are kept as their JSON text and checked by the field's kind.
/// </summary>
public sealed class FieldValuesJsonConverter : JsonConverter<Dictionary<string, string?>>
{
    public override Dictionary<string, string?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return [];
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("fields must be an object.");
        var values = new Dictionary<string, string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            values[key] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                _ => JsonDocument.ParseValue(ref reader).RootElement.GetRawText(),
            };
        }
        return values;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string?> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, v) in value) writer.WriteString(key, v);
        writer.WriteEndObject();
    }
}
