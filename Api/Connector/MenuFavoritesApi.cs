using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>
/// `/menufavorites?menu=&amp;stat=`: the navbar's star (`navbar.directive.js` `handleMarkOperate`): `stat=2` stars an
/// entry, `stat=1` un-stars it (other numbers change nothing, as upstream). Only entries of <see cref="WebUiMenu"/>
/// can be starred, so a user's list stays bounded.
/// </summary>
public static class MenuFavoritesApi
{
    private const string Starred = "2";
    private const string Plain = "1";

    public static RouteGroupBuilder MapMenuFavoritesApi(this RouteGroupBuilder connector)
    {
        connector.MapMethods("/menufavorites", ["GET", "POST"], Set).LoginOnly("the caller's own navbar favourites");
        return connector;
    }

    private static async Task<IResult> Set(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        var failure = new Check(input).Required("stat", @"^\d+$").NoQuote("menu", required: true).Failure;
        if (failure is null && !WebUiMenu.IsServed(input.Text("menu")!))
        {
            failure = "check format fail menu format error";
        }

        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var (menu, stat) = (input.Text("menu")!, input.Text("stat")!);
        if (stat is Starred or Plain)
        {
            var caller = Caller.Required(context);
            await AuditTrail.RecordAsync(grains, caller, "MENU FAVORITES", $"MENU:{menu} STAT:{stat}");
            await grains.GetGrain<IMenuFavoritesGrain>(0).Set(caller.User, menu, stat == Starred);
        }

        return Reply.Info("ok");
    }
}
