using System.Security.Cryptography;
using OpenC3.Grains.Abstractions.Diagnostics;

namespace OpenC3.Grains.Diagnostics;

[GrainType("probe")]
public sealed class ProbeGrain([PersistentState("probe")] IPersistentState<ProbeState> state) : Grain, IProbeGrain, IRemindable
{
    private const string ReminderName = "tick";

    public Task<ProbeSnapshot> Get()
    {
        var current = state.State;
        return Task.FromResult(new ProbeSnapshot(current.Payload.Length, Convert.ToHexStringLower(SHA256.HashData(current.Payload)), current.Ticks, current.Ticking));
    }

    public async Task Write(byte[] payload)
    {
        state.State.Payload = payload;
        await state.WriteStateAsync();
    }

    public async Task StartTicking(TimeSpan period)
    {
        state.State.Ticking = true;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public async Task StopTicking()
    {
        state.State.Ticking = false;
        await state.WriteStateAsync();
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
