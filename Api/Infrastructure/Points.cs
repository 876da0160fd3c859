namespace OpenC3.Api.Infrastructure;

/// <summary>Upstream's permission points, checked per tree node (`/connectorx/point`).</summary>
public static class Points
{
    public const string JobRead = "openc3_job_read";
    public const string JobWrite = "openc3_job_write";
    public const string JobDelete = "openc3_job_delete";
    public const string JobControl = "openc3_job_control";
    public const string JobRoot = "openc3_job_root";

    /// <summary>
    /// App callers pass every point, as upstream. Interactive users only exist once the connector's
    /// login lands; until then no caller reaches this with <see cref="Caller.IsApp"/> false.
    /// </summary>
    public static bool Allows(Caller caller, string point, long treeId) => caller.IsApp;
}
