namespace OpenC3.Api.Connector;

/// <summary>
/// The `menu` of `sso/userinfo`: which entries the upstream web UI's navbar shows (`navbar.html`,
/// `menu['业务管理.作业管理'] == 1`). Upstream reads them from its `sys.c3-front.menu.*` settings and marks a
/// user's favourites `2`; here every entry whose page this product serves (job, connector, agent) is `"1"`,
/// or `"2"` when the user starred it (or an entry under it), and the entries of modules it does not have (CMDB,
/// monitor, CI, BPM, kubernetes, tickets, the web terminal, JOBX batches, virtual trees,
/// navigation, the favourites page) are absent. The top bar shows only starred entries; the module cards show all.
/// </summary>
public static class WebUiMenu
{
    private static readonly string[] Served =
    [
        "快速执行", "快速执行.启动任务", "快速执行.脚本执行", "快速执行.分发文件", "快速执行.文件发送", "快速执行.发起审批",
        "业务管理", "业务管理.作业管理", "业务管理.账户管理", "业务管理.文件管理", "业务管理.脚本管理", "业务管理.机器分组",
        "业务管理.机器管理", "业务管理.报警通知", "业务管理.定时作业", "业务管理.代理设置", "业务管理.变量查看", "业务管理.仪表盘",
        "轻应用",
        "执行历史", "执行历史.作业任务",
        "我的.我的审批", "我的.版本信息", "我的.修改密码", "我的.登出",
    ];

    public static bool IsServed(string entry) => Served.Contains(entry, StringComparer.Ordinal);

    /// <summary>Every served entry `"1"`, and `"2"` for a starred one and the entries above it, as upstream.</summary>
    public static Dictionary<string, string> For(IEnumerable<string> favourites)
    {
        var menu = Served.ToDictionary(key => key, _ => "1", StringComparer.Ordinal);
        foreach (var favourite in favourites)
        {
            var parts = favourite.Split('.');
            for (var length = parts.Length; length > 0; length--)
            {
                var entry = string.Join('.', parts[..length]);
                if (menu.ContainsKey(entry))
                {
                    menu[entry] = "2";
                }
            }
        }

        return menu;
    }
}
