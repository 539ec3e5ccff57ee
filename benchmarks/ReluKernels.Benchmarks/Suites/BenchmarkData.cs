namespace ReluKernels.Benchmarks.Suites;

/// <summary>Deterministic He-scaled parameters and inputs shared by the suites.</summary>
internal static class BenchmarkData
{
    public const int Batch = 1024;

    public static float[] Parameters(NetworkArchitecture architecture, int seed = 7)
    {
        var random = new Random(seed);
        var parameters = new float[architecture.ParameterCount];
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            double sd = Math.Sqrt(2.0 / architecture.LayerInputs(l));
            for (int k = 0; k < architecture.LayerInputs(l) * architecture.LayerOutputs(l); k++)
                parameters[architecture.WeightOffset(l) + k] = (float)(sd * (2 * random.NextDouble() - 1) * Math.Sqrt(3));
            for (int j = 0; j < architecture.LayerOutputs(l); j++)
                parameters[architecture.BiasOffset(l) + j] = (float)(0.1 * random.NextDouble());
        }
        return parameters;
    }

    public static float[] Uniform(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(2 * random.NextDouble() - 1)).ToArray();
    }
}
