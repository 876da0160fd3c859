using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenC3.Api.Docs;

/// <summary>
/// Fills in what the handlers do not declare (most read the request themselves): every `{name}` of the
/// route template as a path parameter, a summary from the handler's name (`StartJobByName` → "Start job
/// by name"), and the query and body fields with their enumerations from <see cref="DocumentedFields"/>.
/// </summary>
public sealed class RouteParameters : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var path = "/" + description.RelativePath?.Split('?')[0];
        operation.Summary ??= Summary(description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault());
        operation.Parameters ??= [];
        foreach (var name in TemplateParameters(path))
        {
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true });
            }
        }

        var fields = DocumentedFields.For(description.HttpMethod ?? "GET", path);
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path))
        {
            var field = fields.FirstOrDefault(f => f.Name == parameter.Name && f.In == FieldIn.Path) ?? DocumentedFields.PathDefault(parameter.Name!);
            parameter.Description ??= field.Description;
            parameter.Schema = Schema(field);
        }

        foreach (var field in fields.Where(f => f.In == FieldIn.Query))
        {
            operation.Parameters.Add(new OpenApiParameter { Name = field.Name, In = ParameterLocation.Query, Required = field.Required, Description = field.Description, Schema = Schema(field) });
        }

        if (fields.Where(f => f.In == FieldIn.Body).ToList() is { Count: > 0 } body)
        {
            var schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = body.Where(f => f.Required).Select(f => f.Name).ToHashSet(StringComparer.Ordinal),
                Properties = Properties(body),
            };
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = "JSON body (form fields and query parameters are read the same way, as upstream)",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = schema } },
            };
        }

        return Task.CompletedTask;
    }

    /// <summary>`{treeid}`, `{id?}`, `{id:int}` → treeid, id, id.</summary>
    public static IEnumerable<string> TemplateParameters(string path) =>
        path.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1].Split(':')[0].TrimEnd('?'));

    private static string? Summary(MethodInfo? handler)
    {
        if (handler is null || handler.Name.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }

        var name = handler.Name.EndsWith("Async", StringComparison.Ordinal) ? handler.Name[..^5] : handler.Name;
        var words = System.Text.RegularExpressions.Regex.Split(name, "(?<=[a-z0-9])(?=[A-Z])");
        return string.Join(' ', words.Select((w, i) => i == 0 ? w : w.ToLowerInvariant()));
    }

    private static Dictionary<string, IOpenApiSchema> Properties(IEnumerable<DocumentedField> fields) =>
        fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)Schema(f), StringComparer.Ordinal);

    private static OpenApiSchema Schema(DocumentedField field) => new()
    {
        Type = field.Type,
        Description = field.In == FieldIn.Body ? field.Description : null,
        Pattern = field.Pattern,
        Enum = field.Values is { Count: > 0 } values ? values.Select(v => (JsonNode)JsonValue.Create(v)).ToList() : null,
        Items = field.Items is { } items
            ? new OpenApiSchema { Type = JsonSchemaType.Object, Required = items.Where(f => f.Required).Select(f => f.Name).ToHashSet(StringComparer.Ordinal), Properties = Properties(items) }
            : null,
    };
}
