using System.Net.WebSockets;
using System.Text;

namespace OpenC3.TestSupport;

/// <summary>The web terminal's websocket (`/api/job/cmd/:treeid/ws`) as its page drives it: `i` + keys, `r` + `columns,rows`.</summary>
public sealed class TerminalSocket : IDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly StringBuilder received = new();

    private TerminalSocket()
    {
    }

    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public string? CloseReason => socket.CloseStatusDescription;

    /// <param name="headers">Login (cookie or app headers) and Origin, as a browser or a script sends them.</param>
    public static async Task<TerminalSocket> ConnectAsync(string baseUrl, string pathAndQuery, params (string Name, string Value)[] headers)
    {
        var terminal = new TerminalSocket();
        foreach (var (name, value) in headers)
        {
            terminal.socket.Options.SetRequestHeader(name, value);
        }

        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await terminal.socket.ConnectAsync(new Uri(baseUrl.Replace("http", "ws", StringComparison.Ordinal) + pathAndQuery), limit.Token);
            return terminal;
        }
        catch
        {
            terminal.Dispose();
            throw;
        }
    }

    public Task SendAsync(string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>Everything received so far once it holds <paramref name="expected"/>; fails after <paramref name="seconds"/> or when the socket closed first.</summary>
    public Task<string> WaitForAsync(string expected, int seconds = 30) =>
        WaitForAsync(text => text.Contains(expected, StringComparison.Ordinal), expected, seconds);

    public async Task<string> WaitForAsync(Func<string, bool> done, string expected, int seconds = 30)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (!done(received.ToString()))
            {
                if (!await ReceiveAsync(limit.Token))
                {
                    throw new InvalidOperationException($"the terminal closed ({socket.CloseStatus} {socket.CloseStatusDescription}) before showing '{expected}'; it showed:\n{received}");
                }
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException($"the terminal did not show '{expected}' within {seconds} s; it showed:\n{received}");
        }

        return received.ToString();
    }

    /// <summary>Reads until the server closes the socket, within <paramref name="seconds"/>.</summary>
    public async Task WaitForCloseAsync(int seconds)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (await ReceiveAsync(limit.Token))
        {
        }
    }

    public async Task CloseAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, limit.Token);
    }

    public void Dispose() => socket.Dispose();

    private async Task<bool> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, cancellationToken);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            return false;
        }

        received.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        return true;
    }
}
