namespace ReluKernels.Training;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls back synchronously on the reporting thread (unlike <see cref="Progress{T}"/>,
/// which posts to the thread pool and may deliver reports late or out of order).
/// </summary>
/// <param name="report">Receives each reported value.</param>
/// <typeparam name="T">The progress value, e.g. finished runs.</typeparam>
public sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => report(value);
}
