using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenC3.IntegrationTests.Reliability;

/// <summary>What the corpus aims at: a tree node without hosts and a job on it, so task routes get past the job lookup.</summary>
public sealed record CorpusTarget(long Node, string JobUuid, string JobName);

/// <summary>
/// Builds the hostile request corpus from the product's own OpenAPI document: for every operation a baseline
/// request, then one hostile change at a time (each path parameter, each documented query and body field,
/// missing required fields, an extra field, wrong JSON types, malformed JSON, wrong content types).
/// Values per field are a seeded sample of <see cref="HostileValues"/>, so a run is the same every time.
/// </summary>
public sealed class CorpusGenerator(JsonElement document, CorpusTarget target, int seed = 15)
{
    /// <summary>Routes whose bodies the document does not describe get these commonly used field names.</summary>
    private static readonly string[] GenericFields = ["name", "user", "node", "describe", "cont", "value", "type", "id", "uuid", "email"];

    /// <summary>Documented fields whose stored value the route's list shows, so an accepted value must read back verbatim.</summary>
    private static readonly HashSet<string> ShownFields = new(StringComparer.Ordinal) { "name", "jobname", "uuid", "status", "type", "cont" };

    private const int TextsPerField = 6;
    private const int WrongTypesPerField = 3;
    private static readonly string[] Methods = ["get", "post", "put", "delete"];

    private readonly Random random = new(seed);

    public List<CorpusRequest> Generate()
    {
        var paths = document.GetProperty("paths");
        var operations =
            from path in paths.EnumerateObject()
            from method in Methods
            where path.Value.TryGetProperty(method, out _)
            // Deletions last: their baselines remove the target job the task routes start.
            orderby method == "delete", path.Name
            select (path.Name, method, Operation: path.Value.GetProperty(method));
        return operations.ToList().SelectMany(o => Operation(o.Name, o.method, o.Operation, paths)).ToList();
    }

    private IEnumerable<CorpusRequest> Operation(string template, string method, JsonElement operation, JsonElement paths)
    {
        var route = $"{method.ToUpperInvariant()} {template}";
        var httpMethod = new HttpMethod(method.ToUpperInvariant());
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var pathValues = parameters.Where(p => p.GetProperty("in").GetString() == "path")
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => PathBaseline(p.GetProperty("name").GetString()!, p), StringComparer.Ordinal);
        var queryFields = parameters.Where(p => p.GetProperty("in").GetString() == "query").ToList();
        var bodySchema = BodySchema(operation);
        var hasBody = method != "get";
        var fields = bodySchema is { } schema ? Properties(schema) : hasBody ? GenericFields.Select(f => (f, default(JsonElement))).ToList() : [];
        var baseline = new JsonObject();
        foreach (var (name, fieldSchema) in fields)
        {
            baseline[name] = BodyBaseline(name, fieldSchema);
        }

        var readBack = method is "post" or "put" && bodySchema is not null ? ReadBack(template, paths, pathValues) : null;
        string Url(IReadOnlyDictionary<string, string> values, string query = "") => Fill(template, values) + query;
        CorpusRequest Json(string label, JsonObject body, string? field = null, string? value = null) =>
            new(route, label, httpMethod, Url(pathValues), "application/json", Encoding.UTF8.GetBytes(body.ToJsonString()), field, field is not null && ShownFields.Contains(field) ? value : null, readBack);

        yield return hasBody ? Json("baseline", baseline) : new CorpusRequest(route, "baseline", httpMethod, Url(pathValues), null, null);

        foreach (var name in pathValues.Keys)
        {
            foreach (var text in Sample(HostileValues.Texts, TextsPerField))
            {
                var values = new Dictionary<string, string>(pathValues, StringComparer.Ordinal) { [name] = text };
                yield return new CorpusRequest(route, $"path {name}", httpMethod, Url(values), null, null);
            }
        }

        var queryNames = queryFields.Select(q => q.GetProperty("name").GetString()!).DefaultIfEmpty("corpus_extra");
        foreach (var name in queryNames)
        {
            foreach (var text in Sample(HostileValues.Texts, TextsPerField))
            {
                yield return new CorpusRequest(route, $"query {name}", httpMethod, Url(pathValues, $"?{name}={Escape(text)}"), null, null);
            }
        }

        if (!hasBody)
        {
            yield return new CorpusRequest(route, "malformed json on a GET", httpMethod, Url(pathValues), "application/json", Encoding.UTF8.GetBytes(HostileValues.MalformedJson[0]));
            yield break;
        }

        foreach (var (name, fieldSchema) in fields)
        {
            foreach (var text in Sample(HostileValues.Texts, TextsPerField).Append(HostileValues.OneMegabyte))
            {
                yield return Json($"body {name} text", With(baseline, name, JsonValue.Create(text)), name, text) with { MustRefuse = RuledOut(fieldSchema, JsonValue.Create(text)) };
            }

            foreach (var wrong in Sample(HostileValues.WrongTypes(), WrongTypesPerField))
            {
                yield return Json($"body {name} {Kind(wrong)}", With(baseline, name, wrong)) with { MustRefuse = RuledOut(fieldSchema, wrong) };
            }

            if (IsRequired(bodySchema, name))
            {
                var without = (JsonObject)baseline.DeepClone();
                without.Remove(name);
                yield return Json($"body {name} missing", without);
            }

            if (fieldSchema.ValueKind == JsonValueKind.Object && fieldSchema.TryGetProperty("items", out var items) && items.TryGetProperty("properties", out _))
            {
                foreach (var (itemField, _) in Properties(items))
                {
                    var text = Sample(HostileValues.Texts, 1)[0];
                    var item = (JsonObject)baseline[name]![0]!.DeepClone();
                    item[itemField] = text;
                    yield return Json($"body {name}[].{itemField} text", With(baseline, name, new JsonArray(item)), itemField, text);
                    var wrong = Sample(HostileValues.WrongTypes(), 1)[0];
                    item[itemField] = wrong?.DeepClone();
                    yield return Json($"body {name}[].{itemField} {Kind(wrong)}", With(baseline, name, new JsonArray(item.DeepClone())))
                        with { MustRefuse = RuledOut(items.GetProperty("properties").GetProperty(itemField), wrong) };
                }
            }
        }

        var extra = Sample(HostileValues.Texts, 1)[0];
        yield return Json("extra fields", With(With(baseline, "corpus_extra", JsonValue.Create(extra)), "__proto__", new JsonObject { ["admin"] = true }));
        foreach (var malformed in HostileValues.MalformedJson)
        {
            yield return new CorpusRequest(route, "malformed json", httpMethod, Url(pathValues), "application/json", Encoding.UTF8.GetBytes(malformed));
        }

        yield return new CorpusRequest(route, "invalid utf-8", httpMethod, Url(pathValues), "application/json", HostileValues.InvalidUtf8);
        var baselineText = Encoding.UTF8.GetBytes(baseline.ToJsonString());
        yield return new CorpusRequest(route, "json as text/plain", httpMethod, Url(pathValues), "text/plain", baselineText);
        yield return new CorpusRequest(route, "xml", httpMethod, Url(pathValues), "application/xml", Encoding.UTF8.GetBytes("<a><name>corpus</name></a>"));
        yield return new CorpusRequest(route, "multipart without parts", httpMethod, Url(pathValues), "multipart/form-data; boundary=corpus", Encoding.UTF8.GetBytes("garbage"));
        yield return new CorpusRequest(route, "json with a charset it is not in", httpMethod, Url(pathValues), "application/json; charset=utf-16", baselineText);
        var form = string.Join('&', fields.Select(f => $"{f.Item1}={Escape(f.Item1 == fields[0].Item1 ? "a\0b" : "corpus")}"));
        yield return new CorpusRequest(route, "form with NUL", httpMethod, Url(pathValues), "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(form));
    }

    /// <summary>Percent-encodes the UTF-8 bytes (what a client that sends any text would put into a URL).</summary>
    private static string Escape(string text) =>
        string.Concat(Encoding.UTF8.GetBytes(text).Select(b => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' ? ((char)b).ToString() : $"%{b:X2}"));

    private T[] Sample<T>(IReadOnlyList<T> pool, int count) =>
        Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Count)]).Distinct().ToArray();

    private static JsonObject With(JsonObject baseline, string name, JsonNode? value)
    {
        var copy = (JsonObject)baseline.DeepClone();
        copy[name] = value?.DeepClone();
        return copy;
    }

    /// <summary>
    /// A structure where the document says text, or anything but the documented structure: the request must be refused.
    /// Numbers and booleans stay acceptable as text (upstream's UI sends `permanent: 1`), and null counts as not given.
    /// </summary>
    private static string? RuledOut(JsonElement schema, JsonNode? wrong)
    {
        var documented = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        var given = wrong?.GetValueKind();
        var refuse = documented switch
        {
            "string" => given is JsonValueKind.Object or JsonValueKind.Array,
            "object" => given is not (null or JsonValueKind.Object),
            "array" => given is not (null or JsonValueKind.Array),
            _ => false,
        };
        return refuse ? $"the document says {documented}, the request gave {Kind(wrong)}" : null;
    }

    private static string Kind(JsonNode? node) => node?.GetValueKind().ToString().ToLowerInvariant() ?? "null";

    private static JsonElement? BodySchema(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json) ? json.GetProperty("schema") : null;

    private static List<(string, JsonElement)> Properties(JsonElement schema) =>
        schema.GetProperty("properties").EnumerateObject().Select(p => (p.Name, p.Value)).ToList();

    private static bool IsRequired(JsonElement? schema, string name) =>
        schema is { } s && s.TryGetProperty("required", out var required) && required.EnumerateArray().Any(r => r.GetString() == name);

    private string PathBaseline(string name, JsonElement parameter) => name switch
    {
        "treeid" => target.Node.ToString(CultureInfo.InvariantCulture),
        "jobuuid" => target.JobUuid,
        "id" or "parentId" => "987654321",
        "uuid" or "taskuuid" or "subtaskuuid" => "corpusnone01",
        "host" or "node" => "10.255.255.1",
        "jobname" => target.JobName,
        _ when parameter.GetProperty("schema").TryGetProperty("enum", out var values) => values[0].GetString()!,
        _ => "corpus",
    };

    /// <summary>A value the field accepts: its first enumeration value, the target's job, or a plain word.</summary>
    private JsonNode? BodyBaseline(string name, JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values))
        {
            return JsonValue.Create(values[0].GetString());
        }

        var type = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) ? t.ToString() : "string";
        return (name, type) switch
        {
            (_, "object") => new JsonObject(),
            (_, "array") when schema.TryGetProperty("items", out var items) && items.TryGetProperty("properties", out _) =>
                new JsonArray(new JsonObject(Properties(items).Select(p => KeyValuePair.Create(p.Item1, BodyBaseline(p.Item1, p.Item2))))),
            (_, "array") => new JsonArray(),
            ("jobuuid", _) => JsonValue.Create(target.JobUuid),
            ("jobname", _) => JsonValue.Create(target.JobName),
            ("uuid" or "taskuuid" or "subtaskuuid", _) => JsonValue.Create("corpusnone01"),
            ("timeout", _) => JsonValue.Create("10"),
            ("node_cont", _) => JsonValue.Create("10.255.255.1"),
            _ => JsonValue.Create("corpus"),
        };
    }

    /// <summary>The GET that lists what a write stored: the same route, or the nearest shorter one.</summary>
    private static string? ReadBack(string template, JsonElement paths, IReadOnlyDictionary<string, string> values)
    {
        for (var candidate = template; candidate.Count(c => c == '/') > 2; candidate = candidate[..candidate.LastIndexOf('/')])
        {
            if (paths.TryGetProperty(candidate, out var item) && item.TryGetProperty("get", out _))
            {
                return Fill(candidate, values);
            }
        }

        return null;
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(template, (path, pair) => path.Replace("{" + pair.Key + "}", Escape(pair.Value), StringComparison.Ordinal));
}
