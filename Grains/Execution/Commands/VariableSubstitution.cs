using System.Text.RegularExpressions;

namespace OpenC3.Grains.Execution;

/// <summary>
/// Upstream's `$name` / `${name}` substitution (name: a letter, then at least one of [A-Za-z0-9_]).
/// Task values win over the job's defaults; empty values never substitute; anything left unresolved
/// is an error `variable undef:&lt;names&gt;`. Values are inserted as they are: for text that a shell
/// parses, use <see cref="ArgvSubstitution"/>.
/// </summary>
public static partial class VariableSubstitution
{
    public sealed record Outcome(string Text, IReadOnlyList<string> Undefined)
    {
        public string? Error => UndefinedError(Undefined);
    }

    public static Outcome Apply(string text, IReadOnlyDictionary<string, string> taskValues, IReadOnlyDictionary<string, string> jobDefaults)
    {
        var undefined = new List<string>();
        var result = Reference().Replace(text, match =>
        {
            var name = NameOf(match);
            var value = Resolve(name, taskValues, jobDefaults);
            if (value is null)
            {
                NoteUndefined(undefined, name);
                return match.Value;
            }

            return value;
        });
        return new Outcome(result, undefined);
    }

    internal static string? UndefinedError(IReadOnlyList<string> undefined) =>
        undefined.Count == 0 ? null : $"variable undef:{string.Join(',', undefined)}";

    /// <summary>The reference starting exactly at <paramref name="index"/>, if one does.</summary>
    internal static Match ReferenceAt(string text, int index) => AnchoredReference().Match(text, index);

    internal static string NameOf(Match reference) =>
        reference.Groups["braced"].Success ? reference.Groups["braced"].Value : reference.Groups["bare"].Value;

    internal static void NoteUndefined(List<string> undefined, string name)
    {
        if (!undefined.Contains(name, StringComparer.Ordinal))
        {
            undefined.Add(name);
        }
    }

    internal static string? Resolve(string name, IReadOnlyDictionary<string, string> taskValues, IReadOnlyDictionary<string, string> jobDefaults)
    {
        if (taskValues.TryGetValue(name, out var fromTask) && fromTask.Length > 0)
        {
            return fromTask;
        }

        return jobDefaults.TryGetValue(name, out var fromJob) && fromJob.Length > 0 ? fromJob : null;
    }

    private const string Pattern = @"\$\{(?<braced>[A-Za-z][A-Za-z0-9_]+)\}|\$(?<bare>[A-Za-z][A-Za-z0-9_]+)\b";

    [GeneratedRegex(Pattern)]
    private static partial Regex Reference();

    [GeneratedRegex(@"\G(?:" + Pattern + ")")]
    private static partial Regex AnchoredReference();
}
