using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Files;
using OpenC3.Grains.Catalog;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Files;

/// <summary>File rows of tree nodes; removes a blob once no row points at it (rows stored before SHA-256 naming point by md5).</summary>
[StatelessWorker]
[GrainType("fileserver")]
public sealed class FileCatalogGrain(SqlDatabase database, TimeProvider clock, IOptionsMonitor<FileServerOptions> options)
    : TreeRowsGrain(new TreeRowTable(database, clock, Table, uniqueColumn: "name", labelColumn: "name")), IFileCatalogGrain
{
    private const string Table = "openc3_job_fileserver";
    private const string Columns =
        "id AS Id, name AS Name, size AS Size, md5 AS Md5, create_user AS CreateUser, create_time AS CreateTime, edit_user AS EditUser, edit_time AS EditTime, sha256 AS Sha256";

    /// <summary>The blob a row points at: its SHA-256, or the md5 of a row stored before.</summary>
    private const string BlobNameColumn = "COALESCE(sha256, md5)";

    public async Task<IReadOnlyList<StoredFile>> List(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<FileRow>(
            $"SELECT {Columns} FROM {Table} WHERE projectid = @treeId AND status = @status ORDER BY id", new { treeId, status = TreeRowTable.Available });
        return rows.Select(r => r.ToStoredFile()).ToList();
    }

    public async Task<StoredFile?> Find(long treeId, string name)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<FileRow>(
            $"SELECT {Columns} FROM {Table} WHERE projectid = @treeId AND name = @name AND status = @status", new { treeId, name, status = TreeRowTable.Available });
        return row?.ToStoredFile();
    }

    public async Task Save(long treeId, FileUpload upload)
    {
        var now = TimeFormat.Now(clock);
        string? previous;
        await using (var connection = await database.OpenAsync())
        {
            previous = await connection.QuerySingleOrDefaultAsync<string>(
                $"SELECT {BlobNameColumn} FROM {Table} WHERE projectid = @treeId AND name = @name AND status = @status", new { treeId, name = upload.Name, status = TreeRowTable.Available });
            await connection.ExecuteAsync(
                database.Upsert(
                    Table,
                    ["projectid", "name", "size", "md5", "sha256", "create_user", "create_time", "edit_user", "edit_time", "status"],
                    ["projectid", "name"],
                    ["size", "md5", "sha256", "edit_user", "edit_time"]),
                new
                {
                    projectid = treeId,
                    name = upload.Name,
                    size = upload.Size.ToString(CultureInfo.InvariantCulture),
                    md5 = upload.Md5,
                    sha256 = upload.Sha256,
                    create_user = upload.CreateUser,
                    create_time = now,
                    edit_user = upload.EditUser,
                    edit_time = now,
                    status = TreeRowTable.Available,
                });
        }

        if (previous is not null && previous != upload.Sha256)
        {
            await ReleaseAsync(previous);
        }
    }

    public override async Task<bool> Delete(long treeId, long id, string user)
    {
        string? blobName;
        await using (var connection = await database.OpenAsync())
        {
            blobName = await connection.QuerySingleOrDefaultAsync<string>(
                $"SELECT {BlobNameColumn} FROM {Table} WHERE id = @id AND projectid = @treeId AND status = @status", new { id, treeId, status = TreeRowTable.Available });
        }

        if (blobName is null || !await base.Delete(treeId, id, user))
        {
            return false;
        }

        await ReleaseAsync(blobName);
        return true;
    }

    private Task ReleaseAsync(string blobName) => new FileBlobStore(options.CurrentValue).ReleaseAsync(blobName, () => IsReferencedAsync(blobName));

    private async Task<bool> IsReferencedAsync(string blobName)
    {
        // An md5 names the blob only of rows without a SHA-256: a new row of the same md5 points at another blob.
        var pointsAt = blobName.Length == 64 ? "sha256 = @blobName" : "md5 = @blobName AND sha256 IS NULL";
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Table} WHERE {pointsAt} AND status = @status", new { blobName, status = TreeRowTable.Available }) > 0;
    }

    // Dapper converts column types into settable properties (SQLite integers are Int64, MySQL's INT UNSIGNED is UInt32).
    private sealed class FileRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Size { get; set; } = string.Empty;

        public string Md5 { get; set; } = string.Empty;

        public string CreateUser { get; set; } = string.Empty;

        public string CreateTime { get; set; } = string.Empty;

        public string EditUser { get; set; } = string.Empty;

        public string EditTime { get; set; } = string.Empty;

        public string? Sha256 { get; set; }

        public StoredFile ToStoredFile() => new(Id, Name, Size, Md5, CreateUser, CreateTime, EditUser, EditTime, Sha256);
    }
}
