namespace ReluKernels.Generators.Emit;

/// <summary>
/// One instruction-set path of the emitted kernels: how to spell a vector type, a broadcast, a load, a fused
/// multiply-add and so on. The scalar path is a one-lane "vector" spelled with plain scalars, so one kernel template
/// serves every path. Every path uses fused multiply-add in the same order, so all paths (and the generic kernel)
/// compute bit-identical forward results.
/// </summary>
internal sealed class Isa
{
    public static readonly Isa Vector512 = new("Vector512", "Vector512", bytes: 64);
    public static readonly Isa Vector256 = new("Vector256", "Vector256", bytes: 32);
    public static readonly Isa Vector128 = new("Vector128", "Vector128 (AdvSimd on Arm64)", bytes: 16);
    public static readonly Isa Scalar = new("Scalar", "scalar", bytes: 0);

    public static readonly Isa[] Vectors = [Vector512, Vector256, Vector128];

    private readonly bool _vector;

    private readonly int _bytes;

    private Isa(string name, string description, int bytes)
    {
        Name = name;
        Description = description;
        _bytes = bytes;
        _vector = bytes > 0;
    }

    /// <summary>Lanes per vector of <paramref name="elementSize"/>-byte elements (1 for scalar), for comments.</summary>
    public int LaneCount(int elementSize) => _vector ? _bytes / elementSize : 1;

    /// <summary>The path's name, matching <c>ReluKernels.KernelPath</c> members and used in method names.</summary>
    public string Name { get; }

    public string Description { get; }

    /// <summary>The vector class as emitted code names it: <c>global::System.Runtime.Intrinsics.Vector512</c>.</summary>
    private string Vector => $"{Names.Intrinsics}.{Name}";

    public bool IsScalar => !_vector;

    public string Type(string t) => _vector ? $"{Vector}<{t}>" : t;

    /// <summary>Lanes per vector, as an expression.</summary>
    public string Count(string t) => _vector ? $"{Vector}<{t}>.Count" : "1";

    public string Zero(string t) => _vector ? $"{Vector}<{t}>.Zero" : t == "float" ? "0f" : "0d";

    public string Broadcast(string scalar) => _vector ? $"{Vector}.Create({scalar})" : scalar;

    /// <summary>Loads a vector (or scalar) at element offset <paramref name="offset"/> (an <c>nint</c> expression) from ref <paramref name="source"/>.</summary>
    public string Load(string source, string offset) =>
        _vector ? $"{Vector}.LoadUnsafe(ref {source}, (nuint)({offset}))" : $"{Names.Unsafe}.Add(ref {source}, {offset})";

    public string Store(string value, string destination, string offset) =>
        _vector ? $"{Vector}.StoreUnsafe({value}, ref {destination}, (nuint)({offset}));" : $"{Names.Unsafe}.Add(ref {destination}, {offset}) = {value};";

    /// <summary><c>a * b + c</c> with one rounding.</summary>
    public string Fma(string t, string a, string b, string c) =>
        _vector ? $"{Vector}.FusedMultiplyAdd({a}, {b}, {c})" : $"{t}.FusedMultiplyAdd({a}, {b}, {c})";

    /// <summary>IEEE-754 maximum (NaN propagates).</summary>
    public string Max(string t, string a, string b) => _vector ? $"{Vector}.Max({a}, {b})" : $"{t}.Max({a}, {b})";

    /// <summary><paramref name="value"/> where <paramref name="condition"/> &gt; 0, else 0.</summary>
    public string WherePositive(string t, string condition, string value) =>
        _vector
            ? $"{Vector}.ConditionalSelect({Vector}.GreaterThan({condition}, {Zero(t)}), {value}, {Zero(t)})"
            : $"{condition} > {Zero(t)} ? {value} : {Zero(t)}";

    /// <summary><paramref name="ifTrue"/> where <paramref name="a"/> &gt; <paramref name="b"/>, else <paramref name="ifFalse"/> (false for NaN).</summary>
    public string WhereGreater(string a, string b, string ifTrue, string ifFalse) =>
        _vector
            ? $"{Vector}.ConditionalSelect({Vector}.GreaterThan({a}, {b}), {ifTrue}, {ifFalse})"
            : $"({a} > {b} ? {ifTrue} : {ifFalse})";

    /// <summary>A constant of element type <paramref name="t"/> in every lane, from its exact literal (see <see cref="ElementLiteral"/>).</summary>
    public string Constant(string t, double value) => Broadcast(ElementLiteral(t, value));

    /// <summary>eˣ per lane by <c>ReluKernels.KernelMath.Exp</c>, the same operations on every path and in <c>GenericNetwork</c>.</summary>
    public static string Exp(string x) => $"{Names.KernelMath}.Exp({x})";

    /// <summary>tanh x per lane by <c>ReluKernels.KernelMath.Tanh</c>, the same operations on every path.</summary>
    public static string Tanh(string x) => $"{Names.KernelMath}.Tanh({x})";

    /// <summary>erf x per lane by <c>ReluKernels.KernelMath.Erf</c>, the same operations on every path.</summary>
    public static string Erf(string x) => $"{Names.KernelMath}.Erf({x})";

    /// <summary>
    /// <paramref name="value"/> rounded to <paramref name="t"/>, written so that the compiler reads back exactly that
    /// <paramref name="t"/> value (shortest round-trip digits), which is what <c>T.CreateTruncating(value)</c> gives at run time.
    /// </summary>
    public static string ElementLiteral(string t, double value)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        string literal = t == "float" ? ((float)value).ToString("R", culture) + "f" : value.ToString("R", culture) + "d";
        return value < 0 ? $"({literal})" : literal;
    }

    public static string Add(string a, string b) => $"{a} + {b}";

    /// <summary>Sum of the lanes.</summary>
    public string Sum(string v) => _vector ? $"{Vector}.Sum({v})" : v;
}
