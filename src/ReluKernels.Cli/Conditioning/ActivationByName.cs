using ReluKernels.Activations;

namespace ReluKernels.Cli.Conditioning;

/// <summary>Looks an activation up among <see cref="SupportedActivations.All"/> by its full name or by a name only one of them has.</summary>
public static class ActivationByName
{
    /// <summary>The activation called <paramref name="name"/> (case-insensitive), e.g. <c>normalised-relu</c>, <c>norm-relu</c>, <c>leaky-relu(slope=0.2)</c>.</summary>
    /// <exception cref="UsageException">No activation, or more than one, has that name.</exception>
    public static ScalarActivation Find(string name)
    {
        var all = SupportedActivations.All;
        var exact = all.Where(a => a.ToString().Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        var byName = all.Where(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        return exact.Count == 1 ? exact[0]
            : byName.Count == 1 ? byName[0]
            : throw new UsageException($"--activation must be one of {string.Join(", ", all.Select(a => a.ToString()))}, got '{name}'");
    }
}
