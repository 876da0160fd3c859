namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>
/// What an approval step of a run asks for: the content (a template, or `defaultTemplate`), the
/// approvers (comma separated, may reference variables), whether every approver must agree, and
/// `relaxed` (`on`: the submitter's own row agrees by itself; `nervous`: the submitter is `sys@app`).
/// When the step starts, content and approvers are rendered and <see cref="Submitter"/> (the run's
/// user) is filled in.
/// </summary>
// The alias keeps the former name ApprovalStepPlan: Orleans names the type by it, so silos of the previous build still understand it.
[GenerateSerializer, Immutable, Alias("openc3.ApprovalStepPlan")]
public sealed record ApprovalStepDefinition(
    [property: Id(0)] string Cont,
    [property: Id(1)] string Approver,
    [property: Id(2)] bool Everyone,
    [property: Id(3)] string Relaxed,
    [property: Id(4)] string Submitter = "");
