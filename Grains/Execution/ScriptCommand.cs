using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Execution;

/// <summary>
/// How a step's script runs on a host: a fixed wrapper run by `sh` as the step's user (`sudo -n -u`
/// when it is not the SSH login) reads stdin into a temp directory only that user can enter — first a
/// values section (`export wk_…='…'` and the argv's variable slots), then the script body — sources and
/// deletes the values, and runs the script with its type's interpreter (or its shebang for `auto`) in
/// its own session. No value ever stands on a command line, and the directory is removed whatever happens.
/// </summary>
public static partial class ScriptCommand
{
    public static readonly IReadOnlyDictionary<string, string?> Interpreters = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["shell"] = "/bin/bash",
        ["python"] = "python3",
        ["perl"] = "/usr/bin/perl",
        ["php"] = "/usr/bin/php",
        ["auto"] = null,
    };

    /// <summary>The command line and what to send on its stdin.</summary>
    public sealed record Run(string CommandText, string Stdin);

    /// <param name="scriptType">shell, python, perl, php or auto.</param>
    /// <param name="script">The script body.</param>
    /// <param name="argv">The author's argv as shell text, variables already turned into references (<see cref="ArgvSubstitution"/>).</param>
    /// <param name="argvValues">The values those references name; set in the wrapper's shell, not exported.</param>
    /// <param name="environment">Exported to the script (`wk_*`); names must be shell identifiers.</param>
    /// <param name="runAs">The step's user; sudo is used only when it differs from <paramref name="login"/>.</param>
    /// <param name="tag">Alphanumeric run id in the temp directory name, so <see cref="Kill"/> can find the run later.</param>
    public static Run Build(string scriptType, string script, string argv, IReadOnlyDictionary<string, string> argvValues, IReadOnlyDictionary<string, string> environment, string runAs, string login, string tag)
    {
        RequireTag(tag);
        if (!Interpreters.TryGetValue(scriptType, out var interpreter))
        {
            throw new ArgumentException($"no interpreter for script type '{scriptType}'", nameof(scriptType));
        }

        var values = ValuesSection(environment, argvValues);
        var length = Encoding.UTF8.GetByteCount(values).ToString(CultureInfo.InvariantCulture);
        var run = interpreter is null ? "\"$__c3_dir/s\"" : $"{interpreter} \"$__c3_dir/s\"";
        if (!string.IsNullOrWhiteSpace(argv))
        {
            run += " " + argv;
        }

        // mktemp -d makes the directory 0700 for the step's user; the trailing `exit` keeps sh from exec-ing away its EXIT
        // trap, and the signal trap still removes the directory when sh reports a killed script on a channel already closed.
        var wrapper = $"__c3_dir=$(mktemp -d /tmp/openc3.{tag}.XXXXXXXX) || exit 127; trap 'rm -rf \"$__c3_dir\"' EXIT; trap 'exit 129' HUP PIPE TERM; " +
            $"head -c {length} >\"$__c3_dir/v\" && cat >\"$__c3_dir/s\" && chmod 700 \"$__c3_dir/s\" && . \"$__c3_dir/v\" && rm -f \"$__c3_dir/v\" && " +
            $"setsid {run}; exit $?";
        return new Run(SudoPrefix(runAs, login) + "sh -c " + ShellQuote.Quote(wrapper), values + script);
    }

    /// <summary>
    /// The line that stops a run started by <see cref="Build"/> with the same tag: the process group of
    /// its script (matched by the script's path, so the wrapper survives to remove the directory), SIGKILL.
    /// </summary>
    public static string Kill(string runAs, string login, string tag)
    {
        RequireTag(tag);
        var sudo = SudoPrefix(runAs, login);
        return $"for p in $(pgrep -f '/tmp/openc3[.]{tag}[.][A-Za-z0-9]+/s'); do {sudo}kill -KILL -- -\"$(ps -o pgid= -p \"$p\" | tr -d ' ')\" 2>/dev/null; done; true";
    }

    /// <summary>`sudo -n -u &lt;user&gt; ` when the step's user is not the SSH login, else nothing.</summary>
    internal static string SudoPrefix(string runAs, string login)
    {
        if (string.IsNullOrEmpty(runAs) || runAs == login)
        {
            return string.Empty;
        }

        return UserPattern().IsMatch(runAs) ? $"sudo -n -u {runAs} " : throw new ArgumentException($"invalid user '{runAs}'", nameof(runAs));
    }

    private static string ValuesSection(IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string> argvValues)
    {
        var section = new StringBuilder();
        foreach (var (exported, values) in new[] { (true, environment), (false, argvValues) })
        {
            foreach (var (name, value) in values.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (!NamePattern().IsMatch(name))
                {
                    throw new ArgumentException($"invalid variable name '{name}'", nameof(environment));
                }

                section.Append(exported ? "export " : string.Empty).Append(name).Append('=').Append(ShellQuote.Quote(value)).Append('\n');
            }
        }

        return section.ToString();
    }

    private static void RequireTag(string tag)
    {
        if (!TagPattern().IsMatch(tag))
        {
            throw new ArgumentException($"invalid tag '{tag}'", nameof(tag));
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex UserPattern();

    [GeneratedRegex("^[A-Za-z0-9]{1,40}$")]
    private static partial Regex TagPattern();
}
