namespace ReluKernels;

/// <summary>The once-per-call span checks shared by generated kernels and the generic kernel.</summary>
public static class KernelArguments
{
    /// <summary>Networks per network-parallel block for element size <paramref name="elementSize"/>: 64 bytes' worth.</summary>
    public static int NetworkLanes(int elementSize) => 64 / elementSize;

    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    /// <exception cref="ArgumentException">The lengths differ; the message names the expected length.</exception>
    public static void RequireLength(int actual, int expected, string name)
    {
        if (actual != expected)
            throw new ArgumentException($"{name} has length {actual}; expected {expected}.", name);
    }

    /// <summary>Throws unless <paramref name="actual"/> is at least <paramref name="minimum"/>.</summary>
    /// <exception cref="ArgumentException">The span is too short; the message names the needed length.</exception>
    public static void RequireAtLeast(int actual, int minimum, string name)
    {
        if (actual < minimum)
            throw new ArgumentException($"{name} has length {actual}; expected at least {minimum}.", name);
    }

    /// <summary>The batch size of a sample-parallel call: <paramref name="inputLength"/> / <paramref name="inputDim"/>.</summary>
    /// <exception cref="ArgumentException">The input length is not a multiple of the input dimension.</exception>
    public static int Batch(int inputLength, int inputDim, string name)
    {
        if (inputLength % inputDim != 0)
            throw new ArgumentException(
                $"{name} has length {inputLength}; expected a multiple of InputDim = {inputDim} (InputDim × batch).", name);
        return inputLength / inputDim;
    }

    /// <summary>The number of blocks of a network-parallel call.</summary>
    /// <exception cref="ArgumentException">The parameter length is not a whole number of blocks.</exception>
    public static int Blocks(int parameterLength, int parameterCount, int lanes, string name)
    {
        int block = parameterCount * lanes;
        if (parameterLength % block != 0)
            throw new ArgumentException(
                $"{name} has length {parameterLength}; expected a multiple of ParameterCount × NetworkLanes = {block}.", name);
        return parameterLength / block;
    }

    /// <summary>
    /// Checks the spans of a sample-parallel call (<c>parameters</c>, feature-major <c>inputs</c>, and the outputs or
    /// output gradients named <paramref name="outputsName"/>) and returns the batch size.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length; the message names the expected one.</exception>
    public static int SampleBatch(int parameters, int parameterCount, int inputs, int inputDim, int outputs, int outputDim, string outputsName)
    {
        RequireLength(parameters, parameterCount, nameof(parameters));
        int batch = Batch(inputs, inputDim, nameof(inputs));
        RequireLength(outputs, outputDim * batch, outputsName);
        return batch;
    }

    /// <summary>
    /// Checks the spans of a network-parallel call (interleaved <c>parameters</c>, one <c>input</c> point, interleaved
    /// <c>outputs</c>) and returns the number of network blocks.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length; the message names the expected one.</exception>
    public static int NetworkBlocks(int parameters, int parameterCount, int input, int inputDim, int outputs, int outputDim, int lanes)
    {
        int blocks = Blocks(parameters, parameterCount, lanes, nameof(parameters));
        RequireLength(input, inputDim, nameof(input));
        RequireLength(outputs, blocks * outputDim * lanes, nameof(outputs));
        return blocks;
    }
}
