namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>The address book (`openc3_connector_useraddr`): the mail address and phone (or IM bot id) of each user.</summary>
[Alias("openc3.IAddressBookGrain")]
public interface IAddressBookGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<AddressEntry>> List();

    Task<AddressEntry?> Get(long id);

    /// <summary>Updates entry <see cref="AddressChange.Id"/>, or inserts (replacing the entry of the same user); error text on failure.</summary>
    Task<string?> Save(AddressChange change, string editor);

    /// <summary>The removed entry, or null when there was none.</summary>
    Task<AddressEntry?> Delete(long id);
}

[GenerateSerializer, Immutable, Alias("openc3.AddressEntry")]
public sealed record AddressEntry(
    [property: Id(0)] long Id,
    [property: Id(1)] string User,
    [property: Id(2)] string Email,
    [property: Id(3)] string Phone,
    [property: Id(4)] string EditUser,
    [property: Id(5)] string EditTime,
    [property: Id(6)] string Voicemail);

[GenerateSerializer, Immutable, Alias("openc3.AddressChange")]
public sealed record AddressChange(
    [property: Id(0)] long? Id,
    [property: Id(1)] string User,
    [property: Id(2)] string Email,
    [property: Id(3)] string Phone,
    [property: Id(4)] string Voicemail);
