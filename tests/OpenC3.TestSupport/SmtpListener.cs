using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace OpenC3.TestSupport;

/// <summary>A mail as an SMTP server received it: envelope recipients, decoded subject and text.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> To, string Subject, string Text);

/// <summary>
/// A small plain SMTP server on a loopback port (EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP,
/// QUIT) that keeps every mail it accepts and every login it was given. <see cref="RefuseNext"/> makes it greet the next sessions with 554,
/// as a server that will not take mail does.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly List<ReceivedMail> mails = [];
    private readonly List<(string User, string Password)> logins = [];
    private readonly Task accepting;
    private int toRefuse;
    private int refused;

    private SmtpListener()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Sessions turned away so far.</summary>
    public int Refused => Volatile.Read(ref refused);

    public IReadOnlyList<ReceivedMail> Mails
    {
        get
        {
            lock (mails)
            {
                return [.. mails];
            }
        }
    }

    public IReadOnlyList<(string User, string Password)> Logins
    {
        get
        {
            lock (logins)
            {
                return [.. logins];
            }
        }
    }

    public static SmtpListener Start() => new();

    public void RefuseNext(int sessions) => Volatile.Write(ref toRefuse, sessions);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the only way out of the accept loop.
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1);
        var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            if (Interlocked.Decrement(ref toRefuse) >= 0)
            {
                Interlocked.Increment(ref refused);
                await writer.WriteLineAsync("554 5.3.2 not accepting mail now");
                return;
            }

            Interlocked.Exchange(ref toRefuse, 0);
            await writer.WriteLineAsync("220 localhost test SMTP");
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 AUTH PLAIN");
                        break;
                    case "HELO" or "NOOP":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "AUTH":
                        var parts = line.Split(' ');
                        if (parts.Length < 3)
                        {
                            await writer.WriteLineAsync("334 ");
                        }

                        KeepLogin(parts.Length >= 3 ? parts[2] : await reader.ReadLineAsync(timeout.Token) ?? string.Empty);
                        await writer.WriteLineAsync("235 2.7.0 authenticated");
                        break;
                    case "MAIL" or "RSET":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.LastIndexOf('>')]);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with .");
                        Keep(recipients, await ReadDataAsync(reader, timeout.Token));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 not implemented");
                        break;
                }
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the test ended: nothing to keep.
        }
    }

    private static async Task<string> ReadDataAsync(StreamReader reader, CancellationToken cancellation)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellation) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        return data.ToString();
    }

    /// <summary>SASL PLAIN: base64 of `authzid NUL user NUL password`.</summary>
    private void KeepLogin(string response)
    {
        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
        lock (logins)
        {
            logins.Add((fields[1], fields[2]));
        }
    }

    private void Keep(List<string> recipients, string data)
    {
        using var message = MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(data)));
        lock (mails)
        {
            mails.Add(new ReceivedMail([.. recipients], message.Subject ?? string.Empty, message.TextBody?.TrimEnd() ?? string.Empty));
        }
    }
}
