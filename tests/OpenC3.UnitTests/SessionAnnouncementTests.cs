using OpenC3.Grains.Execution;
using OpenC3.Grains.Subtasks;

namespace OpenC3.UnitTests;

/// <summary>Issue 15: a script's session announcement is taken out of its output, split or not, and kept with its host.</summary>
public sealed class SessionAnnouncementTests
{
    [Fact]
    public async Task AnnouncementSplitAcrossChunks_IsTakenOut_AndReportedOnce()
    {
        var reported = new List<RemoteSession>();
        var announcement = new SessionAnnouncement(s =>
        {
            reported.Add(s);
            return Task.CompletedTask;
        });

        Assert.Equal(string.Empty, await announcement.FilterAsync("openc3-sess"));
        Assert.Equal("hello\n", await announcement.FilterAsync("ion 4242 987654\nhello\n"));
        Assert.Equal("openc3-session 1 2\n", await announcement.FilterAsync("openc3-session 1 2\n"));
        Assert.Equal(string.Empty, announcement.End());
        Assert.Equal(new RemoteSession(4242, 987654), Assert.Single(reported));
        Assert.Equal(new RemoteSession(4242, 987654), await announcement.Session);
    }

    [Fact]
    public async Task OutputWithoutAnnouncement_IsPassedOnWhole()
    {
        var announcement = new SessionAnnouncement(_ => throw new InvalidOperationException("nothing was announced"));
        Assert.Equal(string.Empty, await announcement.FilterAsync("mktemp: failed"));
        Assert.Equal("mktemp: failed", announcement.End());
        Assert.Null(await announcement.Session);

        var other = new SessionAnnouncement(_ => throw new InvalidOperationException("nothing was announced"));
        Assert.Equal("openc3-session x 1\nrest", await other.FilterAsync("openc3-session x 1\nrest"));
        Assert.Null(await other.Session);
    }

    [Fact]
    public void StoredSessions_RoundTrip_AndNonsenseIsNone()
    {
        Assert.Equal(new RemoteSession(77, 12), RemoteSession.Parse(new RemoteSession(77, 12).ToString()));
        Assert.Null(RemoteSession.Parse("1:5"));
        Assert.Null(RemoteSession.Parse("-5:1"));
        Assert.Null(RemoteSession.Parse(null));
    }

    [Fact]
    public void SessionIsKeptForTheRunningAttemptOnly_AndEveryRunningHostIsAnOrphan_WithItsSessionWhenKnown()
    {
        var (state, _) = SubtaskMachine.Start(SubtaskMachineState.Initial(failFast: false), ["h1", "h2", "h3"]);
        state = SubtaskMachine.HostStarted(state, "h1", 1, "100:5");
        state = SubtaskMachine.HostStarted(state, "h2", 2, "200:5");
        state = SubtaskMachine.HostStarted(state, "h3", 1, "300:5");
        (state, _) = SubtaskMachine.HostFinished(state, "h3", 1, 0, null);
        Assert.Equal(["h1", "h2"], SubtaskMachine.Running(state).Select(h => h.Host));
        Assert.Equal(["100:5", null], SubtaskMachine.Running(state).Select(h => h.Session));
        Assert.Empty(SubtaskMachine.Running(SubtaskMachine.Recover(state)));
    }
}
