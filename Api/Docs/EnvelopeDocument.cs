using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenC3.Api.Docs;

/// <summary>
/// Adds upstream's reply envelope as the component schema `Envelope` and makes it every module route's
/// answer (HTTP 200 for handled outcomes, 500 for faults); tags each route by module and route group
/// (`job: task`) so the reference page groups them as the API document does.
/// </summary>
public sealed class EnvelopeDocument : IOpenApiDocumentTransformer
{
    public const string SchemaName = "Envelope";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "OpenC3.Orleans";
        document.Info.Description =
            "OPEN-C3 compatible REST API. Every module route answers HTTP 200 with the envelope `{stat, data | info}`; " +
            "`{stat:false, code:10000}` means not logged in (cookie `sid` or headers `appname` + `appkey`).";
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[SchemaName] = Envelope();
        var envelope = new OpenApiSchemaReference(SchemaName, document);
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths)
        {
            var tag = RouteGroup(path);
            tags.Add(tag);
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                operation.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };
                Answer(operation, path, envelope);
            }
        }

        document.Tags = tags.Select(name => new OpenApiTag { Name = name }).ToHashSet();
        return Task.CompletedTask;
    }

    /// <summary>`/api/job/task/{treeid}` → `job: task`; routes outside the modules by their first segment.</summary>
    public static string RouteGroup(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["api", var module, var group, ..] ? $"{module}: {group}" : segments.FirstOrDefault() ?? "/";
    }

    private static void Answer(OpenApiOperation operation, string path, OpenApiSchemaReference envelope)
    {
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return;
        }

        operation.Responses ??= [];
        if (NonEnvelopeReplies.Describe(path) is { } other)
        {
            operation.Responses["200"] = new OpenApiResponse { Description = other };
            return;
        }

        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "`{stat:true, data}` on success; `{stat:false, info}` when refused (validation `check format fail …`, `Unauthorized`); `{stat:false, code:10000}` when not logged in",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = envelope } },
        };
        operation.Responses["500"] = new OpenApiResponse
        {
            Description = "unexpected fault: `{stat:false, info:\"internal error (ref …)\"}`, never a stack trace",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = envelope } },
        };
    }

    private static OpenApiSchema Envelope() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Upstream's reply envelope.",
        Required = new HashSet<string>(StringComparer.Ordinal) { "stat" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["stat"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "true when the call did what was asked" },
            ["data"] = new OpenApiSchema { Description = "the answer: an object, a list, a count or `true`, per route" },
            ["info"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "why a call was refused, or a message such as `ok`" },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "10000: not logged in", Enum = [System.Text.Json.Nodes.JsonValue.Create(10000)] },
        },
    };
}
