namespace ReluKernels.Activations;

/// <summary>Argument checks shared by the activations: every parameter is a finite real.</summary>
internal static class ActivationArguments
{
    public static double Finite(double value, string paramName) => double.IsFinite(value)
        ? value
        : throw new ArgumentException($"{paramName} must be a finite number, got {value}.", paramName);

    public static double Positive(double value, string paramName) => double.IsFinite(value) && value > 0
        ? value
        : throw new ArgumentException($"{paramName} must be a positive finite number, got {value}.", paramName);
}
