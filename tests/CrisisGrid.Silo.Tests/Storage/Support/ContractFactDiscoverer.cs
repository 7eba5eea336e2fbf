using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CrisisGrid.Silo.Tests.Storage.Support;

/// <summary>Discovers <see cref="ContractFactAttribute"/> tests, skipping them when their class's requirement is unmet.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var testClass = ((IReflectionTypeInfo)testMethod.TestClass.Class).Type;
        var skipReason = testClass.GetCustomAttribute<RequiresEnvironmentVariableAttribute>()?.SkipReason;
        yield return new RequirementAwareTestCase(
            diagnosticMessageSink,
            discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod,
            skipReason);
    }
}

/// <summary>An ordinary xunit test case whose skip reason was decided at discovery (and survives serialization).</summary>
public sealed class RequirementAwareTestCase : XunitTestCase
{
    private string? _skipReason;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public RequirementAwareTestCase()
    {
    }

    public RequirementAwareTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        string? skipReason)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        _skipReason = skipReason;
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("RequirementSkipReason", _skipReason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _skipReason = data.GetValue<string>("RequirementSkipReason");
        base.Deserialize(data);
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) => _skipReason ?? base.GetSkipReason(factAttribute);
}
