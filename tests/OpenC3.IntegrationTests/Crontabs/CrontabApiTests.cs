using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Crontabs;

/// <summary>`/crontab/:treeid` over HTTP: upstream's routes, checks and shapes, and an every-minute crontab firing its job on a farm host.</summary>
public abstract class CrontabApiTests(ExecutionProduct product)
{
    private const string CronShapeError = @"check format fail cron format error (?^:^[\*0-9\-,\/]+\s+[\*0-9\-,\/]+\s+[\*0-9\-,\/]+\s+[\*0-9\-,\/]+\s+[\*0-9\-,\/]+$)";

    [Fact]
    public async Task Create_StartsUnavailable_WithDetailCountAndAudit()
    {
        using var app = product.App();
        var tree = NewTree();
        var job = await CreateJobAsync(app, tree, "nightly", Cmd("s"));
        var created = await app.PostAsync($"{J}/crontab/{tree}", new { name = "every night", jobuuid = job, cron = "0 2 * * *", mutex = "" });
        Assert.True(created.Data().GetBoolean());
        var id = created.GetProperty("id").GetInt64();

        var row = Assert.Single((await app.GetAsync($"{J}/crontab/{tree}")).Data().EnumerateArray());
        Assert.Equal(
            (id, "every night", job, "0 2 * * *", "", "unavailable", "ci@app", "ci@app", ""),
            (row.GetProperty("id").GetInt64(), row.GetProperty("name").GetString(), row.GetProperty("jobuuid").GetString(), row.GetProperty("cron").GetString(),
             row.GetProperty("mutex").GetString(), row.GetProperty("status").GetString(), row.GetProperty("create_user").GetString(),
             row.GetProperty("edit_user").GetString(), row.GetProperty("timezone").GetString()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", row.GetProperty("create_time").GetString());
        Assert.Equal((0, 1), await CountAsync(app, tree));

        var detail = (await app.GetAsync($"{J}/crontab/{tree}/{id}")).Data();
        Assert.Equal("", detail.GetProperty("cont").GetString());
        Assert.Equal("every night", detail.GetProperty("name").GetString());
        Assert.Equal($"crontabid {id} not belong project {tree + 1}", Refusal(await app.GetAsync($"{J}/crontab/{tree + 1}/{id}")));
        Assert.Equal("check format fail crontabid format error (?^:^\\d+$)", Refusal(await app.GetAsync($"{J}/crontab/{tree}/x1")));

        using var admin = await product.AdminAsync();
        var titles = (await admin.GetAsync($"/api/connector/connectorx/auditlog?content=TREEID:{tree} NAME:every night")).Data().EnumerateArray().Select(r => r.GetProperty("title").GetString());
        Assert.Contains("CREATE CRONTAB", titles);
    }

    [Theory]
    [InlineData("{\"jobuuid\":\"J\",\"cron\":\"* * * * *\",\"mutex\":\"\"}", "check format fail name undef")]
    [InlineData("{\"name\":\"x'y\",\"jobuuid\":\"J\",\"cron\":\"* * * * *\",\"mutex\":\"\"}", "check format fail name format error")]
    [InlineData("{\"name\":\"x\",\"jobuuid\":\"J\",\"cron\":\"* * * *\",\"mutex\":\"\"}", CronShapeError)]
    [InlineData("{\"name\":\"x\",\"jobuuid\":\"J\",\"cron\":\"0 * * * * *\",\"mutex\":\"\"}", CronShapeError)]
    [InlineData("{\"name\":\"x\",\"jobuuid\":\"J\",\"cron\":\"* * * * *\"}", "check format fail mutex undef")]
    [InlineData("{\"name\":\"x\",\"jobuuid\":\"J\",\"cron\":\"* * * * *\",\"mutex\":\"a-b\"}", "check format fail mutex format error (?^:^[a-zA-Z0-9]*$)")]
    [InlineData("{\"name\":\"x\",\"jobuuid\":\"J\",\"cron\":\"60 * * * *\",\"mutex\":\"\"}", "crontab format err: minute")]
    [InlineData("{\"name\":\"x\",\"jobuuid\":\"J\",\"cron\":\"* * 10-3 * *\",\"mutex\":\"\"}", "crontab format err: day")]
    [InlineData("{\"name\":\"x\",\"jobuuid\":\"J\",\"cron\":\"* * * * 8\",\"mutex\":\"\"}", "crontab format err: week")]
    [InlineData("{\"name\":\"x\",\"jobuuid\":\"J\",\"cron\":\"* * * * *\",\"mutex\":\"\",\"timezone\":\"Moon/Base\"}", "check format fail timezone format error")]
    [InlineData("{\"name\":\"x\",\"jobuuid\":\"OTHERJOB0000\",\"cron\":\"* * * * *\",\"mutex\":\"\"}", "jobuuid OTHERJOB0000 not in the project TREE")]
    public async Task BadInput_AnswersUpstreamsMessages(string body, string expected)
    {
        using var app = product.App();
        var tree = NewTree();
        var job = await CreateJobAsync(app, tree, "j", Cmd("s"));
        var request = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body.Replace("\"J\"", $"\"{job}\"", StringComparison.Ordinal))!;
        Assert.Equal(expected.Replace("TREE", tree.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), Refusal(await app.PostAsync($"{J}/crontab/{tree}", request)));
        Assert.Empty((await app.GetAsync($"{J}/crontab/{tree}")).Data().EnumerateArray());
    }

    [Fact]
    public async Task EditSwitchAndDelete_ChangeTheRow_AndAJobOfAnotherNodeIsRefused()
    {
        using var app = product.App();
        var tree = NewTree();
        var job = await CreateJobAsync(app, tree, "j1", Cmd("s"));
        var other = await CreateJobAsync(app, tree, "j2", Cmd("s"));
        var foreign = await CreateJobAsync(app, NewTree(), "j3", Cmd("s"));
        var id = (await app.PostAsync($"{J}/crontab/{tree}", new { name = "c", jobuuid = job, cron = "*/5 * * * *", mutex = "" })).Data().GetBoolean()
            ? (await app.GetAsync($"{J}/crontab/{tree}")).Data()[0].GetProperty("id").GetInt64()
            : 0;

        Assert.True((await app.PostAsync($"{J}/crontab/{tree}/{id}", new { name = "c2", jobuuid = other, cron = "0 9 * * 1-5", mutex = "deploy", timezone = "Asia/Shanghai" })).Data().GetBoolean());
        var detail = (await app.GetAsync($"{J}/crontab/{tree}/{id}")).Data();
        Assert.Equal(("c2", other, "0 9 * * 1-5", "deploy", "Asia/Shanghai"),
            (detail.GetProperty("name").GetString(), detail.GetProperty("jobuuid").GetString(), detail.GetProperty("cron").GetString(), detail.GetProperty("mutex").GetString(), detail.GetProperty("timezone").GetString()));
        Assert.Equal($"jobuuid {foreign} not in the project {tree}", Refusal(await app.PostAsync($"{J}/crontab/{tree}/{id}", new { name = "c2", jobuuid = foreign, cron = "* * * * *", mutex = "" })));
        Assert.Equal("crontab format err: hour", Refusal(await app.PostAsync($"{J}/crontab/{tree}/{id}", new { name = "c2", jobuuid = other, cron = "0 25 * * *", mutex = "" })));

        Assert.Equal("check format fail status need in available,unavailable", Refusal(await app.PostAsync($"{J}/crontab/{tree}/{id}/status", new { status = "on" })));
        Assert.True((await app.PostAsync($"{J}/crontab/{tree}/{id}/status", new { status = "available" })).Data().GetBoolean());
        Assert.Equal((1, 0), await CountAsync(app, tree));
        Assert.Equal("available", (await app.GetAsync($"{J}/crontab/{tree}/{id}")).Data().GetProperty("status").GetString());

        Assert.True((await app.DeleteAsync($"{J}/crontab/{tree}/{id}", new { })).Data().GetBoolean());
        Assert.Empty((await app.GetAsync($"{J}/crontab/{tree}")).Data().EnumerateArray());
        Assert.Equal((0, 0), await CountAsync(app, tree));
        Assert.Equal($"crontabid {id} not belong project {tree}", Refusal(await app.DeleteAsync($"{J}/crontab/{tree}/{id}", new { })));
        Assert.Equal($"crontabid {id} not belong project {tree}", Refusal(await app.PostAsync($"{J}/crontab/{tree}/{id}/status", new { status = "available" })));
    }

    [Fact]
    public async Task List_Filters_ByNameUserAndDay()
    {
        using var app = product.App();
        var tree = NewTree();
        var job = await CreateJobAsync(app, tree, "j", Cmd("s"));
        foreach (var name in new[] { "Backup-db", "rotate logs" })
        {
            Assert.True((await app.PostAsync($"{J}/crontab/{tree}", new { name, jobuuid = job, cron = "0 3 * * *", mutex = "" })).Data().GetBoolean());
        }

        Assert.Equal(["Backup-db"], Names((await app.GetAsync($"{J}/crontab/{tree}?name=backup")).Data()));
        Assert.Equal(["Backup-db", "rotate logs"], Names((await app.GetAsync($"{J}/crontab/{tree}?create_user=ci@app&edit_time_start={Today}&create_time_end={Today}")).Data()));
        Assert.Empty((await app.GetAsync($"{J}/crontab/{tree}?edit_user=nobody")).Data().EnumerateArray());
        Assert.Empty((await app.GetAsync($"{J}/crontab/{tree}?create_time_start={Tomorrow}")).Data().EnumerateArray());
        Assert.Equal(@"check format fail create_time_start format error (?^:^\d{4}\-\d{2}\-\d{2}$)", Refusal(await app.GetAsync($"{J}/crontab/{tree}?create_time_start=today")));
    }

    [Fact]
    public async Task ReadOnlyUser_SeesCrontabs_ButCannotWriteSwitchOrDelete()
    {
        var (tree, reader) = await UserWithLevelAsync(product, 0);
        using (reader)
        {
            using var app = product.App();
            var job = await CreateJobAsync(app, tree, "j", Cmd("s"));
            Assert.True((await app.PostAsync($"{J}/crontab/{tree}", new { name = "c", jobuuid = job, cron = "0 3 * * *", mutex = "" })).Data().GetBoolean());
            var id = (await reader.GetAsync($"{J}/crontab/{tree}")).Data()[0].GetProperty("id").GetInt64();
            Assert.Equal((0, 1), await CountAsync(reader, tree));

            Assert.Equal("Unauthorized", Refusal(await reader.PostAsync($"{J}/crontab/{tree}", new { name = "d", jobuuid = job, cron = "0 3 * * *", mutex = "" })));
            Assert.Equal("Unauthorized", Refusal(await reader.PostAsync($"{J}/crontab/{tree}/{id}", new { name = "d", jobuuid = job, cron = "0 3 * * *", mutex = "" })));
            Assert.Equal("Unauthorized", Refusal(await reader.PostAsync($"{J}/crontab/{tree}/{id}/status", new { status = "available" })));
            Assert.Equal("Unauthorized", Refusal(await reader.DeleteAsync($"{J}/crontab/{tree}/{id}", new { })));
            Assert.Equal("unavailable", (await app.GetAsync($"{J}/crontab/{tree}/{id}")).Data().GetProperty("status").GetString());
            using var anonymous = product.Anonymous();
            Assert.Equal(10000, (await anonymous.GetAsync($"{J}/crontab/{tree}")).GetProperty("code").GetInt32());
        }
    }

    [Fact]
    public async Task Release_IsFalse_WhileANodeHasAnAvailableCrontab()
    {
        using var app = product.App();
        using var anonymous = product.Anonymous();
        var (tree, quiet) = (NewTree(), NewTree());
        var job = await CreateJobAsync(app, tree, "j", Cmd("s"));
        Assert.True((await app.PostAsync($"{J}/crontab/{tree}", new { name = "c", jobuuid = job, cron = "0 3 1 1 *", mutex = "" })).Data().GetBoolean());
        var id = (await app.GetAsync($"{J}/crontab/{tree}")).Data()[0].GetProperty("id").GetInt64();
        Assert.True((await anonymous.GetAsync($"{J}/release?id={tree},{quiet}")).GetBoolean());

        Assert.True((await app.PostAsync($"{J}/crontab/{tree}/{id}/status", new { status = "available" })).Data().GetBoolean());
        Assert.False((await anonymous.GetAsync($"{J}/release?id={quiet},{tree}")).GetBoolean());
        Assert.True((await anonymous.GetAsync($"{J}/release?id={quiet}")).GetBoolean());
        Assert.False((await app.GetAsync($"/api/connector/release?id={tree}")).GetBoolean());

        Assert.True((await app.PostAsync($"{J}/crontab/{tree}/{id}/status", new { status = "unavailable" })).Data().GetBoolean());
        Assert.True((await anonymous.GetAsync($"{J}/release?id={tree}")).GetBoolean());
    }

    [Fact]
    public async Task EveryMinute_FiresTheJobOncePerMinute_AsACrontabRunOfTheLastEditor()
    {
        using var app = product.App();
        using var runs = new CronRuns(app, $"cron-{Guid.NewGuid():N}"[..20], TestServers.SshHosts[30]);
        await runs.ScheduleAsync(mutex: "nightly");
        await runs.WaitForRunsAsync(2);
        await runs.SwitchOffAsync();

        var tasks = await runs.WaitFinishedAsync();
        Assert.All(tasks, t =>
        {
            Assert.Equal(("success", "crontab", "jobs", "ci@app"),
                (t.GetProperty("status").GetString(), t.GetProperty("calltype").GetString(), t.GetProperty("jobtype").GetString(), t.GetProperty("user").GetString()));
            Assert.Matches("^[A-Za-z0-9]{11}[a-z]$", t.GetProperty("uuid").GetString());
        });
        var minutes = tasks.Select(CronRuns.MinuteOf).Order().ToList();
        Assert.Equal(minutes.Count, minutes.Distinct().Count());
        Assert.All(minutes.Zip(minutes.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(1), CronRuns.Parse(pair.Second) - CronRuns.Parse(pair.First)));
        Assert.Equal(tasks.Count, runs.MarkedRuns());
        var detail = (await app.GetAsync($"{J}/task/0/{tasks[0].GetProperty("uuid").GetString()}")).Data();
        Assert.Equal("nightly", detail.GetProperty("mutex").GetString());
    }

    private static async Task<(int Available, int Unavailable)> CountAsync(ApiClient client, long tree)
    {
        var counts = (await client.GetAsync($"{J}/crontab/{tree}/count")).Data();
        return (counts.GetProperty("available").GetInt32(), counts.GetProperty("unavailable").GetInt32());
    }
}

[Collection(SharedProducts.SqliteExecution)]
public sealed class SqliteCrontabApiTests(ExecutionProduct product) : CrontabApiTests(product);

[Collection(SharedProducts.MariaDbExecution)]
public sealed class MariaDbCrontabApiTests(MariaDbExecutionProduct product) : CrontabApiTests(product);
