using CrisisGrid.Silo.Tests.Runtime.Support;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Tests.Runtime.Grains;

public interface IFragileGrain : IGrainWithStringKey
{
    Task<int> Ping();
}

/// <summary>Its constructor throws while the probe's "fail-ctor:key" counter is at least this construction's number.</summary>
public sealed class FragileGrain : Grain, IFragileGrain
{
    private readonly int _number;

    public FragileGrain(Probe probe)
    {
        var key = this.GetPrimaryKeyString();
        _number = probe.Increment($"fragile-ctor:{key}");
        if (probe.Count($"fail-ctor:{key}") >= _number)
        {
            throw new FormatException($"construction {_number} of {key} fails");
        }
    }

    public Task<int> Ping() => Task.FromResult(_number);
}

public interface IContextGrain : IGrainWithStringKey
{
    Task<string> Describe();
}

/// <summary>Takes its IGrainContext in the constructor (Orleans allows both forms).</summary>
public sealed class ContextGrain(IGrainContext context) : Grain(context), IContextGrain
{
    public Task<string> Describe() => Task.FromResult($"{GrainContext.GrainId}|{ReferenceEquals(GrainContext.GrainInstance, this)}");
}

public interface IPlainGrain : IGrainWithStringKey
{
    Task<string> Describe();
}

/// <summary>Implements IGrainBase directly instead of deriving from Grain.</summary>
public sealed class PlainGrain(IGrainContext context, Probe probe) : IGrainBase, IPlainGrain
{
    public IGrainContext GrainContext { get; } = context;

    public Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Increment($"plain-activate:{GrainContext.GrainId.Key}");
        return Task.CompletedTask;
    }

    public Task<string> Describe() => Task.FromResult(GrainContext.GrainId.ToString());
}

/// <summary>Has no implementation anywhere.</summary>
public interface IUnimplementedGrain : IGrainWithStringKey
{
    Task Ping();
}
