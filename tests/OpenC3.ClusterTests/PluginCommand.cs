using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>`POST /task/0/plugin_cmd`: a shell script on farm hosts as the farm's login, on node 0.</summary>
public static class PluginCommand
{
    public static Task<JsonElement> StartAsync(ApiClient app, string name, IEnumerable<string> hosts, string script, int timeout) =>
        app.PostAsync("/api/job/task/0/plugin_cmd", new
        {
            name,
            user = TestServers.SshUser,
            node_type = "builtin",
            node_cont = string.Join(',', hosts),
            scripts_type = "shell",
            scripts_cont = script,
            timeout,
        });
}
