using BenchmarkDotNet.Running;

// Run everything: dotnet run -c Release --project benchmarks/ReluKernels.Benchmarks -- --filter '*'
// One suite:      ... -- --filter '*SampleForward*'
BenchmarkSwitcher.FromAssembly(typeof(ReluKernels.Benchmarks.BenchmarkConfig).Assembly).Run(args);
