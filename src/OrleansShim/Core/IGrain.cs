namespace Orleans;

/// <summary>Anything that can be addressed by the runtime: grains, grain references and observers.</summary>
public interface IAddressable;

/// <summary>Marker for grain interfaces.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain interface whose identity is a string key. CrisisGrid uses string keys only.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>
/// An object outside (or inside) the silo that grains notify. Methods return <see cref="Task"/> or are
/// <c>void</c> and marked <see cref="Concurrency.OneWayAttribute"/>.
/// </summary>
public interface IGrainObserver : IAddressable;
