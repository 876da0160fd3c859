using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Resources;

/// <summary>
/// A job token's upload starts its job the way every start does, as upstream's call of `job/byname`: past 100
/// unfinished runs of the job it starts nothing (it used to start the 101st and more), and the upload still succeeds.
/// </summary>
public sealed class TokenUploadCapTests(EmbeddedProduct product) : IClassFixture<EmbeddedProduct>
{
    private const int MaxActiveRunsPerJob = 100;

    [Fact]
    public async Task AJobTokenUpload_WhileItsJobHas100UnfinishedRuns_StoresTheFile_AndStartsNoRun()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        await CreateJobAsync(app, node, "held", Gate());
        for (var i = 0; i < MaxActiveRunsPerJob; i++)
        {
            await StartByNameAsync(app, node, "held");
        }

        var token = (await app.PostAsync($"{J}/token/{node}", new { describe = "held job", isjob = 1, jobname = "held" })).Text("token");
        using var script = product.Anonymous();
        Assert.Equal(1, (await TokenUploadAsync(script, node, token, Multipart("v2.tgz", "release 2"))).Data().GetInt32());

        Assert.Equal(["v2.tgz"], (await app.GetAsync($"{J}/fileserver/{node}")).Rows().Select(f => f.Text("name")));
        Assert.Equal(MaxActiveRunsPerJob, (await app.GetAsync($"{J}/task/{node}")).Rows().Count);
        await Eventually.WaitAsync(
            () => Task.FromResult(product.Process.Log),
            log => log.Contains("job held cannot start: Too many waiting or running tasks", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "the refused start in the log");
    }
}
