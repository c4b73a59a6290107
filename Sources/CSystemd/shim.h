#ifndef SPASM_CSYSTEMD_SHIM_H
#define SPASM_CSYSTEMD_SHIM_H

// Without this, sd-journal.h turns sd_journal_sendv into a macro that stamps the C caller's
// CODE_FILE/CODE_LINE; the log handler sends the Swift call site's location itself.
#define SD_JOURNAL_SUPPRESS_LOCATION 1

#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

#endif
