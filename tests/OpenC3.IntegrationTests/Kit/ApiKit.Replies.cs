using System.Globalization;
using System.Text.Json;

namespace OpenC3.IntegrationTests.Kit;

/// <summary>
/// What the integration tests do around the API, in one place: reading replies (here), step bodies,
/// runs, users and nodes, the product's database, multipart bodies.
/// </summary>
public static partial class ApiKit
{
    public const string J = "/api/job";
    private const string C = "/api/connector";

    public static string Today => DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Yesterday => DateTime.Now.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Tomorrow => DateTime.Now.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool Stat(this JsonElement reply) => reply.GetProperty("stat").GetBoolean();

    /// <summary>The `info` of a reply, when it has one.</summary>
    public static string? Info(this JsonElement reply) => reply.TryGetProperty("info", out var info) ? info.GetString() : null;

    /// <summary>The `info` of a refusal (`stat:false`); fails the test with the whole reply otherwise.</summary>
    public static string Refusal(JsonElement reply)
    {
        Assert.False(reply.Stat(), reply.ToString());
        return reply.GetProperty("info").GetString()!;
    }

    /// <summary>The `data` of a successful reply; fails the test with the whole reply otherwise.</summary>
    public static JsonElement Data(this JsonElement reply)
    {
        Assert.True(reply.Stat(), reply.ToString());
        return reply.GetProperty("data");
    }

    /// <summary>A successful reply that carries no data (`{stat:true}`), as upstream's bulk variable update answers.</summary>
    public static void Ok(JsonElement reply) => Assert.True(reply.Stat(), reply.ToString());

    public static List<JsonElement> Rows(this JsonElement reply) => reply.Data().EnumerateArray().ToList();

    public static string Text(this JsonElement row, string field) => row.GetProperty(field).GetString()!;

    public static IEnumerable<string> Names(JsonElement rows) => rows.EnumerateArray().Select(r => r.GetProperty("name").GetString()!);

    public static string Reason(this JsonElement task) => task.GetProperty("reason").GetString() ?? string.Empty;

    public static string Status(this JsonElement row) => row.GetProperty("status").GetString() ?? "null";

    /// <summary>How often <paramref name="what"/> occurs in <paramref name="text"/>.</summary>
    public static int Count(this string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
