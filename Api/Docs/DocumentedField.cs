using Microsoft.OpenApi;

namespace OpenC3.Api.Docs;

public enum FieldIn
{
    Path,
    Query,
    Body,
}

/// <summary>One request field a handler reads itself, as the OpenAPI document shows it; <see cref="Items"/> are the fields of a list's objects.</summary>
public sealed record DocumentedField(string Name, FieldIn In, JsonSchemaType Type, bool Required, IReadOnlyList<string>? Values = null, string? Pattern = null, string? Description = null)
{
    public IReadOnlyList<DocumentedField>? Items { get; init; }

    public static DocumentedField Path(string name, JsonSchemaType type, string? pattern = null, IReadOnlyList<string>? values = null, string? description = null) =>
        new(name, FieldIn.Path, type, true, values, pattern, description);

    public static DocumentedField Query(string name, IReadOnlyList<string>? values = null, string? pattern = null, string? description = null) =>
        new(name, FieldIn.Query, JsonSchemaType.String, false, values, pattern, description);

    public static DocumentedField Body(string name, bool required, IReadOnlyList<string>? values = null, string? pattern = null, JsonSchemaType type = JsonSchemaType.String, string? description = null) =>
        new(name, FieldIn.Body, type, required, values, pattern, description);
}
