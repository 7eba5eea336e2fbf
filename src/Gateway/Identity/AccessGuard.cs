using System.Collections.Concurrent;
using System.Security.Claims;
using CrisisGrid.Grains.Access;

namespace CrisisGrid.Gateway.Identity;

/// <summary>
/// Decides whether a verified token still opens its exercise: the token must name that exercise and its join code
/// must not have been revoked. Answers are cached briefly (revocations seen by this gateway take effect at once).
/// </summary>
public sealed class AccessGuard(IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<(string Exercise, string Code), (bool Active, DateTimeOffset Until)> _cache = new();

    /// <summary>The caller's identity in <paramref name="exerciseId"/>, or null when the token does not (or no longer) grant it.</summary>
    public async Task<ExerciseIdentity?> Resolve(ClaimsPrincipal user, string exerciseId)
    {
        var identity = ParticipantClaims.Read(user);
        if (identity is null || identity.ExerciseId != exerciseId)
        {
            return null;
        }

        return await IsActive(identity) ? identity : null;
    }

    public async Task<bool> IsActive(ExerciseIdentity identity)
    {
        var key = (identity.ExerciseId, identity.CodeId);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Active;
        }

        var active = await grains.GetGrain<IExerciseAccessGrain>(identity.ExerciseId).IsActive(identity.CodeId);
        _cache[key] = (active, now + CacheFor);
        return active;
    }

    /// <summary>Called when this gateway learns a code was revoked: tokens from it stop working immediately.</summary>
    public void Revoked(string exerciseId, string codeId) => _cache[(exerciseId, codeId)] = (false, DateTimeOffset.MaxValue);
}
