// One trampoline a function of symbols.h: a jump through the pointer spasm_lazy_load sets (lazy.c).
// A jump keeps every argument register and the stack as the caller left them, so one shape serves
// every signature, variadic ones included. Hidden: exported, a trampoline would stand in for the
// function inside the loaded libraries too, which call each other by these names.
#define LIBRARY(mode, soname)
#if defined(__x86_64__)
#define SYMBOL(soname, name) \
    .globl name; .hidden name; .type name, @function; .p2align 4; \
    name: jmp *spasm_lazy_##name(%rip); .size name, . - name;
#elif defined(__aarch64__)
#define SYMBOL(soname, name) \
    .globl name; .hidden name; .type name, %function; .p2align 2; \
    name: adrp x16, spasm_lazy_##name; ldr x16, [x16, :lo12:spasm_lazy_##name]; br x16; .size name, . - name;
#else
#error "trampolines for this architecture are not written yet"
#endif
    .text
#include "symbols.h"
    .section .note.GNU-stack, "", %progbits
