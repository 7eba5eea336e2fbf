namespace Orleans.Utilities;

/// <summary>
/// Keeps a grain's subscribers with a last-seen time and drops those that stop renewing or that fail.
/// Same shape as Orleans.Utilities.ObserverManager: subscribers renew by subscribing again.
/// </summary>
public sealed class ObserverManager<TObserver>(TimeSpan expirationDuration, TimeProvider timeProvider)
    where TObserver : IAddressable
{
    private readonly Dictionary<TObserver, DateTimeOffset> _observers = [];

    public TimeSpan ExpirationDuration { get; set; } = expirationDuration;

    public int Count => _observers.Count;

    public IEnumerable<TObserver> Observers => _observers.Keys;

    /// <summary>Adds the observer or renews its lease.</summary>
    public void Subscribe(TObserver observer) => _observers[observer] = timeProvider.GetUtcNow();

    public void Unsubscribe(TObserver observer) => _observers.Remove(observer);

    public void Clear() => _observers.Clear();

    public void ClearExpired()
    {
        var cutoff = timeProvider.GetUtcNow() - ExpirationDuration;
        foreach (var (observer, lastSeen) in _observers.ToList())
        {
            if (lastSeen < cutoff)
            {
                _observers.Remove(observer);
            }
        }
    }

    /// <summary>Notifies every live observer; an observer whose call throws is removed.</summary>
    public async Task Notify(Func<TObserver, Task> notification, Func<TObserver, bool>? predicate = null)
    {
        ClearExpired();
        List<TObserver>? failed = null;
        foreach (var observer in _observers.Keys.ToList())
        {
            if (predicate is not null && !predicate(observer))
            {
                continue;
            }

            try
            {
                await notification(observer);
            }
            catch (Exception)
            {
                (failed ??= []).Add(observer);
            }
        }

        failed?.ForEach(o => _observers.Remove(o));
    }

    /// <summary>Notifies every live observer with a one-way call; failures surface asynchronously, not here.</summary>
    public void Notify(Action<TObserver> notification, Func<TObserver, bool>? predicate = null)
    {
        ClearExpired();
        List<TObserver>? failed = null;
        foreach (var observer in _observers.Keys.ToList())
        {
            if (predicate is not null && !predicate(observer))
            {
                continue;
            }

            try
            {
                notification(observer);
            }
            catch (Exception)
            {
                (failed ??= []).Add(observer);
            }
        }

        failed?.ForEach(o => _observers.Remove(o));
    }
}
