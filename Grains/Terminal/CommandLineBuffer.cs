using System.Text;

namespace OpenC3.Grains.Terminal;

/// <summary>
/// Rebuilds the command lines a user types from raw keystrokes: printable characters are kept up to Enter,
/// Backspace removes the last one, Ctrl-U and Ctrl-C drop the line, Ctrl-W the last word, and escape sequences
/// (arrow keys, function keys) are skipped. What the shell itself adds is not seen: tab completion and history
/// recall (arrows, Ctrl-R) are recorded as the keys typed, not as the line the shell ran.
/// </summary>
public sealed class CommandLineBuffer
{
    /// <summary>A paste longer than this is kept to its start.</summary>
    public const int MaxLine = 4096;

    private readonly StringBuilder line = new();
    private Escape escape;

    private enum Escape
    {
        None,
        Started,
        Sequence,
        SingleShift,
    }

    /// <summary>The lines completed by <paramref name="keys"/>, without blank ones.</summary>
    public IReadOnlyList<string> Feed(string keys)
    {
        var completed = new List<string>();
        foreach (var key in keys)
        {
            if (escape != Escape.None)
            {
                escape = NextEscapeState(key);
                continue;
            }

            switch (key)
            {
                case '\r' or '\n':
                    if (line.ToString().Trim() is { Length: > 0 } text)
                    {
                        completed.Add(text);
                    }

                    line.Clear();
                    break;
                case '\x7f' or '\b':
                    RemoveLast();
                    break;
                case '\x15' or '\x03':
                    line.Clear();
                    break;
                case '\x17':
                    RemoveLastWord();
                    break;
                case '\x1b':
                    escape = Escape.Started;
                    break;
                default:
                    if (!char.IsControl(key) && line.Length < MaxLine)
                    {
                        line.Append(key);
                    }

                    break;
            }
        }

        return completed;
    }

    /// <summary>CSI (`ESC [ … final`), SS3 (`ESC O x`) and two-character sequences (`ESC x`).</summary>
    private Escape NextEscapeState(char key) => escape switch
    {
        Escape.Started => key switch
        {
            '[' => Escape.Sequence,
            'O' => Escape.SingleShift,
            _ => Escape.None,
        },
        Escape.Sequence => key is >= '@' and <= '~' ? Escape.None : Escape.Sequence,
        _ => Escape.None,
    };

    private void RemoveLast()
    {
        if (line.Length == 0)
        {
            return;
        }

        var cut = line.Length > 1 && char.IsLowSurrogate(line[^1]) && char.IsHighSurrogate(line[^2]) ? 2 : 1;
        line.Length -= cut;
    }

    private void RemoveLastWord()
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ')
        {
            end--;
        }

        while (end > 0 && line[end - 1] != ' ')
        {
            end--;
        }

        line.Length = end;
    }
}
