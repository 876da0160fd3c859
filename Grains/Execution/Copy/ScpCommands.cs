using System.Text;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Execution;

/// <summary>
/// The remote shell lines of a copy. The source sends a <see cref="CopyHeader"/> line, then the file's
/// bytes or a tar stream of the directory, cut into <see cref="ChunkBytes"/> pieces by `split`, each
/// released by one newline the silo writes to the command's stdin: SSH.NET buffers whatever a channel
/// receives without limit, so the silo only ever lets a few chunks be in flight. The destination
/// writes a file to a temp name and renames it only when every byte arrived; a directory is extracted
/// in place and, when mirroring, loses what the source does not have. Everything runs as the step's
/// user (sudo when it differs from the login); chmod and chown are applied after the copy.
/// </summary>
public static partial class ScpCommands
{
    public const int ChunkBytes = 1024 * 1024;

    /// <summary>The source prints `&lt;marker&gt;&lt;exit code&gt;` on stderr when it has sent everything.</summary>
    public const string ExitMarker = "openc3-source-exit:";

    /// <summary>
    /// A destination cut short (its channel closed by a timeout or a dying silo) would otherwise die of SIGPIPE on its
    /// next message, or of the TERM sent to it, without running its EXIT trap: these signals exit, so the trap removes
    /// the temp file.
    /// </summary>
    private const string CutIsExit = "trap 'exit 1' HUP INT PIPE TERM; ";

    public static string Source(string path, string runAs, string login)
    {
        var producer =
            $"p={ShellQuote.Quote(path)}; if [ -d \"$p\" ]; then printf 'd\\n' && exec tar -C \"$p\" -cf - .; " +
            "elif [ -f \"$p\" ]; then s=$(stat -c %s -- \"$p\") && printf 'f %s %s\\n' \"$(stat -c %a -- \"$p\")\" \"$s\" && exec head -c \"$s\" -- \"$p\"; " +
            "else echo \"$p: no such file or directory\" >&2; exit 2; fi";
        return $"{{ {{ {ScriptCommand.SudoPrefix(runAs, login)}sh -c {ShellQuote.Quote(producer)}; echo \"{ExitMarker}$?\" >&2; }} " +
               $"| split -a 8 -b {ChunkBytes} --filter='IFS= read -r _ <&3 && cat'; }} 3<&0";
    }

    /// <param name="target">The destination path; an existing directory there receives the file as <paramref name="name"/>.</param>
    public static string FileTarget(string target, string name, CopyHeader header, string chown, string chmod, string runAs, string login)
    {
        var size = header.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var script = new StringBuilder()
            .Append($"d={ShellQuote.Quote(target)}; [ -d \"$d\" ] && d=\"${{d%/}}/\"{ShellQuote.Quote(name)}; ")
            .Append("p=$(dirname -- \"$d\") && mkdir -p -- \"$p\" && t=$(mktemp \"$p/.openc3-scp.XXXXXXXX\") || exit 1; trap 'rm -f -- \"$t\"' EXIT; " + CutIsExit)
            .Append($"head -c {size} > \"$t\"; n=$(wc -c < \"$t\"); ")
            .Append($"[ \"$n\" -eq {size} ] || {{ echo \"incomplete copy: $n of {size} bytes arrived\" >&2; exit 1; }}; ")
            .Append($"chmod {Mode(header.Mode)} \"$t\"")
            .Append(Finish("\"$t\"", chown, chmod, recursive: false))
            .Append(" && mv -f -- \"$t\" \"$d\" && trap - EXIT");
        return ScriptCommand.SudoPrefix(runAs, login) + "sh -c " + ShellQuote.Quote(script.ToString());
    }

    /// <param name="mirror">Delete what is at the destination but not in the archive (upstream's `scp_delete`).</param>
    public static string DirectoryTarget(string target, bool mirror, string chown, string chmod, string runAs, string login)
    {
        var script = new StringBuilder()
            .Append($"d={ShellQuote.Quote(target)}; mkdir -p -- \"$d\" && cd -- \"$d\" && l=$(mktemp) || exit 1; trap 'rm -f -- \"$l\"' EXIT; {CutIsExit}")
            .Append("tar -x --no-same-owner --quoting-style=literal -v -f - > \"$l\" || exit 1; ");
        if (mirror)
        {
            // tar lists what it extracted (directories with a trailing slash); anything else below here goes.
            script.Append("sed -i 's,/$,,' \"$l\" && find . -mindepth 1 -depth | grep -Fxv -f \"$l\" | while IFS= read -r x; do rm -rf -- \"$x\" && echo \"delete: $x\"; done; ");
        }

        script.Append("true").Append(Finish(".", chown, chmod, recursive: true));
        return ScriptCommand.SudoPrefix(runAs, login) + "sh -c " + ShellQuote.Quote(script.ToString());
    }

    /// <summary>chmod, then chown to the user and the user's group, as upstream's agent did.</summary>
    private static string Finish(string path, string chown, string chmod, bool recursive)
    {
        var flag = recursive ? "-R " : string.Empty;
        var text = new StringBuilder();
        if (chmod.Length > 0)
        {
            text.Append($" && chmod {flag}{Mode(chmod)} {path}");
        }

        if (chown.Length > 0)
        {
            text.Append($" && chown {flag}{(OwnerPattern().IsMatch(chown) ? chown : throw new ArgumentException($"invalid chown '{chown}'", nameof(chown)))}: {path}");
        }

        return text.ToString();
    }

    private static string Mode(string mode) => ModePattern().IsMatch(mode) ? mode : throw new ArgumentException($"invalid mode '{mode}'", nameof(mode));

    [GeneratedRegex("^[0-9]{1,5}$")]
    private static partial Regex ModePattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex OwnerPattern();
}
