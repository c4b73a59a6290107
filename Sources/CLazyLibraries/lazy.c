// The package installs one program, spasm, that is also spasmd, spasm-render and spasm-notify (one
// copy of the Swift runtime instead of four). The libraries only some of those need (libsystemd for
// spasmd; cairo and pango for spasm-render; libnotify and GLib for spasm-notify) are not linked: each
// function in them that the program calls is a trampoline here (trampolines.S) through a pointer
// that spasm_lazy_load sets, so `spasm log` starts without loading any of them.
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "spasm_lazy.h"

static void unbound(void) {
    static const char message[] = "spasm: a library function was called before spasm_lazy_load bound it\n";
    (void)!write(STDERR_FILENO, message, sizeof message - 1);
    abort();
}

#define LIBRARY(mode, soname)
#define SYMBOL(soname, name) __attribute__((visibility("hidden"))) void *spasm_lazy_##name = (void *)unbound;
#include "symbols.h"
#undef LIBRARY
#undef SYMBOL

static const struct library { const char *mode, *soname; } libraries[] = {
#define LIBRARY(mode, soname) { #mode, soname },
#define SYMBOL(soname, name)
#include "symbols.h"
#undef LIBRARY
#undef SYMBOL
};

static const struct symbol { const char *soname, *name; void **slot; } symbols[] = {
#define LIBRARY(mode, soname)
#define SYMBOL(soname, name) { soname, #name, &spasm_lazy_##name },
#include "symbols.h"
#undef LIBRARY
#undef SYMBOL
};

int spasm_lazy_load(const char *mode, char *error, size_t size) {
    for (size_t l = 0; l < sizeof libraries / sizeof libraries[0]; l++) {
        if (strcmp(libraries[l].mode, mode) != 0) continue;
        // Global, so that each library finds the ones it needs already loaded.
        void *handle = dlopen(libraries[l].soname, RTLD_NOW | RTLD_GLOBAL);
        if (handle == NULL) {
            snprintf(error, size, "%s", dlerror());
            return -1;
        }
        for (size_t s = 0; s < sizeof symbols / sizeof symbols[0]; s++) {
            if (strcmp(symbols[s].soname, libraries[l].soname) != 0) continue;
            void *function = dlsym(handle, symbols[s].name);
            if (function == NULL) {
                snprintf(error, size, "%s: no function %s", libraries[l].soname, symbols[s].name);
                return -1;
            }
            *symbols[s].slot = function;
        }
    }
    return 0;
}
