using System.Globalization;

namespace OpenC3.IntegrationTests.Resources;

/// <summary>
/// How far a process's peak resident memory rose during a test (Linux: the peak is reset through
/// `/proc/&lt;pid&gt;/clear_refs` and read from `VmHWM`), to show a large transfer was streamed, not buffered.
/// </summary>
public sealed class PeakMemory
{
    private readonly int pid;
    private readonly long start;

    private PeakMemory(int pid)
    {
        this.pid = pid;
        File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        start = Read("VmRSS");
    }

    public static PeakMemory Of(int pid) => new(pid);

    public long GrowthBytes() => Read("VmHWM") - start;

    private long Read(string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
