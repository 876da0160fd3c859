namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Who is told about a tree node's finished tasks (`openc3_job_notify`); `_` is the user who started the task.</summary>
[Alias("openc3.INotifyRecipientGrain")]
public interface INotifyRecipientGrain : ITreeValuesGrain
{
    Task<IReadOnlyList<NotifyRecipient>> List(long treeId);
}

[GenerateSerializer, Immutable, Alias("openc3.NotifyRecipient")]
public sealed record NotifyRecipient([property: Id(0)] long Id, [property: Id(1)] string User, [property: Id(2)] string CreateUser, [property: Id(3)] string CreateTime);
