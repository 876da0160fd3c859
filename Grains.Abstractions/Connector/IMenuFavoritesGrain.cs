namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>The web UI navbar's favourites (`openc3_connector_menu_favorites`): the menu entries each user starred.</summary>
[Alias("openc3.IMenuFavoritesGrain")]
public interface IMenuFavoritesGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<string>> List(string user);

    /// <summary>Stars (<paramref name="favourite"/>) or un-stars one entry; repeating either changes nothing.</summary>
    Task Set(string user, string menu, bool favourite);
}
