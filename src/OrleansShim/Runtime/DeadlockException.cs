namespace Orleans.Runtime;

/// <summary>
/// Thrown when a call would re-enter a non-reentrant grain that is already waiting in the same call chain
/// (A → B → A). Orleans would time out; the in-process host fails fast and names the chain.
/// </summary>
public sealed class DeadlockException : Exception
{
    public DeadlockException() { }

    public DeadlockException(string message) : base(message) { }

    public DeadlockException(string message, Exception inner) : base(message, inner) { }
}
