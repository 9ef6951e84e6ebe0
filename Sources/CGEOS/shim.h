#ifndef SHURAKU_CGEOS_SHIM_H
#define SHURAKU_CGEOS_SHIM_H
// Only the reentrant (_r) GEOS API is visible to Swift.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
