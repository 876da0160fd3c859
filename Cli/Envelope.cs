using System.Text.Json;

namespace OpenC3.Cli;

/// <summary>Reading upstream's `{stat, data, info, code}` reply.</summary>
public static class Envelope
{
    public static bool Ok(this JsonElement reply) =>
        reply.ValueKind == JsonValueKind.Object && reply.TryGetProperty("stat", out var stat) && stat.ValueKind == JsonValueKind.True;

    /// <summary>Why the server said no, in words a user can act on.</summary>
    public static string Why(this JsonElement reply) =>
        reply.ValueKind != JsonValueKind.Object ? reply.ToString()
        : reply.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() == 10000 ? "not logged in (run `c3 login`, or set C3_APPNAME and C3_APPKEY)"
        : reply.TryGetProperty("info", out var info) ? info.ToString()
        : reply.ToString();

    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
}
