using System.Security.Cryptography;
using OpenC3.Grains.Abstractions.Diagnostics;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Embedded;

public sealed class RestartDurabilityTests(EmbeddedProduct product) : IClassFixture<EmbeddedProduct>
{
    [Fact]
    public async Task StateOver64KB_AndReminder_SurviveKill9()
    {
        var payload = RandomNumberGenerator.GetBytes(300 * 1024);
        var expectedSha = Convert.ToHexStringLower(SHA256.HashData(payload));
        var key = $"restart-{Guid.NewGuid():N}";
        int ticksBeforeCrash;
        await using (var client = await OrleansTestClient.ConnectAsync(product.Settings))
        {
            var probe = client.Grains.GetGrain<IProbeGrain>(key);
            await probe.Write(payload);
            await probe.StartTicking(TimeSpan.FromSeconds(1));
            ticksBeforeCrash = (await Eventually.WaitAsync(probe.Get, s => s.Ticks >= 2, TimeSpan.FromSeconds(30), "two reminder ticks")).Ticks;
        }

        using (var app = product.App())
        {
            Assert.True((await app.PostAsync("/api/job/environment", new Dictionary<string, string> { ["isApiSuccessSms"] = "true" })).GetProperty("stat").GetBoolean());
        }

        await product.CrashAndRestartAsync();

        await using (var client = await OrleansTestClient.ConnectAsync(product.Settings))
        {
            var probe = client.Grains.GetGrain<IProbeGrain>(key);
            var afterRestart = await probe.Get();
            Assert.Equal(payload.Length, afterRestart.PayloadLength);
            Assert.Equal(expectedSha, afterRestart.PayloadSha256);
            Assert.True(afterRestart.Ticking);

            // The reminder was registered before the crash only: further ticks prove it was reloaded from the table.
            await Eventually.WaitAsync(probe.Get, s => s.Ticks >= afterRestart.Ticks + 2, TimeSpan.FromSeconds(60), "ticks after restart");
            Assert.True(afterRestart.Ticks >= ticksBeforeCrash);
            await probe.StopTicking();
        }

        using (var app = product.App())
        {
            var data = (await app.GetAsync("/api/job/environment")).GetProperty("data");
            Assert.Equal("true", data.GetProperty("isApiSuccessSms").GetString());
        }
    }
}
