using System.Text.RegularExpressions;

namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>
/// Which job variables the steps of a job need: every `$name` and `${name}` (a letter, then at least one
/// of `[A-Za-z0-9_]`) in cmd hosts and arguments, scp hosts and paths, and approvers. A variable used only by
/// steps of one deployment environment (`test` or `online`) is tagged with it; any other is tagged ''.
/// </summary>
public static partial class VariableReferences
{
    public const string TestEnv = "test";
    public const string OnlineEnv = "online";

    /// <summary>Variable name → env tag (`test`, `online` or '').</summary>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<JobStep> steps)
    {
        var envsByName = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            var env = step.Deployenv is TestEnv or OnlineEnv ? step.Deployenv : string.Empty;
            foreach (var name in step.VariableSources().SelectMany(In))
            {
                if (!envsByName.TryGetValue(name, out var envs))
                {
                    envsByName[name] = envs = [];
                }

                envs.Add(env);
            }
        }

        return envsByName.ToDictionary(pair => pair.Key, pair => pair.Value.Count == 1 ? pair.Value.Single() : string.Empty, StringComparer.Ordinal);
    }

    /// <summary>The names referenced in one text, in order of appearance, each once.</summary>
    public static IEnumerable<string> In(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : Reference().Matches(text).Select(m => m.Groups["plain"].Success ? m.Groups["plain"].Value : m.Groups["braced"].Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"\$(?:(?<plain>[a-zA-Z][a-zA-Z0-9_]+)|\{(?<braced>[a-zA-Z][a-zA-Z0-9_]+)\})", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
