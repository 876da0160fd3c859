using System.Data.Common;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using OpenC3.IntegrationTests.Embedded;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Resources;

/// <summary>What the job resource tests need around the API: fresh tree nodes, users with grants, the database, multipart bodies.</summary>
public static class ResourceTestKit
{
    public const string J = "/api/job";
    private const string C = "/api/connector";

    public static string Today => DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool Stat(this JsonElement reply) => reply.GetProperty("stat").GetBoolean();

    public static string? Info(this JsonElement reply) => reply.TryGetProperty("info", out var info) ? info.GetString() : null;

    public static JsonElement Data(this JsonElement reply)
    {
        Assert.True(reply.Stat(), reply.ToString());
        return reply.GetProperty("data");
    }

    public static List<JsonElement> Rows(this JsonElement reply) => reply.Data().EnumerateArray().ToList();

    public static string Text(this JsonElement row, string field) => row.GetProperty(field).GetString()!;

    /// <summary>`POST /fileserver/:p/upload` with header `token`, as a CI script uploads.</summary>
    public static async Task<JsonElement> TokenUploadAsync(ApiClient client, long node, string token, HttpContent body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{J}/fileserver/{node}/upload") { Content = body };
        request.Headers.Add("token", token);
        return await ApiClient.ReadAsync(await client.Http.SendAsync(request));
    }

    /// <summary>A new root node of the service tree, so every test has its own data.</summary>
    public static async Task<long> NewNodeAsync(EmbeddedProduct product)
    {
        using var admin = await product.AdminAsync();
        var reply = await admin.PostAsync($"{C}/default/tree", new { name = $"n{Guid.NewGuid():N}"[..16] });
        return reply.Data().GetInt64();
    }

    /// <summary>A browser logged in as a new user holding <paramref name="level"/> on <paramref name="node"/> (no grant when null).</summary>
    public static async Task<ApiClient> UserAsync(EmbeddedProduct product, long? node, int level) => (await NamedUserAsync(product, node, level)).Browser;

    /// <summary><see cref="UserAsync"/>, with the new user's name.</summary>
    public static async Task<(string User, ApiClient Browser)> NamedUserAsync(EmbeddedProduct product, long? node, int level)
    {
        using var admin = await product.AdminAsync();
        var user = $"u{Guid.NewGuid():N}"[..14];
        Assert.True((await admin.PostAsync($"{C}/default/user/adduser", new { user, pass = $"password-{user}" })).Stat());
        if (node is not null)
        {
            Assert.True((await admin.PostAsync($"{C}/default/auth/tree/addauth", new { user, tree = node, level })).Stat());
        }

        var browser = product.Anonymous();
        Assert.True((await browser.LoginAsync(user, $"password-{user}")).Stat());
        return (user, browser);
    }

    /// <summary>Audit rows whose title and content contain the given text.</summary>
    public static async Task<List<JsonElement>> AuditAsync(EmbeddedProduct product, string title, string content)
    {
        using var admin = await product.AdminAsync();
        return (await admin.GetAsync($"{C}/connectorx/auditlog?title={Uri.EscapeDataString(title)}&content={Uri.EscapeDataString(content)}")).Rows();
    }

    /// <summary>Runs SQL on the product's own database (SQLite file or MariaDB), as the execution engine would write rows.</summary>
    public static async Task<int> ExecuteSqlAsync(EmbeddedProduct product, string sql, object? parameters = null)
    {
        await using var connection = await OpenDatabaseAsync(product);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var property in parameters?.GetType().GetProperties() ?? [])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@{property.Name}";
            parameter.Value = property.GetValue(parameters) ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row a query answers, as text (null when no row).</summary>
    public static async Task<string?> ScalarTextAsync(EmbeddedProduct product, string sql)
    {
        await using var connection = await OpenDatabaseAsync(product);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every text cell of a table, to prove a secret is stored nowhere.</summary>
    public static async Task<List<string>> AllTextAsync(EmbeddedProduct product, string table)
    {
        await using var connection = await OpenDatabaseAsync(product);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var cells = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return cells;
    }

    /// <summary>The product's blob store (its default `data/files` under the working folder).</summary>
    public static string BlobStore(EmbeddedProduct product) => Path.Combine(Path.GetDirectoryName(product.DatabaseFile)!, "files");

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

    private static async Task<DbConnection> OpenDatabaseAsync(EmbeddedProduct product)
    {
        var connectionString = product.Settings["Storage:ConnectionString"];
        DbConnection connection = product.Settings["Storage:Provider"] == "mysql" ? new MySqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
