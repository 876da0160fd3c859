using System.Text.RegularExpressions;

namespace OpenC3.Grains.Approvals;

/// <summary>
/// Upstream's approval templates: `${name}` is replaced by its value; a known name without a value
/// becomes `undefind` (upstream's spelling, kept on the wire); an unknown name stays as written.
/// </summary>
public static partial class ApprovalTemplate
{
    public const string Undefined = "undefind";

    public static string Render(string template, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(template, match =>
            values.TryGetValue(match.Groups["name"].Value, out var value) ? value ?? Undefined : match.Value);

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
