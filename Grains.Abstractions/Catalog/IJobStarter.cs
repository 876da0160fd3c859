namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>
/// Starts a tree node's job by name with variables, as `POST /task/:treeid/job/byname` does. A job token's
/// upload calls it with `{version: &lt;file name&gt;}`.
/// </summary>
public interface IJobStarter
{
    Task StartByName(long treeId, string jobName, IReadOnlyDictionary<string, string> variables, string user);
}
