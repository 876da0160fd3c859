using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Execution;

/// <summary>
/// How a step's script runs on a host: a fixed wrapper run by `sh` as the step's user (`sudo -n -u`
/// when it is not the SSH login) reads its stdin — first a values section (`export wk_…='…'` and the argv's
/// variable slots), kept in the wrapper's memory only, then the script body, into a temp directory only that
/// user can enter — evaluates the values, and runs the script with its type's interpreter (or its shebang for
/// `auto`) in its own session, announced on the first line of stdout (<see cref="RemoteSession"/>) so the run can be
/// stopped whole (<see cref="Stop"/>) whatever it execs or leaves running. No value ever stands on a command
/// line, and the directory is removed whatever happens.
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

    /// <summary>Sets `__c3_st` to the 20th of its arguments (a /proc stat line after the command name: the start time), else 0.</summary>
    private const string StartTicksFunction = "__c3_t() { __c3_st=0; [ $# -ge 20 ] && shift 19 && __c3_st=$1; }; ";

    /// <summary>
    /// Run by `setsid`, so its pid is the new session's (and process group's) id: announces it, then becomes the script.
    /// </summary>
    private const string Launcher = StartTicksFunction +
        "__c3_s=; read -r __c3_s 2>/dev/null </proc/$$/stat; __c3_t ${__c3_s##*) }; printf '" + RemoteSession.AnnouncementPrefix + "%s %s\\n' \"$$\" \"$__c3_st\"; exec \"$@\"";

    /// <summary>The run id of a step's runs in their temp directories' names, by which <see cref="StopByTag"/> finds them.</summary>
    public static string Tag(string taskUuid, string stepUuid) => taskUuid + stepUuid;

    /// <summary>The command line and what to send on its stdin.</summary>
    public sealed record Run(string CommandText, string Stdin);

    /// <param name="scriptType">shell, python, perl, php or auto.</param>
    /// <param name="script">The script body.</param>
    /// <param name="argv">The author's argv as shell text, variables already turned into references (<see cref="ArgvSubstitution"/>).</param>
    /// <param name="argvValues">The values those references name; set in the wrapper's shell, not exported.</param>
    /// <param name="environment">Exported to the script (`wk_*`); names must be shell identifiers.</param>
    /// <param name="runAs">The step's user; sudo is used only when it differs from <paramref name="login"/>.</param>
    /// <param name="tag">Alphanumeric run id in the temp directory name.</param>
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
        // The wrapper stays outside the script's session, so stopping that session leaves it to clean up. The values never
        // touch the disk, and only a script run by its shebang is made executable: every process forked here costs each run.
        var executable = interpreter is null ? "chmod 700 \"$__c3_dir/s\" && " : string.Empty;
        var wrapper = $"__c3_dir=$(mktemp -d /tmp/openc3.{tag}.XXXXXXXX) || exit 127; trap 'rm -rf \"$__c3_dir\"' EXIT; trap 'exit 129' HUP PIPE TERM; " +
            $"__c3_v=$(head -c {length} -) && cat >\"$__c3_dir/s\" && {executable}eval \"$__c3_v\" && unset __c3_v && " +
            $"setsid sh -c {ShellQuote.Quote(Launcher)} sh {run}; exit $?";
        return new Run(SudoPrefix(runAs, login) + "sh -c " + ShellQuote.Quote(wrapper), values + script);
    }

    /// <summary>
    /// The line that stops a run started by <see cref="Build"/> on its host: TERM to its whole session (and process
    /// group), then KILL to whatever is left after <paramref name="grace"/>, as the step's user. Nothing is signalled
    /// when the session's leader pid now belongs to another process (the run ended and the pid was reused).
    /// Processes that left the session on purpose (`setsid`, daemons) are the script's business.
    /// </summary>
    public static string Stop(string runAs, string login, RemoteSession session, TimeSpan grace)
    {
        var stop = string.Create(CultureInfo.InvariantCulture, $"s={session.Id}; t={session.StartTicks}; ") + StartTicksFunction +
            "if [ \"$t\" != 0 ] && read -r l 2>/dev/null </proc/$s/stat; then __c3_t ${l##*) }; [ \"$__c3_st\" = \"$t\" ] || exit 0; fi; " +
            "kill -TERM -- -$s 2>/dev/null; pkill -TERM -s $s 2>/dev/null; " +
            GraceWhile("pgrep -s $s >/dev/null 2>&1", grace) +
            "kill -KILL -- -$s 2>/dev/null; pkill -KILL -s $s 2>/dev/null; true";
        return SudoPrefix(runAs, login) + "sh -c " + ShellQuote.Quote(stop);
    }

    /// <summary>
    /// The line that stops runs of the step tagged <paramref name="tag"/> whose sessions were never recorded (their silo
    /// died first): the sessions led by the children of the run's wrapper, found by the tag in the wrapper's command
    /// line; TERM, then KILL after <paramref name="grace"/>, as the step's user.
    /// </summary>
    public static string StopByTag(string runAs, string login, string tag, TimeSpan grace)
    {
        RequireTag(tag);
        var stop = $"ss=$(for w in $(pgrep -f 'openc3[.]{tag}[.]XXXXXXXX'); do pgrep -P \"$w\"; done); [ -n \"$ss\" ] || exit 0; " +
            "for s in $ss; do kill -TERM -- -$s 2>/dev/null; pkill -TERM -s $s 2>/dev/null; done; " +
            GraceWhile("for s in $ss; do pgrep -s $s; done | grep -q .", grace) +
            "for s in $ss; do kill -KILL -- -$s 2>/dev/null; pkill -KILL -s $s 2>/dev/null; done; true";
        return SudoPrefix(runAs, login) + "sh -c " + ShellQuote.Quote(stop);
    }

    /// <summary>
    /// Waits while <paramref name="condition"/> holds, for at most <paramref name="grace"/> of wall-clock time: a background
    /// `sleep` is the clock, since on a loaded host each `pgrep` (a scan of /proc) can take most of a second, and counting
    /// rounds would stretch the grace many times over before the KILL.
    /// </summary>
    private static string GraceWhile(string condition, TimeSpan grace) =>
        string.Create(CultureInfo.InvariantCulture, $"sleep {grace.TotalSeconds:0.###} & __c3_g=$!; ") +
        $"while kill -0 $__c3_g 2>/dev/null && {condition}; do sleep 0.1; done; kill $__c3_g 2>/dev/null; ";

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
