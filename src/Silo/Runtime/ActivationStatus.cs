namespace CrisisGrid.Silo.Runtime;

internal enum ActivationStatus
{
    /// <summary>In the directory, nothing has run yet.</summary>
    Created,

    /// <summary>Constructing the grain and running OnActivateAsync; requests wait.</summary>
    Activating,

    /// <summary>Accepting turns.</summary>
    Valid,

    /// <summary>Waiting for the last turn or running OnDeactivateAsync; requests wait and then go to a new activation.</summary>
    Deactivating,

    /// <summary>Gone from the directory; a caller that still holds it looks the grain up again.</summary>
    Invalid,
}
