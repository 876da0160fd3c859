using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Connector;

[StatelessWorker]
[GrainType("addressbook")]
public sealed class AddressBookGrain(SqlDatabase database, TimeProvider clock) : Grain, IAddressBookGrain
{
    // Dapper fills the record through its constructor, so column order and types match it: the id is a signed BIGINT (Int64) on MySQL too.
    private const string Columns = "id AS Id, `user` AS User, email AS Email, phone AS Phone, edit_user AS EditUser, edit_time AS EditTime, voicemail AS Voicemail";

    public async Task<IReadOnlyList<AddressEntry>> List()
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<AddressEntry>($"SELECT {Columns} FROM openc3_connector_useraddr ORDER BY id")).ToList();
    }

    public async Task<AddressEntry?> Get(long id)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<AddressEntry>($"SELECT {Columns} FROM openc3_connector_useraddr WHERE id = @id", new { id });
    }

    public async Task<string?> Save(AddressChange change, string editor)
    {
        var values = new { id = change.Id, user = change.User, email = change.Email, phone = change.Phone, voicemail = change.Voicemail, edit_user = editor, edit_time = TimeFormat.Now(clock) };
        await using var connection = await database.OpenAsync();
        if (change.Id is null)
        {
            // Without an id, a second entry for the same user replaces the first, as upstream's REPLACE INTO.
            await connection.ExecuteAsync(
                database.Upsert("openc3_connector_useraddr", ["user", "email", "phone", "voicemail", "edit_user", "edit_time"], ["user"], ["email", "phone", "voicemail", "edit_user", "edit_time"]),
                values);
            return null;
        }

        var owner = await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM openc3_connector_useraddr WHERE `user` = @user", values);
        if (owner is { } other && other != change.Id)
        {
            return $"user {change.User} already has an address book entry";
        }

        var updated = await connection.ExecuteAsync(
            "UPDATE openc3_connector_useraddr SET `user` = @user, email = @email, phone = @phone, voicemail = @voicemail, edit_user = @edit_user, edit_time = @edit_time WHERE id = @id",
            values);
        return updated == 0 ? "nofind the id" : null;
    }

    public async Task<AddressEntry?> Delete(long id)
    {
        var entry = await Get(id);
        if (entry is not null)
        {
            await using var connection = await database.OpenAsync();
            await connection.ExecuteAsync("DELETE FROM openc3_connector_useraddr WHERE id = @id", new { id });
        }

        return entry;
    }
}
