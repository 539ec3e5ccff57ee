namespace ReluKernels.Degeneracy;

/// <summary>
/// Rebalancing by positive homogeneity, ρ(λz) = λρ(z) for λ &gt; 0: neuron j's incoming vector a = (w, b) is scaled by
/// λ and its outgoing vector c by 1/λ, with λ = √(‖c‖_∞/‖a‖_∞), so that afterwards ‖c‖_∞ = ‖a‖_∞ and the realisation is
/// unchanged everywhere. Neurons with a = 0 or c = 0 cannot be balanced this way and are left alone.
/// </summary>
public static class Rebalancing
{
    /// <summary>Balances every neuron of hidden layer <paramref name="layer"/> (1-based); returns a new network.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is not a hidden layer.</exception>
    public static LayeredNetwork BalanceLayer(LayeredNetwork network, int layer)
    {
        ArgumentNullException.ThrowIfNull(network);
        _ = network.Hidden(layer);
        var editor = new NetworkEditor(network);
        BalanceInto(editor, network, layer);
        return editor.Build();
    }

    /// <summary>
    /// Balances hidden layers 1..Depth in turn. A shallow network ends fully balanced. In a deep network balancing layer
    /// l + 1 rescales rows of W_{l+1}, which are also entries of layer l's outgoing vectors, so earlier layers are
    /// generally left unbalanced again (only the last hidden layer is guaranteed balanced); diagnose afterwards.
    /// </summary>
    public static LayeredNetwork BalanceAll(LayeredNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var current = network;
        for (int l = 1; l <= network.Depth; l++)
            current = BalanceLayer(current, l);
        return current;
    }

    private static void BalanceInto(NetworkEditor editor, LayeredNetwork network, int layer)
    {
        var hidden = network.Hidden(layer);
        var next = network.Next(layer);
        for (int j = 0; j < hidden.FanOut; j++)
        {
            double incoming = hidden.IncomingNorm(j), outgoing = next.ColumnNorm(j);
            if (incoming > 0 && outgoing > 0)
                editor.Rescale(layer, j, Math.Sqrt(outgoing / incoming));
        }
    }
}
