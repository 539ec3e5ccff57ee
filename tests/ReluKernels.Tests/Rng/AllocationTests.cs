namespace ReluKernels.Tests.Rng;

public class AllocationTests
{
    [Fact]
    public void FillsAndInitializersAllocateNothing()
    {
        var arch = new NetworkArchitecture(width: 8, depth: 6, inputDim: 2);
        var f = new float[1000];
        var d = new double[1000];
        var pf = new float[arch.ParameterCount];
        var pd = new double[arch.ParameterCount];
        var block = new float[arch.ParameterCount * LayerInitializer.InterleavedLanes<float>()];
        IInitializer[] initializers =
        [
            NormalInitializer.HeWithBias, NormalInitializer.HeWithoutBias, NormalInitializer.He(0.1), NormalInitializer.LeCun,
            UniformInitializer.Glorot, UniformInitializer.HeUniform, HypersphereInitializer.WithBias, HypersphereInitializer.WithoutBias,
        ];
        var rng = new CounterRng(1, 2);
        void Work()
        {
            for (int i = 0; i < 200; i++)
            {
                rng.FillNormal(f);
                rng.FillNormal(d);
                rng.FillUniform(f);
                _ = rng.NextNormalSingle() + rng.NextNormalDouble() + rng.NextUInt32();
                foreach (var init in initializers)
                {
                    init.Initialize(arch, pf, ref rng);
                    init.Initialize(arch, pd, ref rng);
                }
                NormalInitializer.HeWithBias.InitializeInterleaved(arch, block, ref rng);
            }
        }
        // Warm-up covers tiering and static constructors.
        Assert.Equal(0, AllocationProbe.SteadyStateBytes(Work));
    }
}
