namespace OpenC3.IntegrationTests.Reliability;

/// <summary>Row counts per table of the product's database, read while the product runs.</summary>
public interface ITableCounts : IDisposable
{
    Dictionary<string, long> Read();
}

public static class TableCounts
{
    /// <summary>
    /// Tables that change without a request's write: silo state, reminders and membership, the audit of refused calls,
    /// and what tasks accepted earlier keep writing while they run and end (their logs, notices, mail and messages).
    /// </summary>
    public static readonly HashSet<string> Volatile = new(StringComparer.OrdinalIgnoreCase)
    {
        "orleans_grain_state", "orleans_reminders", "sqlite_sequence", "schema_version", "openc3_connector_auditlog",
        "openc3_job_log", "openc3_job_notice", "openc3_job_notice_delivery", "openc3_connector_usermail", "openc3_connector_usermesg",
        "OrleansStorage", "OrleansRemindersTable", "OrleansMembershipTable", "OrleansMembershipVersionTable", "OrleansQuery",
    };

    public static string Difference(Dictionary<string, long> before, Dictionary<string, long> after) =>
        string.Join(", ", after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key} {before.GetValueOrDefault(a.Key)}→{a.Value}"));
}
