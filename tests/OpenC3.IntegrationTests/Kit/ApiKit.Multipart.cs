using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Kit;

/// <summary>Multipart bodies, as HttpClient builds them and as a hostile client would.</summary>
public static partial class ApiKit
{
    /// <summary>A multipart body with files named exactly as given (the name goes into `filename="…"` unescaped, as a hostile client would send it).</summary>
    public static HttpContent RawMultipart(params (string FileName, byte[] Content)[] files)
    {
        const string boundary = "openc3-test-boundary";
        var body = new MemoryStream();
        foreach (var (name, content) in files)
        {
            var head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n";
            body.Write(Encoding.UTF8.GetBytes(head));
            body.Write(content);
            body.Write("\r\n"u8);
        }

        body.Write(Encoding.UTF8.GetBytes($"--{boundary}--\r\n"));
        var result = new ByteArrayContent(body.ToArray());
        result.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return result;
    }

    /// <summary>`POST /fileserver/:p/upload` with header `token`, as a CI script uploads.</summary>
    public static async Task<JsonElement> TokenUploadAsync(ApiClient client, long node, string token, HttpContent body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{J}/fileserver/{node}/upload") { Content = body };
        request.Headers.Add("token", token);
        return await ApiClient.ReadAsync(await client.Http.SendAsync(request));
    }

    /// <summary>A multipart body the way HttpClient builds it, with text fields and streamed files.</summary>
    public static MultipartFormDataContent Multipart(IEnumerable<(string Name, Stream Content)> files, IReadOnlyDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), key);
        }

        foreach (var (name, content) in files)
        {
            form.Add(new StreamContent(content), "file", name);
        }

        return form;
    }

    public static MultipartFormDataContent Multipart(string name, string text, IReadOnlyDictionary<string, string>? fields = null) =>
        Multipart([(name, new MemoryStream(Encoding.UTF8.GetBytes(text)))], fields);
}
