using System.Net.WebSockets;
using OpenC3.Cli;

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

try
{
    return args switch
    {
        [] or ["--help" or "-h" or "help", ..] => Help(),
        ["login", .. var rest] => await Commands.LoginAsync(rest),
        ["run", .. var rest] => await Commands.RunAsync(rest, interrupted.Token),
        ["upload", .. var rest] => await Commands.UploadAsync(rest),
        ["download", .. var rest] => await Commands.DownloadAsync(rest),
        ["approve", .. var rest] => await Commands.ApproveAsync(rest),
        [var unknown, ..] => throw new UsageException($"unknown command '{unknown}'"),
    };
}
catch (UsageException usage)
{
    Console.Error.WriteLine($"c3: {usage.Message} (see c3 --help)");
    return ExitCodes.Other;
}
catch (Exception error) when (error is ApiException or HttpRequestException or WebSocketException or TaskCanceledException or IOException)
{
    Console.Error.WriteLine($"c3: {error.Message}");
    return ExitCodes.Other;
}

static int Help()
{
    Console.Out.WriteLine(Commands.Usage);
    return ExitCodes.Ok;
}
