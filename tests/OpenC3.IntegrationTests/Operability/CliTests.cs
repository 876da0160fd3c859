using System.Diagnostics;
using System.Security.Cryptography;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Operability;

/// <summary>The built `c3` command as a user runs it, against the running product and the sshd farm.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(SharedProducts.SqliteExecution)]
public sealed class CliTests(ExecutionProduct product) : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("openc3-c3-home-").FullName;

    [Fact]
    public async Task Login_ThenRunWithFollow_ExitsZero_ShowingEveryHostsOutputAndProgress()
    {
        await LoginAsync();
        var session = Path.Combine(home, ".config", "c3", "session");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(session));
        Assert.DoesNotContain(EmbeddedProduct.AdminPassword, await File.ReadAllTextAsync(session), StringComparison.Ordinal);

        using var app = product.App();
        var hosts = TestServers.SshHosts.Skip(2).Take(3).ToList();
        await CreateJobAsync(app, 0, "cli-ok", Cmd("cli-ok-step", hosts, "echo \"hello $1 from $(echo $SSH_CONNECTION | cut -d' ' -f3)\"", "$who"));

        var run = await C3Async(null, "run", "--tree", "0", "--job", "cli-ok", "-v", "who=world", "--follow", "--timeout", "120");
        Assert.True(run.Exit == 0, run.ToString());
        Assert.All(hosts, host => Assert.Contains($"hello world from {host}", run.Stdout, StringComparison.Ordinal));
        Assert.Contains("3 done, 0 failed, 0 running", run.Stderr, StringComparison.Ordinal);
        var uuid = run.Stdout.Split('\n')[0].Trim();
        Assert.Matches("^[A-Za-z0-9]{11}[a-z]$", uuid);
        Assert.Contains($"task {uuid} success", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("open-c3", (await app.GetAsync($"/api/job/task/0/{uuid}")).Data().GetProperty("user").GetString());
    }

    [Fact]
    public async Task RunOfAFailingJob_ExitsOne()
    {
        await LoginAsync();
        using var app = product.App();
        await CreateJobAsync(app, 0, "cli-fail", Cmd("cli-fail-step", [TestServers.SshHosts[5]], "echo about to fail; exit 3"));

        // `_exit_` makes the failed step end the task instead of waiting for a decision.
        var run = await C3Async(null, "run", "--tree", "0", "--job", "cli-fail", "-v", "_exit_=1", "--follow", "--timeout", "120");
        Assert.True(run.Exit == 1, run.ToString());
        Assert.Contains("about to fail", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 done, 1 failed, 0 running", run.Stderr, StringComparison.Ordinal);

        var unknown = await C3Async(null, "run", "--tree", "0", "--job", "no-such-job");
        Assert.True(unknown.Exit == 1, unknown.ToString());
        Assert.Contains("nofind job no-such-job", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadWithAToken_StoresTheFile_DownloadSavesItBack_AndAWrongTokenExitsOne()
    {
        using var app = product.App();
        var token = (await app.PostAsync("/api/job/token/0", new { describe = "c3 upload", isjob = 0, jobname = string.Empty })).GetProperty("token").GetString()!;
        var file = Path.Combine(home, $"artifact-{Guid.NewGuid():N}.tar");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(300_000));

        var upload = await C3Async(null, "upload", "--url", product.BaseUrl, "--token", token, "--tree", "0", file);
        Assert.True(upload.Exit == 0, upload.ToString());
        var listed = (await app.GetAsync("/api/job/fileserver/0")).Data().EnumerateArray().Single(f => f.GetProperty("name").GetString() == Path.GetFileName(file));
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(await File.ReadAllBytesAsync(file))), listed.GetProperty("md5").GetString());

        await LoginAsync();
        var saved = Path.Combine(home, "saved.tar");
        var download = await C3Async(null, "download", "--tree", "0", Path.GetFileName(file), "--out", saved);
        Assert.True(download.Exit == 0, download.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(saved));
        var missing = await C3Async(null, "download", "--tree", "0", "no-such-file.tar", "--out", saved);
        Assert.True(missing.Exit == 1, missing.ToString());
        Assert.Contains("notfind the file", missing.Stderr, StringComparison.Ordinal);

        var refused = await C3Async(null, "upload", "--url", product.BaseUrl, "--token", new string('Z', 32), "--tree", "0", file);
        Assert.True(refused.Exit == 1, refused.ToString());
        Assert.Contains("not authorized", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_DecidesARowWithoutLogin_AndADecidedRowExitsOne()
    {
        using var app = product.App();
        var (approver, browser) = await NamedUserAsync(product, null, 0);
        using var approverClient = browser;
        var started = (await app.PostAsync("/api/job/task/0/plugin_approval", new
        {
            name = "cli-approve", cont = "please", approver, deployenv = "always", action = "always", batches = "always", everyone = "off",
        })).Data();
        var task = started.GetProperty("uuid").GetString()!;
        var row = await Eventually.WaitAsync(
            async () => (await approverClient.GetAsync("/api/job/approval")).Data().EnumerateArray().ToList(),
            rows => rows.Count > 0,
            TimeSpan.FromSeconds(30),
            "the approver's row");

        var uuid = row[0].GetProperty("uuid").GetString()!;
        var agree = await C3Async(null, "approve", uuid, "agree", "--url", product.BaseUrl);
        Assert.True(agree.Exit == 0, agree.ToString());
        await Eventually.WaitAsync(
            async () => (await app.GetAsync($"/api/job/task/0/{task}")).Data().GetProperty("status").GetString(),
            status => status == "success",
            TimeSpan.FromSeconds(60),
            $"task {task} to pass its approval");

        var again = await C3Async(null, "approve", uuid, "refuse", "--url", product.BaseUrl);
        Assert.True(again.Exit == 1, again.ToString());
        Assert.Contains("decided already", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpAndBadUsage_ExitZeroAndTwo()
    {
        var help = await C3Async(null, "--help");
        Assert.True(help.Exit == 0, help.ToString());
        Assert.Contains("c3 run --tree N --job NAME", help.Stdout, StringComparison.Ordinal);

        var bad = await C3Async(null, "run", "--tree", "zero", "--job", "x");
        Assert.True(bad.Exit == 2, bad.ToString());
        Assert.Contains("--tree wants a tree node id", bad.Stderr, StringComparison.Ordinal);

        var wrongPassword = await C3Async("wrong-password", "login", "--url", product.BaseUrl, "--user", "open-c3");
        Assert.True(wrongPassword.Exit == 1, wrongPassword.ToString());
    }

    public void Dispose() => Directory.Delete(home, recursive: true);

    private async Task LoginAsync()
    {
        var login = await C3Async(EmbeddedProduct.AdminPassword, "login", "--url", product.BaseUrl, "--user", "open-c3");
        Assert.True(login.Exit == 0, login.ToString());
    }

    private async Task<C3Run> C3Async(string? password, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Output("Cli"), "c3.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = home;
        info.Environment.Remove("XDG_CONFIG_HOME");
        info.Environment.Remove("C3_APPNAME");
        info.Environment.Remove("C3_APPKEY");
        if (password is not null)
        {
            info.Environment["C3_PASSWORD"] = password;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"c3 {string.Join(' ', args)} did not end within 180 s");
        }

        return new C3Run(process.ExitCode, await stdout, await stderr);
    }

    private sealed record C3Run(int Exit, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {Exit}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }
}
