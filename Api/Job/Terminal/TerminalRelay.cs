using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using OpenC3.Grains.Abstractions.Terminal;

namespace OpenC3.Api.Job;

/// <summary>
/// Relays one browser websocket to its terminal session on a silo: `i` + keystrokes and `r` + `columns,rows` in,
/// output out. Closes the socket when the shells end, when no key was typed for <see cref="TerminalOptions.IdleTimeout"/>,
/// or when a message is larger than <see cref="TerminalOptions.MaxInputBytes"/>; the session is closed with it.
/// </summary>
public sealed class TerminalRelay(WebSocket socket, ITerminalGrain terminal, TerminalOptions options)
{
    /// <summary>How long one read waits on the silo for output; well within a grain call's timeout.</summary>
    private static readonly TimeSpan ReadWait = TimeSpan.FromSeconds(5);

    private const int MaxDimension = 1000;

    public async Task RunAsync()
    {
        using var stopOutput = new CancellationTokenSource();
        var output = PumpOutputAsync(stopOutput.Token);
        try
        {
            var ending = await ReceiveInputAsync(output);
            await stopOutput.CancelAsync();
            await output;
            if (ending is { } reason && socket.State == WebSocketState.Open)
            {
                await SendAsync($"\r\n\x1b[33m[{reason.Text}]\x1b[0m\r\n", CancellationToken.None);
                await socket.CloseOutputAsync(reason.Status, reason.Text, CancellationToken.None);
            }
            else if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        finally
        {
            await terminal.Close();
        }
    }

    /// <summary>Until the browser closes (null) or must be closed (why); also ends when the output side closed the socket.</summary>
    private async Task<Ending?> ReceiveInputAsync(Task output)
    {
        var buffer = new byte[options.MaxInputBytes + 1];
        var idleSince = DateTime.UtcNow;
        var filled = 0;
        var receive = ReceiveAsync(buffer, filled);
        while (true)
        {
            var idleLeft = options.IdleTimeout - (DateTime.UtcNow - idleSince);
            var first = await Task.WhenAny(receive, output, Task.Delay(idleLeft > TimeSpan.Zero ? idleLeft : TimeSpan.Zero));
            if (first == output)
            {
                return null;
            }

            if (first != receive)
            {
                return new Ending(WebSocketCloseStatus.NormalClosure, $"closed after {options.IdleTimeout} without input");
            }

            if (await receive is not { } received || received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            filled += received.Count;
            if (filled > options.MaxInputBytes)
            {
                return new Ending(WebSocketCloseStatus.MessageTooBig, $"a message is larger than {options.MaxInputBytes} bytes");
            }

            if (received.EndOfMessage)
            {
                if (await HandleAsync(Encoding.UTF8.GetString(buffer, 0, filled)))
                {
                    idleSince = DateTime.UtcNow;
                }

                filled = 0;
            }

            receive = ReceiveAsync(buffer, filled);
        }
    }

    /// <summary>True for keystrokes (they keep the session alive), false for a resize or anything else.</summary>
    private async Task<bool> HandleAsync(string message)
    {
        if (message.StartsWith('i'))
        {
            await terminal.Input(message[1..]);
            return true;
        }

        if (message.StartsWith('r') && message[1..].Split(',') is [var columns, var rows]
            && int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(rows, NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            await terminal.Resize(Dimension(width), Dimension(height));
        }

        return false;
    }

    public static int Dimension(int value) => Math.Clamp(value, 1, MaxDimension);

    private async Task<WebSocketReceiveResult?> ReceiveAsync(byte[] buffer, int filled)
    {
        try
        {
            return await socket.ReceiveAsync(new ArraySegment<byte>(buffer, filled, buffer.Length - filled), CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The browser went away without a close frame.
            return null;
        }
    }

    private async Task PumpOutputAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var output = await terminal.Read(ReadWait).WaitAsync(stop);
                if (output.Text.Length > 0)
                {
                    await SendAsync(output.Text, stop);
                }

                if (output.Ended)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "the shell ended", CancellationToken.None);
                    return;
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // Stopped by the input side, or the browser went away.
        }
        catch (Exception error) when (error is OrleansException or TimeoutException)
        {
            // The silo holding the session is gone or does not answer: the page hears why.
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, "the terminal session was lost", CancellationToken.None);
            }
        }
    }

    private Task SendAsync(string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private sealed record Ending(WebSocketCloseStatus Status, string Text);
}
