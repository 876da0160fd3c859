namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Variables of a job (`openc3_job_variable`): defaults for `$name` references and special switches.</summary>
[Alias("openc3.IJobVariablesGrain")]
public interface IJobVariablesGrain : IGrainWithIntegerKey
{
    /// <summary>Variables of a job of the node, sorted by describe (after upstream's default labels).</summary>
    Task<IReadOnlyList<JobVariable>> List(long treeId, string jobUuid, VariableQuery query);

    /// <summary>Replaces one variable (a new row, env reset); returns rows affected as MySQL's REPLACE counts them, 0 when the job is not on the node.</summary>
    Task<int> Replace(long treeId, string jobUuid, VariableInput variable, string user);

    /// <summary>Upserts special variables and updates existing others; false when the job is not on the node.</summary>
    Task<bool> Update(long treeId, string jobUuid, IReadOnlyList<VariableInput> variables, string user);

    Task<int> Delete(long treeId, string jobUuid, string name);

    /// <summary>Deletes a variable of the job with this row id, whatever its node (upstream's admin route); rows deleted.</summary>
    Task<int> DeleteOfJobId(long jobId, string name);

    /// <summary>
    /// The token of upstream's variable-update link for (node, job, variable name): an HMAC under a key kept in
    /// the database, the same every time it is asked, unguessable without the key.
    /// </summary>
    Task<string> UpdateToken(long treeId, string jobUuid, string name);

    /// <summary>Sets a variable's option list (or its value) of a job of the node; rows changed.</summary>
    Task<int> SetOption(long treeId, string jobUuid, string name, string text, bool asValue);
}

[GenerateSerializer, Immutable, Alias("openc3.VariableQuery")]
public sealed record VariableQuery(
    [property: Id(0)] bool OnlyEmpty,
    [property: Id(1)] IReadOnlyList<string> Exclude,
    [property: Id(2)] string? Env);

[GenerateSerializer, Immutable, Alias("openc3.VariableInput")]
public sealed record VariableInput(
    [property: Id(0)] string Name,
    [property: Id(1)] string Value,
    [property: Id(2)] string Describe,
    [property: Id(3)] string Option);

[GenerateSerializer, Immutable, Alias("openc3.JobVariable")]
public sealed record JobVariable(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Value,
    [property: Id(3)] string Describe,
    [property: Id(4)] string Option,
    [property: Id(5)] string CreateUser,
    [property: Id(6)] string CreateTime);
