#if RELUKERNELS_BAD_SHAPE
using ReluKernels;

namespace Consumer;

// Only compiled with -p:BadShape=true: width 0 must be rejected by the packaged generator with RK0003.
[NetworkShape(0, 2)]
internal partial struct ZeroWidthShape;
#endif
