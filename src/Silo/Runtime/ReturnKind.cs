namespace CrisisGrid.Silo.Runtime;

/// <summary>The return shapes a grain or observer method may have.</summary>
internal enum ReturnKind
{
    /// <summary>void: allowed only for [OneWay] methods.</summary>
    Void,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
