using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using Orleans.Concurrency;

namespace CrisisGrid.Silo.Runtime;

/// <summary>
/// Everything needed to call one interface method through a reference, compiled once per method (expression trees)
/// so the call path never uses <see cref="MethodInfo.Invoke(object?, object?[])"/>.
/// </summary>
internal sealed class MethodInvoker
{
    private static readonly MethodInfo TaskResultAsMethod = typeof(MethodInvoker).GetMethod(nameof(TaskResultAs), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ValueTaskResultAsMethod = typeof(MethodInvoker).GetMethod(nameof(ValueTaskResultAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<Task<object?>, object?> _toDeclaredReturn;

    public MethodInvoker(MethodInfo method)
    {
        Method = method;
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
        OneWay = method.IsDefined(typeof(OneWayAttribute), inherit: true);
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true);
        (Kind, ResultType) = Classify(method);
        Validate();
        Invoke = CompileInvoke(method, Kind);
        GetResult = ResultType is null ? null : CompileGetResult(ResultType);
        _toDeclaredReturn = CompileToDeclaredReturn(Kind, ResultType);
    }

    public MethodInfo Method { get; }

    /// <summary>"IExerciseGrain.Start", for errors and logs.</summary>
    public string Name { get; }

    public bool OneWay { get; }

    public bool AlwaysInterleave { get; }

    public ReturnKind Kind { get; }

    /// <summary>T of Task&lt;T&gt; / ValueTask&lt;T&gt;; null otherwise.</summary>
    public Type? ResultType { get; }

    /// <summary>Calls the method on the target; the returned task is the method's own (a Task&lt;T&gt; for results).</summary>
    public Func<object, object?[], Task> Invoke { get; }

    /// <summary>Reads the result of a completed task returned by <see cref="Invoke"/>; null when there is none.</summary>
    public Func<Task, object?>? GetResult { get; }

    /// <summary>Turns the boxed completion of a call into what the interface method returns (Task&lt;T&gt;, ValueTask, ...).</summary>
    public object? ToDeclaredReturn(Task<object?> completion) => _toDeclaredReturn(completion);

    /// <summary>The return value of a one-way call: the caller does not wait.</summary>
    public object? CompletedReturn() => Kind switch
    {
        ReturnKind.Task => Task.CompletedTask,
        ReturnKind.ValueTask => default(ValueTask),
        _ => null,
    };

    private static (ReturnKind Kind, Type? ResultType) Classify(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(void))
        {
            return (ReturnKind.Void, null);
        }

        if (type == typeof(Task))
        {
            return (ReturnKind.Task, null);
        }

        if (type == typeof(ValueTask))
        {
            return (ReturnKind.ValueTask, null);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return (ReturnKind.TaskOfT, type.GetGenericArguments()[0]);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return (ReturnKind.ValueTaskOfT, type.GetGenericArguments()[0]);
        }

        throw new NotSupportedException(
            $"{method.DeclaringType!.FullName}.{method.Name} returns {type.Name}. Grain and observer methods must return " +
            "Task, Task<T>, ValueTask or ValueTask<T>, or be void and marked [OneWay].");
    }

    private void Validate()
    {
        if (Kind == ReturnKind.Void && !OneWay)
        {
            throw new NotSupportedException($"{Method.DeclaringType!.FullName}.{Method.Name} returns void; mark it [OneWay] or return Task.");
        }

        if (OneWay && ResultType is not null)
        {
            throw new NotSupportedException($"{Method.DeclaringType!.FullName}.{Method.Name} is [OneWay] but returns a value; one-way calls have no result.");
        }

        if (Method.GetParameters().FirstOrDefault(p => p.ParameterType.IsByRef) is { } byRef)
        {
            throw new NotSupportedException($"{Method.DeclaringType!.FullName}.{Method.Name} has the ref/out parameter '{byRef.Name}'; grain calls pass arguments by value.");
        }
    }

    // (object target, object?[] args) => (Task)((TInterface)target).Method((T0)args[0], ...)
    private static Func<object, object?[], Task> CompileInvoke(MethodInfo method, ReturnKind kind)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = method.GetParameters().Select((p, i) =>
            Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        Expression call = Expression.Call(Expression.Convert(target, method.DeclaringType!), method, arguments);
        Expression body = kind switch
        {
            ReturnKind.Void => Expression.Block(call, Expression.Constant(Task.CompletedTask)),
            ReturnKind.Task => call,
            ReturnKind.TaskOfT => Expression.Convert(call, typeof(Task)),
            // ValueTasks become Tasks so the runtime can await them after the turn scheduling (ValueTask may be awaited once).
            ReturnKind.ValueTask or ReturnKind.ValueTaskOfT => Expression.Convert(Expression.Call(call, call.Type.GetMethod(nameof(ValueTask.AsTask))!), typeof(Task)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return Expression.Lambda<Func<object, object?[], Task>>(body, target, args).Compile();
    }

    // (Task task) => (object?)((Task<T>)task).Result
    private static Func<Task, object?> CompileGetResult(Type resultType)
    {
        var task = Expression.Parameter(typeof(Task), "task");
        var typed = Expression.Convert(task, typeof(Task<>).MakeGenericType(resultType));
        var body = Expression.Convert(Expression.Property(typed, nameof(Task<object>.Result)), typeof(object));
        return Expression.Lambda<Func<Task, object?>>(body, task).Compile();
    }

    private static Func<Task<object?>, object?> CompileToDeclaredReturn(ReturnKind kind, Type? resultType) => kind switch
    {
        ReturnKind.Void => static _ => null,
        ReturnKind.Task => static completion => completion,
        ReturnKind.ValueTask => static completion => new ValueTask(completion),
        ReturnKind.TaskOfT => TaskResultAsMethod.MakeGenericMethod(resultType!).CreateDelegate<Func<Task<object?>, object?>>(),
        ReturnKind.ValueTaskOfT => ValueTaskResultAsMethod.MakeGenericMethod(resultType!).CreateDelegate<Func<Task<object?>, object?>>(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // Both are bound to Func<Task<object?>, object?> by CreateDelegate, hence the object return type.
    [SuppressMessage("Performance", "CA1859", Justification = "Bound to a Func<Task<object?>, object?> delegate.")]
    private static object? TaskResultAs<T>(Task<object?> completion) => Unbox<T>(completion);

    [SuppressMessage("Performance", "CA1859", Justification = "Bound to a Func<Task<object?>, object?> delegate.")]
    private static object? ValueTaskResultAs<T>(Task<object?> completion) => new ValueTask<T>(Unbox<T>(completion));

    // Runtime code, not grain code: the caller's own await decides where the caller resumes.
    private static async Task<T> Unbox<T>(Task<object?> completion) => (T)(await completion.ConfigureAwait(false))!;
}
