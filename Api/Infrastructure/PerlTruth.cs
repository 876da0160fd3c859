using System.Text.Json;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// Upstream decides flags (`permanent`, `empty`, `scp_delete` …) by Perl truth: absent, null, false,
/// empty text and `0` are false, anything else is true.
/// </summary>
public static class PerlTruth
{
    public static bool IsTrue(RequestParams input, string name) =>
        input.Values.TryGetValue(name, out var value) && IsTrue(value);

    public static bool IsTrue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.String => value.GetString() is not ("" or "0"),
        JsonValueKind.Number => value.GetRawText() is not ("0" or "0.0"),
        _ => true,
    };
}
