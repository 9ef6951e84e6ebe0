#ifndef SHURAKU_CPROJ_SHIM_H
#define SHURAKU_CPROJ_SHIM_H
#include <proj.h>
#include <geodesic.h>
#endif
