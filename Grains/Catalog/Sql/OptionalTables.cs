using System.Data.Common;
using Dapper;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Catalog;

/// <summary>
/// Some readers depend on tables another module creates (the connector's resources, jobs). A
/// deployment may not have them yet, so those readers ask first and treat a missing table as empty.
/// </summary>
public static class OptionalTables
{
    public static async Task<bool> TableExistsAsync(this SqlDatabase database, DbConnection connection, string table) =>
        await connection.ExecuteScalarAsync<long>(
            database.IsMySql
                ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = @table"
                : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table",
            new { table }) > 0;
}
