// zlib, from the system (Debian's zlib1g-dev, which the Swift toolchain's own packages need too).
#include <zlib.h>
