using System.Globalization;

namespace ReluKernels.Generators.Emit;

/// <summary>
/// How emitted code reads a parameter. Sample-parallel kernels broadcast one network's scalar parameter to every lane;
/// network-parallel kernels load one vector holding that parameter for <c>Lanes</c> interleaved networks.
/// </summary>
internal abstract class ParameterLayout
{
    /// <summary>Elements between consecutive parameters of one network (1, or the network block size).</summary>
    public abstract int Scale { get; }

    /// <summary>The offset expression of parameter <paramref name="parameter"/> (a literal) of the current network(s).</summary>
    public abstract string LayerBase(int parameter);

    /// <summary>The operand for parameter <c>layerBase + index</c>.</summary>
    public abstract string Read(Isa isa, string layerBase, string index);

    /// <summary>The expression <c>baseExpr + index * scale</c>, folded where parts are constant.</summary>
    public static string Offset(string baseExpr, string index, int scale = 1)
    {
        string scaled = int.TryParse(index, NumberStyles.Integer, CultureInfo.InvariantCulture, out int constant)
            ? (constant * scale).ToString(CultureInfo.InvariantCulture)
            : scale == 1 ? index : $"({index}) * {scale}";
        if (baseExpr == "0")
            return scaled;
        return scaled == "0" ? baseExpr : $"{baseExpr} + {scaled}";
    }
}

/// <summary>One network's parameters, contiguous from <c>ref p</c>, broadcast to all lanes.</summary>
internal sealed class BroadcastParameters : ParameterLayout
{
    public static readonly BroadcastParameters Instance = new();

    public override int Scale => 1;

    public override string LayerBase(int parameter) => parameter.ToString(CultureInfo.InvariantCulture);

    public override string Read(Isa isa, string layerBase, string index) =>
        isa.Broadcast($"{Names.Unsafe}.Add(ref p, {Offset(layerBase, index)})");
}

/// <summary>Interleaved parameters of a block of networks: parameter k of the lanes starting at <c>q</c> is at <c>q + k * lanes</c>.</summary>
internal sealed class InterleavedParameters(int lanes) : ParameterLayout
{
    public override int Scale => lanes;

    public override string LayerBase(int parameter) => Offset("q", parameter.ToString(CultureInfo.InvariantCulture), lanes);

    public override string Read(Isa isa, string layerBase, string index) => isa.Load("p", Offset(layerBase, index, lanes));
}
