using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Kit;

/// <summary>Tree nodes and users with grants, so every test has data of its own on a shared product.</summary>
public static partial class ApiKit
{
    private static long nextTree = Random.Shared.NextInt64(1_000_000, 3_000_000_000);

    /// <summary>An unused tree node id: app callers pass every point, so the node need not exist.</summary>
    public static long NewTree() => Interlocked.Increment(ref nextTree);

    /// <summary>A new root node of the service tree.</summary>
    public static async Task<long> NewNodeAsync(EmbeddedProduct product)
    {
        using var admin = await product.AdminAsync();
        var reply = await admin.PostAsync($"{C}/default/tree", new { name = $"n{Guid.NewGuid():N}"[..16] });
        return reply.Data().GetInt64();
    }

    /// <summary>A new root node with <paramref name="hosts"/> placed on it by the app, so runs of that node may reach them.</summary>
    public static async Task<long> HostsNodeAsync(ApiClient app, IEnumerable<string> hosts)
    {
        var node = (await app.PostAsync($"{C}/default/tree", new { name = $"h{Guid.NewGuid():N}"[..12] })).Data().GetInt64();
        foreach (var host in hosts)
        {
            Assert.True((await app.PostAsync($"{C}/default/node/{node}", new { name = host })).Stat());
        }

        return node;
    }

    /// <summary>A browser logged in as a new user holding <paramref name="level"/> on <paramref name="node"/> (no grant when null).</summary>
    public static async Task<ApiClient> UserAsync(EmbeddedProduct product, long? node, int level) => (await NamedUserAsync(product, node, level)).Browser;

    /// <summary><see cref="UserAsync"/>, with the new user's name.</summary>
    public static async Task<(string User, ApiClient Browser)> NamedUserAsync(EmbeddedProduct product, long? node, int level)
    {
        using var admin = await product.AdminAsync();
        var user = $"u{Guid.NewGuid():N}"[..14];
        Assert.True((await admin.PostAsync($"{C}/default/user/adduser", new { user, pass = $"password-{user}" })).Stat());
        if (node is not null)
        {
            Assert.True((await admin.PostAsync($"{C}/default/auth/tree/addauth", new { user, tree = node, level })).Stat());
        }

        var browser = product.Anonymous();
        Assert.True((await browser.LoginAsync(user, $"password-{user}")).Stat());
        return (user, browser);
    }

    /// <summary>A new tree node and a logged-in user holding <paramref name="level"/> there (0 read, 2 write and delete).</summary>
    public static async Task<(long Tree, ApiClient Browser)> UserWithLevelAsync(EmbeddedProduct product, int level)
    {
        var tree = await NewNodeAsync(product);
        return (tree, await UserAsync(product, tree, level));
    }

    /// <summary>Audit rows whose title and content contain the given text.</summary>
    public static async Task<List<JsonElement>> AuditAsync(EmbeddedProduct product, string title, string content)
    {
        using var admin = await product.AdminAsync();
        return (await admin.GetAsync($"{C}/connectorx/auditlog?title={Uri.EscapeDataString(title)}&content={Uri.EscapeDataString(content)}")).Rows();
    }
}
