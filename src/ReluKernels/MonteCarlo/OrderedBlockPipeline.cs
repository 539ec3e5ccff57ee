using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Runs a range of blocks on worker threads while the calling thread adds their tallies to the total in block order.
/// A worker takes the next block as soon as it has finished one; it waits only when it is a whole window ahead of the
/// block being added, so no thread idles at a barrier between rounds.
/// </summary>
/// <remarks>
/// <para>This replaced rounds of 4 × threads blocks run by <c>Parallel.For</c>: each round ended at a barrier, where a
/// thread that finished first waited for the slowest block, and the round's tallies were added while every worker
/// stood still.</para>
/// <para>Each worker counts into a tally it allocated itself and copies it into the block's slot when the block is done:
/// per-network counts (the weight-space engine records every network) would otherwise land in slot tallies allocated
/// side by side, whose cache lines two cores then take from each other (false sharing).</para>
/// </remarks>
internal sealed class OrderedBlockPipeline<TWorker, TTally>
    where TTally : IBlockTally<TTally>
{
    private readonly MonteCarloOptions _options;
    private readonly long _first;
    private readonly long _count;
    private readonly Func<TTally> _newTally;
    private readonly TTally[] _slots;
    private readonly bool[] _ready;         // guarded by _gate: slot holds its block's finished tally
    private readonly object _gate = new(); // a Monitor, for Wait and PulseAll
    private long _added;                    // guarded by _gate: blocks of the range already handed to the consumer
    private long _nextBlock = -1;           // the last block claimed (Interlocked)
    private bool _abort;                    // guarded by _gate
    private ExceptionDispatchInfo? _fault;  // guarded by _gate

    /// <param name="options">Seed, threads and shard of the run.</param>
    /// <param name="first">The shard's first block of the range (an index into the shard's blocks).</param>
    /// <param name="count">Blocks in the range.</param>
    /// <param name="newTally">Creates an empty tally.</param>
    public OrderedBlockPipeline(MonteCarloOptions options, long first, long count, Func<TTally> newTally)
    {
        _options = options;
        _first = first;
        _count = count;
        _newTally = newTally;
        // A worker may run this many blocks ahead of the block being added: enough to even out slow blocks, few
        // enough that the tallies stay small.
        _slots = new TTally[4 * options.Threads];
        _ready = new bool[_slots.Length];
        for (int i = 0; i < _slots.Length; i++)
            _slots[i] = newTally();
    }

    /// <summary>
    /// Runs the range and hands the blocks' tallies to <paramref name="add"/> in block order on the calling thread, then
    /// tells <paramref name="afterBatch"/> after each batch of consecutive finished blocks has been added.
    /// Returns early, discarding blocks not yet added, when <paramref name="add"/> returns false or
    /// <paramref name="cancellation"/> fires; returns only once every worker has stopped.
    /// </summary>
    public void Run(Func<TWorker> newWorker, BlockWork<TWorker, TTally> work, Func<TTally, bool> add, Action afterBatch,
        CancellationToken cancellation)
    {
        int threads = (int)Math.Min(_options.Threads, _count);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() => Work(newWorker, work)) { IsBackground = true, Name = "Monte-Carlo worker" };
            workers[t].Start();
        }
        using var wake = cancellation.Register(Abort);
        long added = 0;
        try
        {
            while (added < _count)
            {
                int slot;
                lock (_gate)
                {
                    while (!_ready[slot = (int)(added % _slots.Length)] && !_abort)
                        Monitor.Wait(_gate);
                    if (_abort)
                        break;
                }
                // Add the blocks already finished before telling anyone: a batch, not one call per block, but at most a
                // window's worth, so progress and checkpoints are not held back by workers that keep up.
                bool stop = false;
                int batch = 0;
                do
                {
                    stop = !add(_slots[slot]);
                    added++;
                    lock (_gate)
                    {
                        _ready[slot] = false;
                        _added = added;
                        Monitor.PulseAll(_gate);
                        slot = (int)(added % _slots.Length);
                        if (stop || added == _count || !_ready[slot] || _abort || ++batch == _slots.Length)
                            break;
                    }
                }
                while (true);
                afterBatch();
                if (stop)
                    break;
            }
        }
        finally
        {
            Abort();
            foreach (var worker in workers)
                worker.Join();
        }
        _fault?.Throw();
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Any failure of a block is rethrown on the calling thread by Run.")]
    private void Work(Func<TWorker> newWorker, BlockWork<TWorker, TTally> work)
    {
        try
        {
            var worker = newWorker();
            var tally = default(TTally);
            while (true)
            {
                long block = Interlocked.Increment(ref _nextBlock);
                if (block >= _count)
                    return;
                lock (_gate)
                {
                    while (block >= _added + _slots.Length && !_abort)
                        Monitor.Wait(_gate);
                    if (_abort)
                        return;
                }
                // Allocated here, on this thread, so it does not sit next to another thread's tally.
                tally ??= _newTally();
                long global = _options.Shard.BlockAt(_first + block);
                var rng = new CounterRng(_options.Seed, (ulong)global);
                tally.Clear();
                work(worker, ref rng, _options.TrialsInBlock(global), tally);
                int slot = (int)(block % _slots.Length);
                _slots[slot].Clear();
                _slots[slot].Add(tally);
                lock (_gate)
                {
                    _ready[slot] = true;
                    Monitor.PulseAll(_gate);
                }
            }
        }
        catch (Exception e)
        {
            lock (_gate)
                _fault ??= ExceptionDispatchInfo.Capture(e);
            Abort();
        }
    }

    private void Abort()
    {
        lock (_gate)
        {
            _abort = true;
            Monitor.PulseAll(_gate);
        }
    }
}
