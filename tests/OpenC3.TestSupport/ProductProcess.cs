using System.Diagnostics;
using System.Text;

namespace OpenC3.TestSupport;

/// <summary>
/// The real product as its own OS process (`OpenC3.Api.dll` or `OpenC3.Silo.dll`), configured only
/// through environment variables, so tests can kill -9 it and start it again on the same storage.
/// </summary>
public sealed class ProductProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProductProcess(string project, string assembly, IReadOnlyDictionary<string, string> settings, string workDir)
    {
        var binaries = RepoPaths.Output(project);
        var info = new ProcessStartInfo("dotnet", Path.Combine(binaries, assembly))
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_CONTENTROOT"] = binaries;
        info.Environment["DOTNET_CONTENTROOT"] = binaries;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"{assembly} exited with {process.ExitCode}:\n{Log}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Log
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Starts the API host (embedded silo or client, per settings) and waits until it is ready (90 s unless <paramref name="startTimeout"/>).</summary>
    public static async Task<ProductProcess> StartApiAsync(IReadOnlyDictionary<string, string> settings, string workDir, TimeSpan? startTimeout = null)
    {
        var product = LaunchApi(settings, workDir);
        await product.WaitStartedAsync(startTimeout ?? DefaultStartTimeout);
        return product;
    }

    public static async Task<ProductProcess> StartSiloAsync(IReadOnlyDictionary<string, string> settings, string workDir)
    {
        var product = LaunchSilo(settings, workDir);
        await product.WaitStartedAsync(DefaultStartTimeout);
        return product;
    }

    /// <summary>Starts the API host without waiting for it (e.g. before anything it needs is there).</summary>
    public static ProductProcess LaunchApi(IReadOnlyDictionary<string, string> settings, string workDir) => new("Api", "OpenC3.Api.dll", settings, workDir);

    /// <summary>Starts a silo without waiting for it.</summary>
    public static ProductProcess LaunchSilo(IReadOnlyDictionary<string, string> settings, string workDir) => new("Silo", "OpenC3.Silo.dll", settings, workDir);

    /// <summary>kill -9: no shutdown hooks, exactly like a machine dying.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    /// <summary>Waits for "Application started"; kills the process and fails when it does not come in time or the process exits.</summary>
    public async Task WaitStartedAsync(TimeSpan startTimeout)
    {
        var timeout = Task.Delay(startTimeout);
        if (await Task.WhenAny(started.Task, timeout) == timeout)
        {
            await KillAsync();
            throw new TimeoutException($"Process did not start within {startTimeout.TotalSeconds:0} s:\n{Log}");
        }

        await started.Task;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            started.TrySetResult();
        }
    }
}
