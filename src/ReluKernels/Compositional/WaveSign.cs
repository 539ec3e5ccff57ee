namespace ReluKernels.Compositional;

/// <summary>Whether the composed waves are subtracted from or added to the line y = x (Milkert et al. 2023, §3, §4.1).</summary>
public enum WaveSign
{
    /// <summary>F(x) = x − Σ s_i W_i(x): convex targets such as x³ and x¹¹.</summary>
    Subtract = 0,

    /// <summary>F(x) = x + Σ s_i W_i(x): concave targets such as tanh(3x) and a quarter period of sine.</summary>
    Add = 1,
}
