using System.Text.Json;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// Upstream's reply envelope: `{stat:true, data}` or `{stat:false, info}`, HTTP 200 for every handled
/// outcome; `{stat:false, code:10000}` when not logged in.
/// </summary>
public static class Reply
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        DictionaryKeyPolicy = null,
    };

    public static IResult Ok(object? data) => Results.Json(new { stat = true, data }, Json);

    public static IResult Ok(object? data, string info) => Results.Json(new { stat = true, info, data }, Json);

    /// <summary>`{stat:true, info}` without data, as upstream's login and audit routes answer.</summary>
    public static IResult Info(string info) => Results.Json(new { stat = true, info }, Json);

    public static IResult Fail(string info) => Results.Json(new { stat = false, info }, Json);

    public static IResult NotLoggedIn() => Results.Json(new { stat = false, code = 10000 }, Json);

    public static IResult Unauthorized() => Fail("Unauthorized");

    public static IResult Status(int statusCode, string info) => Results.Json(new { stat = false, info }, Json, statusCode: statusCode);
}
