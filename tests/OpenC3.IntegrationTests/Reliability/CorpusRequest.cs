using System.Net.Http.Headers;
using System.Text;

namespace OpenC3.IntegrationTests.Reliability;

/// <summary>
/// One request of the corpus. <paramref name="Field"/> and <paramref name="Value"/> name what was made hostile,
/// so an accepted write can be read back; <paramref name="ReadBackPath"/> is the GET that shows what was stored.
/// </summary>
public sealed record CorpusRequest(string Route, string Case, HttpMethod Method, string Path, string? ContentType, byte[]? Body, string? Field = null, string? Value = null, string? ReadBackPath = null)
{
    /// <summary>Why no answer but a refusal will do (a value of a JSON type the document rules out), else null.</summary>
    public string? MustRefuse { get; init; }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = ContentType is null ? null : MediaTypeHeaderValue.Parse(ContentType);
        }

        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? string.Empty : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160));
        return $"{Route} [{Case}] {Method} {(Path.Length > 160 ? Path[..160] + "…" : Path)} {ContentType} {body}";
    }
}
