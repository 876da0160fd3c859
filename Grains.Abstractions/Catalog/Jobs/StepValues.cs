namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>The enumerations of job steps, in upstream's canonical spelling.</summary>
public static class StepValues
{
    public const string Cmd = "cmd";
    public const string Scp = "scp";
    public const string Approval = "approval";
    public const string Always = "always";

    /// <summary>Node type and scp source/destination type meaning "hosts listed in the step". The spec spells it `buildin`.</summary>
    public const string Builtin = "builtin";
    public const string Group = "group";
    public const string Fileserver = "fileserver";
    public const string Cite = "cite";

    public static readonly string[] PluginTypes = [Cmd, Scp, Approval];
    public static readonly string[] NodeTypes = [Builtin, Group, "variable"];
    public static readonly string[] ScriptTypes = [Cite, "shell", "perl", "python", "php", "buildin", "auto"];
    public static readonly string[] SrcTypes = [Builtin, Group, Fileserver, "variable", "ci"];
    public static readonly string[] DstTypes = [Builtin, Group, "variable"];
    public static readonly string[] Deployenvs = ["test", "online", Always];
    public static readonly string[] Actions = ["deploy", "rollback", Always];
    public static readonly string[] Batches = ["firsttime", "thelasttime", "notfirsttime", "notthelasttime", Always];
    public static readonly string[] Everyone = ["on", "off"];
    public static readonly string[] Relaxed = ["on", "off", "nervous"];
}
