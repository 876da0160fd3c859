namespace OpenC3.Bench;

/// <summary>Scenario 2's job: cmd `true`, scp of `--file` (uploaded to the file server first) to `--dir`, cmd `true`.</summary>
public static class ThreeStepJob
{
    public sealed record Result(string JobUuid);

    public static async Task<Result> CreateAsync(Options options)
    {
        using var api = new BenchApi(options);
        var file = options.Text("file");
        var name = Path.GetFileName(file);
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StreamContent(File.OpenRead(file)), "file", name);
            await BenchApi.ReadAsync(await api.Http.PostAsync("fileserver/0", form));
        }

        var hosts = options.Text("hosts");
        var user = options.Text("user");
        object Cmd(string step) => new
        {
            plugin_type = "cmd", name = step, user, node_type = "builtin", node_cont = hosts,
            scripts_type = "shell", scripts_cont = "true", scripts_argv = string.Empty, timeout = "600",
        };
        var copy = new
        {
            plugin_type = "scp", name = "copy", user, src_type = "fileserver", src = string.Empty, sp = name,
            dst_type = "builtin", dst = hosts, dp = options.Text("dir").TrimEnd('/') + "/", timeout = "600",
        };
        var reply = await api.PostAsync("jobs/0", new { name = options.Text("name"), permanent = 1, data = new[] { Cmd("before"), copy, Cmd("after") } });
        return new Result(reply.GetProperty("uuid").GetString()!);
    }
}
