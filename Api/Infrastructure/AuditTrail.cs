using OpenC3.Grains.Abstractions.Audit;

namespace OpenC3.Api.Infrastructure;

/// <summary>Every mutation records (user, title, content) in the connector's audit log before it is done.</summary>
public static class AuditTrail
{
    public static Task RecordAsync(IGrainFactory grains, Caller caller, string title, string content) =>
        grains.GetGrain<IAuditGrain>(0).Record(caller.User, title, content);
}
