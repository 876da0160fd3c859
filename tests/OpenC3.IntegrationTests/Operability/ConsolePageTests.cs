using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Operability;

/// <summary>
/// `GET /` leads to the console; `/console/` and every view path under it answer the console's page (or, when the
/// build had no node, a page saying how to build it) under a strict Content-Security-Policy; HEAD answers as GET.
/// The bundles come from the build's static web assets (MapStaticAssets): compressed when the browser accepts it,
/// with ETags; bundles named by their content are cached for good, other files are checked on each use.
/// </summary>
[Collection(SharedProducts.SqliteApi)]
public sealed partial class ConsolePageTests(EmbeddedProduct product)
{
    /// <summary>Issue 17's budget: what a first visit downloads (page, script, style) as sent, compressed.</summary>
    private const int FirstLoadBudget = 100 * 1024;

    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>Where Api.csproj has esbuild write the bundles before they join the static web assets.</summary>
    private static readonly string Built = Path.Combine(RepoPaths.Root, "Api", "obj", "console");

    [Fact]
    public async Task Root_RedirectsToTheConsole()
    {
        using var anonymous = product.Anonymous();
        using var root = await anonymous.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/console/", root.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/console/")]
    [InlineData("/console")]
    [InlineData("/console/login")]
    [InlineData("/console/42/run/abcdefabcdex?step=xyzxyzxyzxyz&filter=fail&q=disk")]
    [InlineData("/console/42/history?status=fail")]
    public async Task EveryViewPath_AnswersTheConsolePage_UnderTheStrictPolicy_NeverCached(string path)
    {
        using var anonymous = product.Anonymous();
        using var page = await anonymous.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Policy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        var html = await page.Content.ReadAsStringAsync();
        var index = Path.Combine(Built, "index.html");
        if (File.Exists(index))
        {
            Assert.Equal(await File.ReadAllTextAsync(index), html);
        }
        else
        {
            Assert.Contains("install Node.js 20 or newer", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/", HttpStatusCode.Redirect)]
    [InlineData("/console/", HttpStatusCode.OK)]
    [InlineData("/console/42/history", HttpStatusCode.OK)]
    [InlineData("/console/terminal.js", HttpStatusCode.OK)]
    public async Task Head_AnswersAsGet_WithoutABody(string path, HttpStatusCode status)
    {
        using var anonymous = product.Anonymous();
        using var head = await anonymous.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(status, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheIndexByName_CarriesThePagePolicy()
    {
        using var anonymous = product.Anonymous();
        using var page = await anonymous.Http.GetAsync("/console/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(Policy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("gzip, br")]
    public async Task ThePagesBundles_ComeCompressed_AsBuilt_CachedForGood(string acceptEncoding)
    {
        using var anonymous = product.Anonymous();
        foreach (var bundle in PageBundles())
        {
            using var compressed = await GetAsync(anonymous, $"/console/{bundle}", acceptEncoding);
            Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
            var encoding = compressed.Content.Headers.ContentEncoding.Single();
            Assert.Contains(encoding, acceptEncoding.Split(", "));
            Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
            Assert.Equal("max-age=31536000, immutable", compressed.Headers.CacheControl?.ToString());
            var plain = await File.ReadAllBytesAsync(Path.Combine(Built, bundle));
            var sent = await compressed.Content.ReadAsByteArrayAsync();
            Assert.True(sent.Length < plain.Length, $"{bundle}: {sent.Length} bytes sent for {plain.Length}");
            Assert.Equal(plain, Decode(encoding, sent));

            using var identity = await GetAsync(anonymous, $"/console/{bundle}", null);
            Assert.Empty(identity.Content.Headers.ContentEncoding);
            Assert.Equal(plain, await identity.Content.ReadAsByteArrayAsync());
            Assert.NotEqual(compressed.Headers.ETag, identity.Headers.ETag);

            using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/console/{bundle}");
            revalidate.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            revalidate.Headers.IfNoneMatch.Add(compressed.Headers.ETag!);
            using var notModified = await anonymous.Http.SendAsync(revalidate);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
    }

    [Fact]
    public async Task FirstLoad_StaysWithinTheSizeBudget()
    {
        using var anonymous = product.Anonymous();
        long sent = 0;
        foreach (var path in PageBundles().Select(bundle => $"/console/{bundle}").Prepend("/console/"))
        {
            using var response = await GetAsync(anonymous, path, "gzip, br");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            sent += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.True(sent <= FirstLoadBudget, $"first load sends {sent} bytes, over the budget of {FirstLoadBudget}");
    }

    [Fact]
    public async Task OtherFiles_AreRevalidated_FilesTheBuildDidNotMake_Are404()
    {
        using var anonymous = product.Anonymous();
        using var terminal = await anonymous.Http.GetAsync("/console/terminal.js");
        Assert.Equal(HttpStatusCode.OK, terminal.StatusCode);
        Assert.Equal("no-cache", terminal.Headers.CacheControl?.ToString());
        Assert.NotNull(terminal.Headers.ETag);
        using var missing = await anonymous.Http.GetAsync("/console/missing-file.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>The script and style index.html loads, as esbuild named them (test.sh installs node, so the console is built).</summary>
    private static List<string> PageBundles()
    {
        var bundles = PageBundle().Matches(File.ReadAllText(Path.Combine(Built, "index.html"))).Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(2, bundles.Count);
        return bundles;
    }

    private static async Task<HttpResponseMessage> GetAsync(ApiClient client, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await client.Http.SendAsync(request);
    }

    private static byte[] Decode(string encoding, byte[] sent)
    {
        using var input = new MemoryStream(sent);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex(@"""/console/(console-[A-Z0-9]{8}\.(?:js|css))""")]
    private static partial Regex PageBundle();
}
