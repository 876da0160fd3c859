using System.Text;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Execution;

/// <summary>
/// The remote shell line that runs a step's script: the body arrives on stdin into a private temp
/// file, runs with its type's interpreter (or its shebang for `auto`) as the step's user, with
/// `wk_*` variables exported, and the file is removed whatever happens.
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

    /// <param name="scriptType">shell, python, perl, php or auto.</param>
    /// <param name="arguments">The already substituted argv string; the remote shell splits it into words.</param>
    /// <param name="environment">Exported variables; names must be shell identifiers.</param>
    /// <param name="runAs">The step's user; sudo is used only when it differs from <paramref name="login"/>.</param>
    /// <param name="tag">Alphanumeric run id in the temp file name, so <see cref="Kill"/> can find the run later.</param>
    public static string Build(string scriptType, string arguments, IReadOnlyDictionary<string, string> environment, string runAs, string login, string tag)
    {
        if (!TagPattern().IsMatch(tag))
        {
            throw new ArgumentException($"invalid tag '{tag}'", nameof(tag));
        }

        if (!Interpreters.TryGetValue(scriptType, out var interpreter))
        {
            throw new ArgumentException($"no interpreter for script type '{scriptType}'", nameof(scriptType));
        }

        var sudo = !string.IsNullOrEmpty(runAs) && runAs != login;
        var run = new StringBuilder(SudoPrefix(runAs, login));

        // Its own session, so a kill reaches every process the script started.
        run.Append("setsid env");
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!NamePattern().IsMatch(name))
            {
                throw new ArgumentException($"invalid environment variable name '{name}'", nameof(environment));
            }

            run.Append(' ').Append(name).Append('=').Append(ShellQuote.Quote(value));
        }

        run.Append(' ').Append(interpreter is null ? "\"$f\"" : $"{interpreter} \"$f\"");
        if (!string.IsNullOrWhiteSpace(arguments))
        {
            run.Append(' ').Append(arguments);
        }

        // A user reached through sudo must be able to read the file; otherwise it stays private to the login.
        var mode = sudo ? "755" : "700";
        return $"f=$(mktemp /tmp/openc3.{tag}.XXXXXXXX) || exit 127; trap 'rm -f \"$f\"' EXIT; cat > \"$f\" && chmod {mode} \"$f\" && {run}";
    }

    /// <summary>The line that stops a run started by <see cref="Build"/> with the same tag: its whole process group, SIGKILL.</summary>
    public static string Kill(string runAs, string login, string tag)
    {
        if (!TagPattern().IsMatch(tag))
        {
            throw new ArgumentException($"invalid tag '{tag}'", nameof(tag));
        }

        var sudo = SudoPrefix(runAs, login);
        return $"for p in $(pgrep -f '/tmp/openc3[.]{tag}[.]'); do {sudo}kill -KILL -- -\"$(ps -o pgid= -p \"$p\" | tr -d ' ')\" 2>/dev/null; done; true";
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

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex UserPattern();

    [GeneratedRegex("^[A-Za-z0-9]{1,40}$")]
    private static partial Regex TagPattern();
}
