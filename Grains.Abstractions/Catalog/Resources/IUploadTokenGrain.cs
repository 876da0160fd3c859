namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>
/// Tokens that let scripts upload to a tree node's file server without a login (`openc3_job_token`).
/// Only a hash is stored: the token is seen once, in the answer to its creation.
/// </summary>
[Alias("openc3.IUploadTokenGrain")]
public interface IUploadTokenGrain : ITreeRowsGrain
{
    /// <summary>The node's tokens, each shown masked.</summary>
    Task<IReadOnlyList<UploadToken>> List(long treeId, RowFilter rows);

    /// <summary>Stores the token's hash; the new row id, or an error text when the node already has that token.</summary>
    Task<TokenCreated> Create(long treeId, TokenInput input, string user);

    /// <summary>Whether the token may upload to the node (its own or a global one), and the job it starts.</summary>
    Task<TokenGrant> Authorize(long treeId, string token);
}

[GenerateSerializer, Immutable, Alias("openc3.UploadToken")]
public sealed record UploadToken(
    [property: Id(0)] long Id,
    [property: Id(1)] string MaskedToken,
    [property: Id(2)] string Describe,
    [property: Id(3)] string CreateUser,
    [property: Id(4)] string CreateTime,
    [property: Id(5)] string IsJob,
    [property: Id(6)] string JobName);

[GenerateSerializer, Immutable, Alias("openc3.TokenInput")]
public sealed record TokenInput([property: Id(0)] string Token, [property: Id(1)] string Describe, [property: Id(2)] bool IsJob, [property: Id(3)] string JobName);

[GenerateSerializer, Immutable, Alias("openc3.TokenCreated")]
public sealed record TokenCreated([property: Id(0)] long? Id, [property: Id(1)] string? Error);

/// <summary>A job is started after an upload only when the token belongs to the node itself (not a global one), as upstream.</summary>
[GenerateSerializer, Immutable, Alias("openc3.TokenGrant")]
public sealed record TokenGrant([property: Id(0)] bool Allowed, [property: Id(1)] bool StartsJob, [property: Id(2)] string JobName);
