using Microsoft.CodeAnalysis;

namespace ReluKernels.Generators;

/// <summary>Emits SIMD kernels for every type annotated with <c>[NetworkShape]</c>.</summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class NetworkShapeGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
