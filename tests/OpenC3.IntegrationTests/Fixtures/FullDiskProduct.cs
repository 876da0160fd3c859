using System.Diagnostics;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>The SQLite file on a 20 MB tmpfs of its own, so a test can fill that disk.</summary>
public sealed class TmpfsSqliteFile : ProductPart
{
    public string Disk { get; } = Directory.CreateTempSubdirectory("openc3-full-disk-").FullName;

    public string File => Path.Combine(Disk, "openc3.db");

    public override async Task<Dictionary<string, string>> SettingsAsync(string workDir)
    {
        // Needs root (or CAP_SYS_ADMIN): without the mount the test would fill the machine's disk, so it fails instead.
        await RunAsync("mount", $"-t tmpfs -o size=20m tmpfs {Disk}");
        return ProductSettings.Sqlite(File);
    }

    public override async ValueTask DisposeAsync()
    {
        if (System.IO.File.ReadAllText("/proc/mounts").Contains($" {Disk} ", StringComparison.Ordinal))
        {
            await RunAsync("umount", Disk);
        }

        Directory.Delete(Disk, recursive: true);
    }

    private static async Task RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{program} {arguments}` failed ({process.ExitCode}): {error.Trim()}. The full-disk test mounts a tmpfs and must run as root.");
        }
    }
}

/// <summary>The execution product with its database on <see cref="TmpfsSqliteFile"/>.</summary>
public sealed class FullDiskProduct() : ExecutionProduct(new TmpfsSqliteFile())
{
    public string Disk => Part<TmpfsSqliteFile>().Disk;

    public string File => Part<TmpfsSqliteFile>().File;
}
