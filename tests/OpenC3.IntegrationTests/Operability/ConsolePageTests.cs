using System.Net;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Operability;

/// <summary>
/// `GET /` leads to the console; `/console/` and every view path under it answer the console's page (or, when the
/// build had no node, a page saying how to build it) under a strict Content-Security-Policy; bundles named by their
/// content are cached for good, other files are checked on each use.
/// </summary>
[Collection(SharedProducts.SqliteApi)]
public sealed class ConsolePageTests(EmbeddedProduct product)
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly string Built = Path.Combine(RepoPaths.Output("Api"), "console");

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

    [Fact]
    public async Task ContentNamedBundles_AreCachedForGood_OtherFilesAreRevalidated_UnknownFilesAre404()
    {
        using var anonymous = product.Anonymous();
        // A bundle as esbuild names it (`[name]-[hash]`), beside the built ones for this test only.
        var hashed = Path.Combine(Built, $"probe-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}.js");
        await File.WriteAllTextAsync(hashed, "export {};");
        try
        {
            using var bundle = await anonymous.Http.GetAsync($"/console/{Path.GetFileName(hashed)}");
            Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", bundle.Headers.CacheControl?.ToString());
        }
        finally
        {
            File.Delete(hashed);
        }

        using var terminal = await anonymous.Http.GetAsync("/console/terminal.js");
        Assert.Equal(HttpStatusCode.OK, terminal.StatusCode);
        Assert.Equal("no-cache", terminal.Headers.CacheControl?.ToString());
        using var missing = await anonymous.Http.GetAsync("/console/missing-file.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
