using System.Net.Sockets;
using OpenC3.Grains.Execution;
using Renci.SshNet.Common;

namespace OpenC3.Grains.Agent;

/// <summary>
/// Why a proxy did not answer, in upstream's words (`Service not known`, `Permission denied`, `Connection timed out`,
/// `No route to host`, and its `unkwon error` as spelled on the wire), plus `Connection refused` and `Host key changed`;
/// a host reached through its region's proxies that could not be reached says why in the engine's words.
/// </summary>
public static class ProbeReason
{
    public const string Unknown = "unkwon error";

    /// <summary>The `reason` columns hold 100 characters.</summary>
    private const int ReasonColumn = 100;

    public static string Of(Exception error) => error switch
    {
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } => "Service not known",
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "Connection refused",
        SocketException { SocketErrorCode: SocketError.HostUnreachable or SocketError.NetworkUnreachable } => "No route to host",
        SocketException { SocketErrorCode: SocketError.TimedOut } or OperationCanceledException or SshOperationTimeoutException => "Connection timed out",
        SshAuthenticationException => "Permission denied",
        HostKeyChangedException => "Host key changed",
        ProxyPathException path => path.Message.Length > ReasonColumn ? path.Message[..ReasonColumn] : path.Message,
        _ => Unknown,
    };
}
