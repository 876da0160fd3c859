namespace OpenC3.Grains.Execution;

/// <summary>
/// How the executor stops a script cut short (<see cref="ScriptCommand"/>): the script announces its session,
/// which is handed to <see cref="OnStarted"/> (to be kept with the step), and a cut runs <see cref="StopLine"/> for it.
/// </summary>
public sealed record RemoteStop(Func<RemoteSession, string> StopLine, Func<RemoteSession, Task> OnStarted);
