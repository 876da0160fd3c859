using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// `{stat:true, data}` with a weak ETag made from the reply itself, so a page that polls a large run gets a bodiless 304
/// while nothing changed. Any change of the reply changes the tag.
/// </summary>
public static class TaggedReply
{
    public static IResult Ok(HttpContext context, object? data)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { stat = true, data }, Reply.Json);
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"", isWeak: true);
        context.Response.Headers.ETag = tag.ToString();
        return Matches(context.Request, tag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, "application/json; charset=utf-8");
    }

    private static bool Matches(HttpRequest request, EntityTagHeaderValue tag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var sent) && sent.Any(s => s.Compare(tag, useStrongComparison: false) || s.Equals(EntityTagHeaderValue.Any));
}
