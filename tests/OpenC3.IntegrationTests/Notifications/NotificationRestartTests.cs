using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Notifications;

/// <summary>kill -9 of the product while a task waits: its waiting notice is not sent a second time.</summary>
[StartEarly]
public sealed class NotificationRestartTests(NotifyProduct product) : IClassFixture<NotifyProduct>
{
    [Fact]
    public async Task AWaitingNotice_IsSentOnce_EvenWhenTheProductRestartsWhileTheTaskWaits()
    {
        string uuid, stepUuid;
        using (var admin = await product.AdminWithSwitchesAsync(NotificationTests.Switches(success: false, fail: true)))
        {
            (uuid, stepUuid) = await NotificationTests.StartWaitingJobAsync(admin, "restart-wait");
            await Eventually.WaitAsync(() => Task.FromResult(product.MailsAbout(uuid).Count), n => n > 0, TimeSpan.FromSeconds(60), "the waiting notice");
        }

        await product.CrashAndRestartAsync();

        // The tasks' watchdog wakes it within a minute of the restart and hands its waiting episode over again: that must send nothing.
        await Task.Delay(TimeSpan.FromSeconds(80));
        Assert.Single(product.MailsAbout(uuid));

        using var after = await product.AdminAsync();
        await NotificationTests.DecideAsync(after, uuid, stepUuid, "fail");
        await NotificationTests.WaitStatusAsync(after, uuid, "fail");
        var mails = await Eventually.WaitAsync(() => Task.FromResult(product.MailsAbout(uuid)), m => m.Count >= 2, TimeSpan.FromSeconds(60), "the fail notice");
        Assert.Equal(["[project_0] restart-wait waiting", "[project_0] restart-wait fail"], mails.Select(m => m.Subject));
    }
}
