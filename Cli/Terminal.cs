namespace OpenC3.Cli;

/// <summary>
/// Log text goes to stdout; the progress line to stderr, redrawn in place on a terminal and written
/// only when it changes otherwise (so a CI log stays short).
/// </summary>
public sealed class Terminal
{
    private readonly Lock gate = new();
    private readonly bool interactive = !Console.IsErrorRedirected;
    private string? shown;

    public void Log(string text)
    {
        lock (gate)
        {
            ClearProgress();
            Console.Out.Write(text);
            Console.Out.Flush();
            Redraw();
        }
    }

    public void Progress(string line)
    {
        lock (gate)
        {
            if (line == shown)
            {
                return;
            }

            ClearProgress();
            shown = line;
            if (interactive)
            {
                Redraw();
            }
            else
            {
                Console.Error.WriteLine(line);
            }
        }
    }

    public void Done(string line)
    {
        lock (gate)
        {
            ClearProgress();
            shown = null;
            Console.Error.WriteLine(line);
        }
    }

    private void ClearProgress()
    {
        if (interactive && shown is not null)
        {
            Console.Error.Write("\r\u001b[K");
        }
    }

    private void Redraw()
    {
        if (interactive && shown is not null)
        {
            Console.Error.Write(shown);
        }
    }
}
