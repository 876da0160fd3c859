using System.Globalization;

namespace OpenC3.IntegrationTests.Tasks;

/// <summary>
/// `GET /task/:treeid?page=&amp;pagesize=`: the history a page at a time, unfinished tasks first, then the newest, with the
/// filters and a `total`; without `page` the reply stays upstream's. The rows are written as the task grains project them.
/// </summary>
public abstract class TaskHistoryPagingTests(EmbeddedProduct product)
{
    /// <summary>Rows in the order they were written (status, user, name).</summary>
    private static readonly (string Status, string User, string Name)[] Rows =
    [
        ("success", "ann", "deploy-web"), ("running", "bob", "deploy-db"), ("fail", "ann", "backup"), ("waiting", "ann", "deploy-web"),
        ("success", "bob", "deploy-web"), ("fail", "ann", "deploy-db"), ("init", "ann", "backup"), ("success", "ann", "deploy-web"),
    ];

    [Fact]
    public async Task Pages_UnfinishedFirst_ThenNewest_WithTotal_AndTheFiltersAndBounds()
    {
        using var app = product.App();
        var tree = NewTree();
        var uuids = await SeedAsync(tree);

        Assert.Equal((Uuids(uuids, 6, 3, 1), 8), await PageAsync(app, tree, "page=1&pagesize=3"));
        Assert.Equal((Uuids(uuids, 7, 5, 4), 8), await PageAsync(app, tree, "page=2&pagesize=3"));
        Assert.Equal((Uuids(uuids, 2, 0), 8), await PageAsync(app, tree, "page=3&pagesize=3"));
        Assert.Equal((Uuids(), 8), await PageAsync(app, tree, "page=4&pagesize=3"));
        Assert.Equal((Uuids(uuids, 6, 3, 1, 7, 5, 4, 2, 0), 8), await PageAsync(app, tree, "page=1"));

        Assert.Equal((Uuids(uuids, 7, 4, 0), 3), await PageAsync(app, tree, "page=1&status=success"));
        Assert.Equal((Uuids(uuids, 3, 7), 4), await PageAsync(app, tree, "page=1&pagesize=2&name=deploy&user=ann"));
        Assert.Equal((Uuids(uuids, 6, 3, 1, 7, 5, 4, 2), 7), await PageAsync(app, tree, $"page=1&pagesize=200&time_start={Today}&time_end={Today}"));
        Assert.Equal((Uuids(uuids, 4), 1), await PageAsync(app, tree, $"page=1&taskuuid={uuids[4]}"));

        foreach (var (query, field) in new[] { ("page=0", "page"), ("page=x", "page"), ("page=1&pagesize=0", "pagesize"), ("page=1&pagesize=201", "pagesize"), ("page=1&pagesize=-5", "pagesize") })
        {
            Assert.StartsWith($"check format fail {field} format error", Refusal(await app.GetAsync($"{J}/task/{tree}?{query}")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithoutPage_TheReplyIsUpstreams_AndAPageHasTheSameRows()
    {
        using var app = product.App();
        var tree = NewTree();
        var uuids = await SeedAsync(tree);

        var whole = await app.GetAsync($"{J}/task/{tree}");
        Assert.False(whole.TryGetProperty("total", out _));
        Assert.Equal(["stat", "data"], whole.EnumerateObject().Select(p => p.Name));
        var rows = whole.Rows();
        Assert.Equal(uuids.Order(StringComparer.Ordinal), rows.Select(r => r.Text("uuid")).Order(StringComparer.Ordinal));

        var paged = (await app.GetAsync($"{J}/task/{tree}?page=1")).Rows();
        Assert.All(paged, row => Assert.Equal(rows.Single(r => r.Text("uuid") == row.Text("uuid")).ToString(), row.ToString()));
    }

    private async Task<List<string>> SeedAsync(long tree)
    {
        var uuids = new List<string>();
        var today = DateTime.Now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var (row, index) in Rows.Select((r, i) => (r, i)))
        {
            var uuid = $"pg{Guid.NewGuid():N}"[..11] + "p";
            uuids.Add(uuid);
            await ExecuteSqlAsync(
                product,
                "INSERT INTO openc3_job_task (projectid, uuid, name, user, slave, status, starttime, calltype, jobtype, jobuuid) " +
                "VALUES (@tree, @uuid, @name, @user, 'openc3-silo', @status, @start, 'page', 'jobs', 'jobuuid00001')",
                new { tree, uuid, name = row.Name, user = row.User, status = row.Status, start = index == 0 ? "2020-01-01 10:00:00" : today });
        }

        return uuids;
    }

    private static async Task<(string Uuids, int Total)> PageAsync(OpenC3.TestSupport.ApiClient app, long tree, string query)
    {
        var reply = await app.GetAsync($"{J}/task/{tree}?{query}");
        return (string.Join(',', reply.Rows().Select(r => r.Text("uuid"))), reply.GetProperty("total").GetInt32());
    }

    private static string Uuids(List<string> uuids, params int[] indexes) => string.Join(',', indexes.Select(i => uuids[i]));

    private static string Uuids() => string.Empty;
}

[Collection(SharedProducts.SqliteApi)]
public sealed class SqliteTaskHistoryPagingTests(EmbeddedProduct product) : TaskHistoryPagingTests(product);

[Collection(SharedProducts.MariaDbApi)]
public sealed class MariaDbTaskHistoryPagingTests(MariaDbEmbeddedProduct product) : TaskHistoryPagingTests(product);
