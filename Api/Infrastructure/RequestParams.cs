using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// Upstream (Dancer) merges query string and body into one parameter bag; clients send JSON or forms.
/// Values keep their JSON shape so validators can tell a missing field from an empty one.
/// </summary>
public sealed class RequestParams
{
    private readonly Dictionary<string, JsonElement> values;

    private RequestParams(Dictionary<string, JsonElement> values) => this.values = values;

    public IReadOnlyDictionary<string, JsonElement> Values => values;

    /// <summary>
    /// For routes without login: a body over <paramref name="maxBodyBytes"/> is refused (by its declared length
    /// at once, or when a chunked body passes the limit) instead of being parsed.
    /// </summary>
    public static async Task<RequestParams> ReadBoundedAsync(HttpRequest request, long maxBodyBytes)
    {
        var tooLarge = new BadRequestException(Invariant($"request body too large: at most {maxBodyBytes} bytes"));
        if (request.ContentLength > maxBodyBytes)
        {
            throw tooLarge;
        }

        // Kestrel discards what is left of a refused body up to this limit, so the sender can finish and read the refusal;
        // past it, the connection is ended.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBodyBytes + RefusedBodyDiscardBytes;
        }

        var body = request.Body;
        request.Body = new BoundedBodyStream(body, maxBodyBytes, tooLarge);
        try
        {
            return await ReadAsync(request);
        }
        finally
        {
            request.Body = body;
        }
    }

    /// <summary>The most of a refused body that is read and thrown away after the refusal is sent.</summary>
    private const long RefusedBodyDiscardBytes = 1024 * 1024;

    public static async Task<RequestParams> ReadAsync(HttpRequest request)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = JsonSerializer.SerializeToElement(value.ToString());
        }

        if (request.HasJsonContentType() && HasBody(request))
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BadRequestException("request body must be a JSON object");
            }

            EnsureText(document.RootElement);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }
        }
        else if (request.HasFormContentType)
        {
            foreach (var (key, value) in await ReadFormAsync(request))
            {
                values[key] = JsonSerializer.SerializeToElement(value.ToString());
            }
        }

        return new RequestParams(values);
    }

    /// <summary>The fields of one JSON object inside a request (a job step, a variable of a bulk update); anything else has no fields.</summary>
    public static RequestParams FromObject(JsonElement element) =>
        new(element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal));

    /// <summary>A copy with <paramref name="name"/> set, e.g. a route value, so it is validated like the other parameters.</summary>
    public RequestParams With(string name, string value) =>
        new(new Dictionary<string, JsonElement>(values, StringComparer.Ordinal) { [name] = JsonSerializer.SerializeToElement(value) });

    /// <summary>
    /// A copy where the listed fields count as not given when they are empty text or null: pages post `''` (and
    /// other clients `null`) for an optional value they have none of, e.g. an scp step's `chown`.
    /// </summary>
    public RequestParams WithoutBlank(params string[] names) =>
        new(values.Where(pair => !names.Contains(pair.Key, StringComparer.Ordinal) || AsText(pair.Value) is { Length: > 0 })
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));

    /// <summary>A form the framework cannot read (a NUL in a value, a multipart body without its parts) is the caller's error.</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
        try
        {
            return await request.ReadFormAsync();
        }
        catch (Exception error) when (error is InvalidDataException or IOException && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw new BadRequestException("request body is not a valid form");
        }
    }

    /// <summary>
    /// The parser accepts bytes that are not UTF-8 and escaped lone surrogates inside strings and fails only when
    /// the text is read; read every name and string once here so the request is refused before any handler runs.
    /// </summary>
    private static void EnsureText(JsonElement element)
    {
        try
        {
            Visit(element);
        }
        catch (InvalidOperationException)
        {
            throw new BadRequestException("request body holds text that is not valid UTF-8");
        }

        static void Visit(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        Visit(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Visit(item);
                    }

                    break;
                case JsonValueKind.String:
                    _ = element.GetString();
                    break;
            }
        }
    }

    /// <summary>Some clients label a body-less GET as JSON; that is no parameters, not malformed JSON.</summary>
    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is not 0 && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false;

    public bool Has(string name) => values.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    /// <summary>The value as upstream's Perl would see it: scalars as text, null when absent.</summary>
    public string? Text(string name) => values.TryGetValue(name, out var value) ? AsText(value) : null;

    public static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A request the API cannot even read (malformed JSON): answered with `stat:false`, never a 500.</summary>
public sealed class BadRequestException(string message) : Exception(message);
