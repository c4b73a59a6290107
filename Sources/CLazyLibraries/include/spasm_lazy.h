#ifndef SPASM_LAZY_H
#define SPASM_LAZY_H

#include <stddef.h>

/// Loads the libraries that `mode` ("daemon", "render" or "notify") of the multi-call spasm calls
/// into, and binds each function of symbols.h that they define. Returns 0, or -1 with the loader's
/// message in `error`.
int spasm_lazy_load(const char *mode, char *error, size_t size);

#endif
