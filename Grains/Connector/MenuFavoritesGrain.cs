using Dapper;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Connector;

[StatelessWorker]
[GrainType("menufavorites")]
public sealed class MenuFavoritesGrain(SqlDatabase database) : Grain, IMenuFavoritesGrain
{
    private const string Table = "openc3_connector_menu_favorites";

    public async Task<IReadOnlyList<string>> List(string user)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>($"SELECT menu FROM {Table} WHERE `user` = @user ORDER BY id", new { user })).ToList();
    }

    public async Task Set(string user, string menu, bool favourite)
    {
        var sql = !favourite ? $"DELETE FROM {Table} WHERE `user` = @user AND menu = @menu"
            : database.IsMySql ? $"INSERT IGNORE INTO {Table} (`user`, menu) VALUES (@user, @menu)"
            : $"INSERT OR IGNORE INTO {Table} (`user`, menu) VALUES (@user, @menu)";
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(sql, new { user, menu });
    }
}
