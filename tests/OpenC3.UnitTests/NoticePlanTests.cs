using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Notifications;

namespace OpenC3.UnitTests;

public sealed class NoticePlanTests
{
    private static readonly Dictionary<string, string> Fields = new() { ["uuid"] = "AbCdEfGhIjKx", ["status"] = "fail", ["projectid"] = "12" };

    [Theory]
    [InlineData("page", "fail", "isPageFail")]
    [InlineData("api", "waiting", "isApiWaiting")]
    [InlineData("crontab", "success", "isCrontabSuccess")]
    public void TaskSwitch_UpperCasesCalltypeAndStatus(string callType, string status, string expected) =>
        Assert.Equal(expected, NoticePlan.TaskSwitch(callType, status));

    [Fact]
    public void Channels_AreOnOnlyWhenTheKeyIsExactlyTrue()
    {
        var environment = new Dictionary<string, string> { ["isPageFailEmail"] = "true", ["isPageFailSms"] = "TRUE" };
        Assert.Equal([NotificationChannel.Email], NoticePlan.Channels(environment, "isPageFail"));
        Assert.Empty(NoticePlan.Channels(environment, "isApiFail"));
    }

    [Fact]
    public void Recipients_ReplaceUnderscoreWithTheStarter_EachOnce()
    {
        Assert.Equal(["alice", "bob"], NoticePlan.Recipients(["_", "bob", "alice", "_"], "alice"));
    }

    [Fact]
    public void Render_FillsKnownFields_KeepsOthers_AndNeverReExpandsAValue()
    {
        var fields = new Dictionary<string, string>(Fields) { ["name"] = "${uuid}" };
        Assert.Equal("task AbCdEfGhIjKx fail ${nope} ${uuid}", NoticePlan.Render("task ${uuid} ${status} ${nope} ${name}", fields));
    }

    [Fact]
    public void Build_UsesDefaultsForEmptyTemplates_AndKeepsTheTitlesFirstLine()
    {
        var environment = new Dictionary<string, string>
        {
            ["notifyTemplateEmailTitle"] = "${status}!\r\nsecond",
            ["notifyTemplateEmailContent"] = string.Empty,
        };
        var deliveries = NoticePlan.Build(environment, [NotificationChannel.Email, NotificationChannel.Sms], "notify", ["ann", "bo"], Fields);

        Assert.Equal(4, deliveries.Count);
        Assert.Equal(new Delivery(NotificationChannel.Email, "ann", "fail!", "task AbCdEfGhIjKx :fail"), deliveries[0]);
        Assert.Equal(new Delivery(NotificationChannel.Sms, "bo", string.Empty, "projectid=12 taskuuid=AbCdEfGhIjKx: fail"), deliveries[3]);
    }
}
