using System.Diagnostics;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>Processes on the sshd farm (all its hosts share this machine), found by their command lines.</summary>
public static class FarmProcesses
{
    /// <summary>How many processes' command lines match <paramref name="pattern"/> (`pgrep -f`, an extended regex).</summary>
    public static int Count(string pattern)
    {
        using var pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-f", pattern]) { RedirectStandardOutput = true })!;
        var pids = pgrep.StandardOutput.ReadToEnd();
        pgrep.WaitForExit();
        return pids.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
