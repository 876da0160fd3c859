using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("OpenC3.IntegrationTests.Fixtures.LongestFirst", "OpenC3.IntegrationTests")]

namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>
/// Runs the collections marked <see cref="StartEarlyAttribute"/> first, the rest in xunit's default order: with
/// a few collections at a time, a long one started last would leave the other lanes idle at the end.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private const string PerClassPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        new DefaultTestCollectionOrderer().OrderTestCollections(testCollections).OrderBy(c => StartsEarly(c) ? 0 : 1);

    private static bool StartsEarly(ITestCollection collection)
    {
        var type = collection.CollectionDefinition?.ToRuntimeType()
            ?? (collection.DisplayName.StartsWith(PerClassPrefix, StringComparison.Ordinal)
                ? typeof(LongestFirst).Assembly.GetType(collection.DisplayName[PerClassPrefix.Length..])
                : null);
        return type?.GetCustomAttribute<StartEarlyAttribute>(inherit: true) is not null;
    }
}
