using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Operability;

/// <summary>`/api/job/monitor/metrics/*` in upstream's shapes and the Prometheus `/metrics` after real runs.</summary>
public abstract class MetricsTests(EmbeddedProduct product)
{
    private static readonly string[] AppKeys =
    [
        "task_total", "task_fail", "task_running", "task_success",
        "subtask_total", "subtask_runnigs", "subtask_fail", "subtask_success", "subtask_decision", "subtask_ignore", "subtask_next",
    ];

    protected abstract string Host { get; }

    [Fact]
    public async Task AppMetrics_CountFinishedTasksAndSteps_WithoutLogin()
    {
        using var app = product.App();
        Assert.Equal("success", (await RunCommandAsync(app, Host, "echo metrics")).Status);
        Assert.Equal("fail", (await RunCommandAsync(app, Host, "exit 4")).Status);

        using var anonymous = product.Anonymous();
        var data = (await anonymous.GetAsync("/api/job/monitor/metrics/app")).Data();
        Assert.Equal(AppKeys.Order(), data.EnumerateObject().Select(p => p.Name).Order());
        long Value(string key) => data.GetProperty(key).GetInt64();
        Assert.True(Value("task_success") >= 1 && Value("task_fail") >= 1, data.ToString());
        Assert.True(Value("subtask_success") >= 1 && Value("subtask_fail") >= 1, data.ToString());
        Assert.Equal(Value("task_fail") + Value("task_running") + Value("task_success"), Value("task_total"));
        Assert.Equal(AppKeys.Where(k => k.StartsWith("subtask_", StringComparison.Ordinal) && k != "subtask_total").Sum(Value), Value("subtask_total"));
    }

    [Fact]
    public async Task PrometheusEndpoint_ExportsTaskHostSshOrleansAndHttpMetrics()
    {
        using var app = product.App();
        Assert.Equal("success", (await RunCommandAsync(app, Host, "echo scraped")).Status);

        using var anonymous = product.Anonymous();
        var text = await anonymous.Http.GetStringAsync("/metrics");
        Assert.Matches(@"(?m)^openc3_tasks_started_total\{[^}]*jobtype=""plugin_cmd""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^openc3_tasks_finished_total\{[^}]*status=""success""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^openc3_subtasks_finished_total\{[^}]*status=""success""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^openc3_hosts_finished_total\{[^}]*status=""success""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^openc3_ssh_connections(\{[^}]*\})? [1-9]", text);
        Assert.Matches(@"(?m)^orleans_\w+", text);
        Assert.Matches(@"(?m)^http_server_request_duration_seconds_count\{[^}]*http_route=""/api/job/task/\{treeid\}/plugin_cmd""", text);
    }

    [Fact]
    public async Task MysqlMetrics_AnswerPerStorageProfile()
    {
        using var anonymous = product.Anonymous();
        var reply = await anonymous.GetAsync("/api/job/monitor/metrics/mysql");
        AssertDatabaseMetrics(reply);
    }

    protected abstract void AssertDatabaseMetrics(System.Text.Json.JsonElement reply);
}

public sealed class SqliteMetricsTests(ExecutionProduct product) : MetricsTests(product), IClassFixture<ExecutionProduct>
{
    protected override string Host => TestServers.SshHosts[33];

    protected override void AssertDatabaseMetrics(System.Text.Json.JsonElement reply)
    {
        Assert.False(reply.GetProperty("stat").GetBoolean());
        Assert.Equal("no mysql server: the storage is sqlite (embedded profile)", reply.GetProperty("info").GetString());
    }
}

public sealed class MariaDbMetricsTests(MariaDbExecutionProduct product) : MetricsTests(product), IClassFixture<MariaDbExecutionProduct>
{
    protected override string Host => TestServers.SshHosts[34];

    protected override void AssertDatabaseMetrics(System.Text.Json.JsonElement reply)
    {
        var data = reply.Data();
        Assert.Equal(["buffer_pool_use", "read", "slow_queries", "threads_connected", "write"], data.EnumerateObject().Select(p => p.Name).Order());
        Assert.True(data.GetProperty("read").GetInt64() > 0 && data.GetProperty("write").GetInt64() > 0, data.ToString());
        Assert.True(data.GetProperty("threads_connected").GetInt64() >= 1, data.ToString());
        Assert.InRange(data.GetProperty("buffer_pool_use").GetInt64(), 0, 100);
    }
}
