using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OpenC3.Cli;

/// <summary>The `c3` commands; each returns its exit code (see <see cref="ExitCodes"/>).</summary>
public static partial class Commands
{
    public const string Usage = """
        c3 — the OpenC3 API from a shell

          c3 login --url URL --user NAME
              password from $C3_PASSWORD, else asked for; the session is kept in ~/.config/c3/session (0600)
          c3 run --tree N --job NAME [-v name=value ...] [--uuid UUID] [--follow] [--timeout SECONDS] [--url URL]
              start a job by name; with --follow tail its logs until it ends, with a progress line on stderr
              (hosts done / failed / running); exit 0 success, 1 fail, 2 refuse or any other trouble
          c3 upload --token TOKEN --tree N FILE [--url URL]
              upload FILE to the tree node's file server with an upload token (md5 checked by the server)
          c3 download --tree N NAME [--out FILE] [--url URL]
              save the tree node's file NAME from the file server (to ./NAME unless --out)
          c3 approve UUID agree|refuse [--url URL]
              decide an approval by its uuid (no login needed)
          c3 --help

        Instead of a session, C3_APPNAME and C3_APPKEY act as an application (headers appname/appkey).
        Exit codes: 0 done, 1 refused by the server (or the task failed), 2 usage or connection trouble.
        """;

    public static async Task<int> LoginAsync(IReadOnlyList<string> args)
    {
        var options = Arguments.Parse(args).Only("url", "user");
        var site = ApiConnection.ParseUrl(options.Required("url"));
        var user = options.Required("user");
        var password = Environment.GetEnvironmentVariable("C3_PASSWORD") is { Length: > 0 } given ? given : Prompt.Password($"password for {user}: ");
        var cookies = new System.Net.CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = site };
        var reply = await ApiConnection.ReadAsync(await http.PostAsJsonAsync("api/connector/default/user/login", new { user, pass = password }));
        if (!reply.Ok())
        {
            Console.Error.WriteLine($"c3: login refused: {reply.Why()}");
            return ExitCodes.Failed;
        }

        var sid = cookies.GetCookies(site)["sid"]?.Value ?? throw new ApiException("the login answered ok but set no sid cookie");
        new Session(site.ToString().TrimEnd('/'), sid).Save();
        Console.Error.WriteLine($"logged in to {site} as {user} (session in {Session.FilePath})");
        return ExitCodes.Ok;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = Arguments.Parse(args, "follow").Only("url", "tree", "job", "uuid", "follow", "timeout");
        var tree = TreeId(options.Required("tree"));
        var job = options.Required("job");
        var timeout = options.Option("timeout") is { } seconds
            ? int.TryParse(seconds, out var s) && s > 0 ? TimeSpan.FromSeconds(s) : throw new UsageException("--timeout wants a number of seconds")
            : Timeout.InfiniteTimeSpan;
        using var api = ApiConnection.Open(options.Option("url"));
        if (!api.HasCredentials)
        {
            throw new UsageException("not logged in: run `c3 login` or set C3_APPNAME and C3_APPKEY");
        }

        var body = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["jobname"] = job,
            ["variable"] = options.Variables.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
        };
        if (options.Option("uuid") is { } requested)
        {
            body["uuid"] = requested;
        }

        var reply = await api.PostAsync($"api/job/task/{tree}/job/byname", body, cancellationToken);
        if (!reply.Ok())
        {
            Console.Error.WriteLine($"c3: job {job} not started: {reply.Why()}");
            return ExitCodes.Failed;
        }

        // A uuid given again answers without one: that task already runs, follow it.
        var taskUuid = reply.Text("uuid") ?? options.Option("uuid") ?? throw new ApiException($"job started but no task uuid in {reply}");
        Console.Out.WriteLine(taskUuid);
        if (!options.Flag("follow"))
        {
            return ExitCodes.Ok;
        }

        var terminal = new Terminal();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        await using var follower = new TaskFollower(api, tree, taskUuid, terminal);
        try
        {
            var status = await follower.FollowAsync(deadline.Token);
            terminal.Done($"task {taskUuid} {status}");
            return status switch { "success" => ExitCodes.Ok, "fail" => ExitCodes.Failed, _ => ExitCodes.Other };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            terminal.Done($"c3: stopped following task {taskUuid}; it goes on without us");
            return ExitCodes.Other;
        }
    }

    public static async Task<int> UploadAsync(IReadOnlyList<string> args)
    {
        var options = Arguments.Parse(args).Only("url", "token", "tree");
        var tree = TreeId(options.Required("tree"));
        var token = options.Required("token");
        var file = options.Positional is [var one] ? one : throw new UsageException("upload wants exactly one FILE");
        if (!File.Exists(file))
        {
            throw new UsageException($"no such file: {file}");
        }

        string md5;
        await using (var read = File.OpenRead(file))
        {
            md5 = Convert.ToHexStringLower(await MD5.HashDataAsync(read));
        }

        using var api = ApiConnection.Open(options.Option("url"));
        await using var stream = File.OpenRead(file);
        using var content = new MultipartFormDataContent { { new StreamContent(stream), "file", Path.GetFileName(file) } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/job/fileserver/{tree}/upload?checkmd5={md5}") { Content = content };
        request.Headers.Add("token", token);
        var reply = await ApiConnection.ReadAsync(await api.Http.SendAsync(request));
        if (!reply.Ok())
        {
            Console.Error.WriteLine($"c3: upload refused: {reply.Why()}");
            return ExitCodes.Failed;
        }

        Console.Error.WriteLine($"uploaded {Path.GetFileName(file)} (md5 {md5}) to tree node {tree}");
        return ExitCodes.Ok;
    }

    /// <summary>Asks for the bytes (`Accept: application/octet-stream`); without it the server answers a link name for browsers.</summary>
    public static async Task<int> DownloadAsync(IReadOnlyList<string> args)
    {
        var options = Arguments.Parse(args).Only("url", "tree", "out");
        var tree = TreeId(options.Required("tree"));
        var name = options.Positional is [var one] ? one : throw new UsageException("download wants exactly one NAME");
        var target = options.Option("out") ?? Path.GetFileName(name);
        using var api = ApiConnection.Open(options.Option("url"));
        if (!api.HasCredentials)
        {
            throw new UsageException("not logged in: run `c3 login` or set C3_APPNAME and C3_APPKEY");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/job/fileserver/{tree}/download?name={Uri.EscapeDataString(name)}");
        request.Headers.Accept.ParseAdd("application/octet-stream");
        using var response = await api.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        // The file comes as an attachment; a refusal is the envelope.
        if (response.Content.Headers.ContentDisposition is null)
        {
            Console.Error.WriteLine($"c3: download refused: {(await ApiConnection.ReadAsync(response)).Why()}");
            return ExitCodes.Failed;
        }

        await using (var file = File.Create(target))
        {
            await response.Content.CopyToAsync(file);
        }

        Console.Error.WriteLine($"saved {name} of tree node {tree} to {target}");
        return ExitCodes.Ok;
    }

    public static async Task<int> ApproveAsync(IReadOnlyList<string> args)
    {
        var options = Arguments.Parse(args).Only("url");
        if (options.Positional is not [var uuid, var opinion] || opinion is not ("agree" or "refuse"))
        {
            throw new UsageException("approve wants UUID agree|refuse");
        }

        if (!Word().IsMatch(uuid))
        {
            throw new UsageException($"not an approval uuid: {uuid}");
        }

        using var api = ApiConnection.Open(options.Option("url"));
        var reply = await api.PostAsync("api/job/approval/control", new { uuid, opinion });
        if (!reply.Ok())
        {
            Console.Error.WriteLine($"c3: approval not recorded: {reply.Why()}");
            return ExitCodes.Failed;
        }

        Console.Error.WriteLine($"{opinion}: {reply.Text("info") ?? "ok"}");
        return ExitCodes.Ok;
    }

    private static string TreeId(string value) => Digits().IsMatch(value) ? value : throw new UsageException($"--tree wants a tree node id (digits), not '{value}'");

    [GeneratedRegex(@"^\d{1,18}$")]
    private static partial Regex Digits();

    [GeneratedRegex("^[a-zA-Z0-9]{1,64}$")]
    private static partial Regex Word();
}
