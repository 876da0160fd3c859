namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>
/// Marks a test class (or a shared collection's definition) that takes a minute or more: waiting for the clock
/// (cron minutes, reminders), many requests, or many classes. <see cref="LongestFirst"/> starts it before the
/// short ones, so it does not end the run alone.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StartEarlyAttribute : Attribute;
