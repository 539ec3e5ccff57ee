namespace ReluKernels.Analysis;

/// <summary>Whether a neuron's output is constant on the domain Ω (docs/definitions.md: dead = constant on Ω).</summary>
public enum NeuronState
{
    /// <summary>Not constant on Ω.</summary>
    Active = 0,

    /// <summary>Identically 0 on Ω (dead, and zero).</summary>
    DeadZero = 1,

    /// <summary>Constant on Ω with a nonzero value (dead, but it still passes a constant on to the next layer).</summary>
    DeadConstant = 2,
}
