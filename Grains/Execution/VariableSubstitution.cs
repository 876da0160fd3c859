using System.Text.RegularExpressions;

namespace OpenC3.Grains.Execution;

/// <summary>
/// Upstream's `$name` / `${name}` substitution (name: a letter, then at least one of [A-Za-z0-9_]).
/// Task values win over the job's defaults; empty values never substitute; anything left unresolved
/// is an error `variable undef:&lt;names&gt;`.
/// </summary>
public static partial class VariableSubstitution
{
    public sealed record Outcome(string Text, IReadOnlyList<string> Undefined)
    {
        public string? Error => Undefined.Count == 0 ? null : $"variable undef:{string.Join(',', Undefined)}";
    }

    /// <param name="quote">Shell-quote substituted values (for argv), so a value can never inject shell syntax.</param>
    public static Outcome Apply(string text, IReadOnlyDictionary<string, string> taskValues, IReadOnlyDictionary<string, string> jobDefaults, bool quote)
    {
        var undefined = new List<string>();
        var result = Reference().Replace(text, match =>
        {
            var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["bare"].Value;
            var value = Resolve(name, taskValues, jobDefaults);
            if (value is null)
            {
                if (!undefined.Contains(name, StringComparer.Ordinal))
                {
                    undefined.Add(name);
                }

                return match.Value;
            }

            return quote ? ShellQuote.Quote(value) : value;
        });
        return new Outcome(result, undefined);
    }

    private static string? Resolve(string name, IReadOnlyDictionary<string, string> taskValues, IReadOnlyDictionary<string, string> jobDefaults)
    {
        if (taskValues.TryGetValue(name, out var fromTask) && fromTask.Length > 0)
        {
            return fromTask;
        }

        return jobDefaults.TryGetValue(name, out var fromJob) && fromJob.Length > 0 ? fromJob : null;
    }

    [GeneratedRegex(@"\$\{(?<braced>[A-Za-z][A-Za-z0-9_]+)\}|\$(?<bare>[A-Za-z][A-Za-z0-9_]+)\b")]
    private static partial Regex Reference();
}
