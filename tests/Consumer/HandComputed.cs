namespace Consumer;

/// <summary>
/// <see cref="DoubleShape"/> (1 → 2 ReLU → 1, no biases) on values small enough to compute by hand:
/// W1 = (1, −1), W2 = (2, 3), inputs x = 1 and x = −2.
/// </summary>
internal static class HandComputed
{
    /// <summary>Returns null when Forward and Backward give the hand-computed values exactly.</summary>
    public static string? CheckDoubleShape()
    {
        double[] parameters = [1, -1, 2, 3];
        double[] inputs = [1, -2];

        // x = 1: hidden (1, 0), y = 2·1 = 2.  x = −2: hidden (0, 2), y = 3·2 = 6.
        var outputs = new double[2];
        DoubleShape.Forward(parameters, inputs, outputs);
        if (outputs is not [2, 6])
            return $"Forward gave ({string.Join(", ", outputs)}), expected (2, 6)";

        // dL/dy = 1 for both samples. dW1 = (W2[0]·x over x = 1, W2[1]·x over x = −2) = (2, −6);
        // dW2 = hidden summed = (1, 2); dL/dx = (W2[0]·W1[0], W2[1]·W1[1]) = (2, −3).
        var gradient = new double[DoubleShape.ParameterCount];
        var inputGradients = new double[2];
        DoubleShape.Backward(parameters, inputs, [1, 1], gradient, inputGradients,
            new double[DoubleShape.BackwardWorkspaceLength]);
        if (gradient is not [2, -6, 1, 2])
            return $"Backward parameter gradient ({string.Join(", ", gradient)}), expected (2, -6, 1, 2)";
        return inputGradients is [2, -3] ? null : $"Backward input gradient ({string.Join(", ", inputGradients)}), expected (2, -3)";
    }
}
