using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OpenC3.TestSupport;

/// <summary>A request as the webhook receiver saw it.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>An HTTP server on a loopback port that answers every request 200 and keeps it.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<ReceivedRequest> requests = [];

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Run(KeepAsync);
        app.Start();
    }

    /// <summary>`http://127.0.0.1:&lt;port&gt;`, the port the server was given.</summary>
    public string BaseUrl => app.Urls.Single();

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public static WebhookReceiver Start() => new();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task KeepAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = context.Request;
        lock (requests)
        {
            requests.Add(new ReceivedRequest(
                request.Method,
                request.Path + request.QueryString,
                request.ContentType,
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
        }

        await context.Response.WriteAsync("{\"ok\":true}");
    }
}
