using System.Globalization;
using System.Text.Json;
using OpenC3.IntegrationTests.Embedded;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Catalog;

/// <summary>What the catalog tests share: fresh tree ids, step bodies, reply helpers, and users with a grant.</summary>
public static class CatalogFixture
{
    public const string J = "/api/job";

    private static long nextTree = Random.Shared.NextInt64(1_000_000, 3_000_000_000);

    /// <summary>An unused tree node id: app callers pass every point, so the node need not exist.</summary>
    public static long NewTree() => Interlocked.Increment(ref nextTree);

    public static string Today => DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Yesterday => DateTime.Now.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Tomorrow => DateTime.Now.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Cmd(string name, string nodeCont = "10.0.0.1", string argv = "", string? deployenv = null) => new()
    {
        ["plugin_type"] = "cmd", ["name"] = name, ["user"] = "root", ["node_type"] = "builtin", ["node_cont"] = nodeCont,
        ["scripts_type"] = "shell", ["scripts_cont"] = "echo hi", ["scripts_argv"] = argv, ["deployenv"] = deployenv,
    };

    public static Dictionary<string, object?> Scp(string name, string dst = "10.0.0.2", string dp = "/tmp/") => new()
    {
        ["plugin_type"] = "scp", ["name"] = name, ["user"] = "root", ["src_type"] = "builtin", ["src"] = "10.0.0.1", ["sp"] = "/etc/hosts",
        ["dst_type"] = "builtin", ["dst"] = dst, ["dp"] = dp,
    };

    public static Dictionary<string, object?> Approval(string name, string approver = "alice", string deployenv = "always") => new()
    {
        ["plugin_type"] = "approval", ["name"] = name, ["cont"] = "please", ["approver"] = approver, ["deployenv"] = deployenv,
        ["action"] = "always", ["batches"] = "always", ["everyone"] = "on", ["relaxed"] = "off",
    };

    /// <summary>The `data` of a successful reply; fails the test with the whole reply otherwise.</summary>
    public static JsonElement Data(JsonElement reply)
    {
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("data");
    }

    /// <summary>A successful reply that carries no data (`{stat:true}`), as upstream's bulk variable update answers.</summary>
    public static void Ok(JsonElement reply) => Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());

    public static string Info(JsonElement reply)
    {
        Assert.False(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("info").GetString()!;
    }

    public static async Task<string> CreateJobAsync(ApiClient client, long tree, string name, params object[] steps)
    {
        var reply = await client.PostAsync($"{J}/jobs/{tree}", new { name, permanent = 1, data = steps });
        Assert.True(Data(reply).GetBoolean());
        return reply.GetProperty("uuid").GetString()!;
    }

    public static async Task<JsonElement> JobAsync(ApiClient client, long tree, string uuid) => Data(await client.GetAsync($"{J}/jobs/{tree}/{uuid}"));

    public static async Task<Dictionary<string, JsonElement>> VariablesAsync(ApiClient client, long tree, string uuid, string query = "") =>
        Data(await client.GetAsync($"{J}/variable/{tree}/{uuid}{query}")).EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);

    public static IEnumerable<string> Names(JsonElement rows) => rows.EnumerateArray().Select(r => r.GetProperty("name").GetString()!);

    /// <summary>A real tree node and a logged-in user holding <paramref name="level"/> there (0 read, 2 write and delete).</summary>
    public static async Task<(long Tree, ApiClient Browser)> UserWithLevelAsync(EmbeddedProduct product, int level)
    {
        using var admin = await product.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var tree = Data(await admin.PostAsync("/api/connector/default/tree", new { name = $"cat{suffix}" })).GetInt64();
        var user = $"u{suffix}";
        Data(await admin.PostAsync("/api/connector/default/user/adduser", new { user, pass = "password-" + user }));
        Data(await admin.PostAsync("/api/connector/default/auth/tree/addauth", new { user, tree, level }));
        var browser = product.Anonymous();
        Assert.True((await browser.LoginAsync(user, "password-" + user)).GetProperty("stat").GetBoolean());
        return (tree, browser);
    }
}
