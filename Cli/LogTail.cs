using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenC3.Cli;

/// <summary>
/// One log (a task's, or one step's) through the product's websocket: the stored text first, then what
/// is appended. Frames are the log page's HTML; they are printed as plain text.
/// </summary>
public sealed partial class LogTail : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task reading;
    private long lastFrameTicks = Environment.TickCount64;

    private LogTail(ApiConnection api, string logUuid, Terminal terminal)
    {
        foreach (var (name, value) in api.Credentials())
        {
            socket.Options.SetRequestHeader(name, value);
        }

        var address = new UriBuilder(new Uri(api.BaseUrl, $"api/job/slave/c3/ws?uuid={Uri.EscapeDataString(logUuid)}"))
        {
            Scheme = api.BaseUrl.Scheme == "https" ? "wss" : "ws",
        };
        reading = ReadAsync(address.Uri, terminal);
    }

    public static LogTail Start(ApiConnection api, string logUuid, Terminal terminal) => new(api, logUuid, terminal);

    /// <summary>Waits until no frame came for a moment (the server polls its log every 300 ms), at most <paramref name="limit"/>.</summary>
    public async Task DrainAsync(TimeSpan limit)
    {
        var until = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        while (!reading.IsCompleted && Environment.TickCount64 < until && Environment.TickCount64 - Interlocked.Read(ref lastFrameTicks) < 1000)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reading;
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // Closing a tail the server still feeds is how it ends.
        }

        socket.Dispose();
        stop.Dispose();
    }

    /// <summary>`&lt;br&gt;` → newline, colour tags dropped, entities decoded.</summary>
    public static string PlainText(string html) => WebUtility.HtmlDecode(FontTag().Replace(html.Replace("<br>", "\n", StringComparison.Ordinal), string.Empty));

    private async Task ReadAsync(Uri address, Terminal terminal)
    {
        await socket.ConnectAsync(address, stop.Token);
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var frame = await socket.ReceiveAsync(buffer, stop.Token);
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, frame.Count);
            if (frame.EndOfMessage)
            {
                Interlocked.Exchange(ref lastFrameTicks, Environment.TickCount64);
                terminal.Log(PlainText(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length)));
                message.SetLength(0);
            }
        }
    }

    [GeneratedRegex("</?font[^>]*>")]
    private static partial Regex FontTag();
}
