using System.Text.Json;
using OpenC3.Api.Infrastructure;

namespace OpenC3.Api.Job;

/// <summary>
/// The optional `hosts` of a decision `running`: retry only these failed hosts. A JSON list of names, or one
/// comma-separated text from a form. Absent: every failed host, as upstream.
/// </summary>
public sealed record ChosenHosts(IReadOnlyList<string>? Hosts, string? Failure)
{
    /// <summary>More names than any step has hosts is a mistake, not a retry.</summary>
    public const int Max = 10_000;

    private const int MaxNameLength = 255;

    public static ChosenHosts Read(RequestParams input, string control)
    {
        if (!input.Has("hosts"))
        {
            return new(null, null);
        }

        if (control != "running")
        {
            return new(null, "check format fail hosts only go with control running");
        }

        var value = input.Values["hosts"];
        var names = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : null).ToList(),
            JsonValueKind.String => value.GetString()!.Split(',', StringSplitOptions.TrimEntries).ToList<string?>(),
            _ => [null],
        };
        var wellFormed = names.Count is > 0 and <= Max && names.All(n => n is { Length: > 0 and <= MaxNameLength } && !n.Contains('\0'));
        return wellFormed
            ? new(names.Distinct(StringComparer.Ordinal).ToList()!, null)
            : new(null, $"check format fail hosts format error: a list of 1 to {Max} host names");
    }
}
