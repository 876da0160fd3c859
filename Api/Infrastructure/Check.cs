using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// Upstream's field validation (`Format.pm`): fields are checked in declared order, the first failure
/// wins, and the message is one of `&lt;field&gt; undef`, `&lt;field&gt; format error &lt;regex&gt;`,
/// `&lt;field&gt; format error`, `&lt;field&gt; need in a,b,c`, all prefixed `check format fail `.
/// A NUL character is a format error in every field checked here, whatever its pattern: no name or text of ours
/// carries one, and C strings (shells, logs, drivers) would cut the value short.
/// </summary>
public sealed class Check(RequestParams input)
{
    private string? failure;

    public string? Failure => failure is null ? null : $"check format fail {failure}";

    /// <summary>The failure without the prefix, for routes that word it differently (`check data format fail …`).</summary>
    public string? Reason => failure;

    public Check Required(string field, string pattern) => Field(field, pattern, required: true);

    public Check Optional(string field, string pattern) => Field(field, pattern, required: false);

    public Check RequiredIn(string field, params string[] allowed) => Enum(field, allowed, required: true);

    public Check OptionalIn(string field, params string[] allowed) => Enum(field, allowed, required: false);

    /// <summary>Upstream's "no single quote" rule, reported without a regex.</summary>
    public Check NoQuote(string field, bool required)
    {
        if (failure is not null || Structured(field))
        {
            return this;
        }

        var value = input.Text(field);
        if (value is null)
        {
            failure = required ? $"{field} undef" : null;
        }
        else if (value.Contains('\'') || value.Contains('\0'))
        {
            failure = $"{field} format error";
        }

        return this;
    }

    /// <summary>A field that must be a map (a JSON object) when given, e.g. a start request's `variable`; null counts as not given.</summary>
    public Check OptionalMap(string field)
    {
        if (failure is null && input.Values.TryGetValue(field, out var value) && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            failure = $"{field} format error";
        }

        return this;
    }

    /// <summary>A limit of our own (upstream relied on MySQL): checked only when the field is present and the checks before it passed.</summary>
    public Check MaxLength(string field, int max)
    {
        if (failure is null && input.Text(field) is { } value && value.Length > max)
        {
            failure = $"{field} too long, at most {max} characters";
        }

        return this;
    }

    /// <summary>Renders a .NET pattern the way Perl stringifies a compiled regex, as upstream prints it.</summary>
    public static string PerlRegex(string pattern) => $"(?^:{pattern})";

    /// <summary>A list or map where text is checked is a format error: upstream's Perl saw a reference there, never the text.</summary>
    private bool Structured(string field)
    {
        if (input.Values.TryGetValue(field, out var value) && value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            failure = $"{field} format error";
        }

        return failure is not null;
    }

    private Check Field(string field, string pattern, bool required)
    {
        if (failure is not null || Structured(field))
        {
            return this;
        }

        var value = input.Text(field);
        if (value is null)
        {
            failure = required ? $"{field} undef" : null;
        }
        else if (value.Contains('\0') || !Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            failure = $"{field} format error {PerlRegex(pattern)}";
        }

        return this;
    }

    private Check Enum(string field, string[] allowed, bool required)
    {
        if (failure is not null || Structured(field))
        {
            return this;
        }

        var value = input.Text(field);
        if (value is null)
        {
            failure = required ? $"{field} undef" : null;
        }
        else if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            failure = $"{field} need in {string.Join(',', allowed)}";
        }

        return this;
    }
}
