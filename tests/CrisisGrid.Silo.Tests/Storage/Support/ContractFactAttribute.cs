using Xunit.Sdk;

namespace CrisisGrid.Silo.Tests.Storage.Support;

/// <summary>
/// A [Fact] for a contract suite written once in an abstract class and run by one subclass per implementation. When
/// the concrete class carries <see cref="RequiresEnvironmentVariableAttribute"/> and the variable is unset, the test
/// is reported as skipped with the reason, so a run without (say) PostgreSQL says so instead of passing quietly.
/// </summary>
/// <remarks>xunit 2 can only skip at discovery, and a plain Fact's Skip cannot depend on the subclass; hence this.</remarks>
[XunitTestCaseDiscoverer("CrisisGrid.Silo.Tests.Storage.Support.ContractFactDiscoverer", "CrisisGrid.Silo.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>The concrete test class needs <see cref="Name"/> set in the environment; its contract facts skip otherwise.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentVariableAttribute(string name, string howToProvide) : Attribute
{
    public string Name { get; } = name;

    public string HowToProvide { get; } = howToProvide;

    public string? SkipReason =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Name))
            ? $"NOT RUN: {Name} is not set. {HowToProvide}"
            : null;
}
