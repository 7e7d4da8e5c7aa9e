using System.Diagnostics.CodeAnalysis;

namespace KongIdentityOperator.Status;

/// <summary>
/// A value, or the outcome that says why there is none yet (a reference missing, a server refused...). Check
/// <see cref="Succeeded"/> (or use <see cref="TryGet"/>) and the compiler knows which of the two is there.
/// </summary>
internal sealed class Resolution<T>
{
    private Resolution(T? value, ReconcileOutcome? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public ReconcileOutcome? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    public static Resolution<T> Of(T value) => new(value, null);

    public static Resolution<T> Failed(ReconcileOutcome problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(default, problem);
    }

    public bool TryGet([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out ReconcileOutcome? problem)
    {
        value = Value;
        problem = Problem;
        return problem is null;
    }

    /// <summary>The same problem as a resolution of another type.</summary>
    public Resolution<TOther> Map<TOther>(Func<T, TOther> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return TryGet(out var value, out var problem) ? Resolution<TOther>.Of(map(value)) : Resolution<TOther>.Failed(problem);
    }
}
