using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using OpenC3.IntegrationTests.Resources;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Embedded;

/// <summary>
/// The attack: make the product do unbounded work for one request — a huge id list to the no-login
/// `release` routes, a catastrophic regular expression as the `jobname` filter. Each must be answered at
/// once (the bounds below are loose: far under the product's timeouts, far over what the answers need).
/// </summary>
[Collection(SharedProducts.SqliteApi)]
public sealed class AnonymousWorkBoundsTests(EmbeddedProduct product)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    /// <summary>The job module's route needs no login; the connector's (the same handler) needs one.</summary>
    [Theory]
    [InlineData("/api/job/release", false)]
    [InlineData("/api/connector/release", true)]
    public async Task AHugeReleaseRequest_IsRefused_InBoundedTimeAndMemory(string route, bool loggedIn)
    {
        using var anonymous = loggedIn ? product.App() : product.Anonymous();
        var ids = string.Join(',', Enumerable.Range(1, 3_000_000));
        var memory = PeakMemory.Of(product.Process.Pid);
        var clock = Stopwatch.StartNew();
        using var declared = new HttpRequestMessage(HttpMethod.Get, route) { Content = new StringContent($"{{\"id\":\"{ids}\"}}", Encoding.UTF8, "application/json") };
        var bodyReply = await ApiClient.ReadAsync(await anonymous.Http.SendAsync(declared));
        Assert.Equal("request body too large: at most 65536 bytes", Refusal(bodyReply));

        // A chunked body declares no length: the limit stops the read.
        using var chunked = new HttpRequestMessage(HttpMethod.Get, route) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"id\":\"{ids[..200_000]}\"}}"))) };
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        Assert.Equal("request body too large: at most 65536 bytes", Refusal(await ApiClient.ReadAsync(await anonymous.Http.SendAsync(chunked))));

        // Within the body limit, the number of ids is bounded too.
        Assert.Equal("check format fail id: at most 1000 ids", Refusal(await anonymous.GetAsync($"{route}?id={string.Join(',', Enumerable.Range(1, 1001))}")));
        Assert.True(clock.Elapsed < Quick, $"took {clock.Elapsed}");
        Assert.True(memory.GrowthBytes() < 64L * 1024 * 1024, $"the product's peak memory grew by {memory.GrowthBytes() / 1024 / 1024} MiB");

        Assert.True((await anonymous.GetAsync($"{route}?id={string.Join(',', Enumerable.Range(1, 1000))}")).GetBoolean());
    }

    [Fact]
    public async Task ACatastrophicJobNamePattern_IsAnsweredInBoundedTime()
    {
        using var app = product.App();
        var tree = NewTree();
        var steps = new List<object>();
        for (var i = 0; i < 60; i++)
        {
            Assert.True((await app.PostAsync($"{J}/scripts/{tree}", new { name = $"s{i}", type = "shell", cont = "true" })).Data().GetBoolean());
        }

        foreach (var script in (await app.GetAsync($"{J}/scripts/{tree}")).Data().EnumerateArray().Where(s => s.GetProperty("projectid").GetInt64() == tree))
        {
            steps.Add(new Dictionary<string, object?>(Cmd($"step{steps.Count}")) { ["scripts_type"] = "cite", ["scripts_cont"] = script.GetProperty("id").GetInt64() });
        }

        // Every script row's job names are 30 a's and a tail: `^(a+)+$` backtracks 2^30 ways on each.
        await CreateJobAsync(app, tree, new string('a', 30) + "-x", [.. steps]);
        var clock = Stopwatch.StartNew();
        var reply = await app.GetAsync($"{J}/scripts/{tree}?jobname={Uri.EscapeDataString("^(a+)+$")}");
        Assert.True(clock.Elapsed < Quick, $"took {clock.Elapsed}");
        Assert.Empty(reply.Data().EnumerateArray());
        Assert.Equal(60, (await app.GetAsync($"{J}/scripts/{tree}?jobname={Uri.EscapeDataString("^a+-x$")}")).Data().EnumerateArray().Count());
        Assert.Equal("jobname format error", Refusal(await app.GetAsync($"{J}/scripts/{tree}?jobname={Uri.EscapeDataString(@"(a)\1")}")));
    }
}
