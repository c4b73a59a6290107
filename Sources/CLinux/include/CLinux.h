// Linux interfaces that Glibc's Swift overlay does not expose: epoll, timerfd, signalfd, and two
// socket calls that need _GNU_SOURCE (kept in CLinux.c so the header stays plain), and a checked write.
#ifndef SPASM_CLINUX_H
#define SPASM_CLINUX_H
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <sys/signalfd.h>
#include <sys/eventfd.h>
#include <signal.h>

/// The uid and pid of the process on the other end of a Unix socket (SO_PEERCRED); 0 on success.
int spasm_peer_credentials(int fd, unsigned int *uid, int *pid);

/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC and no address.
int spasm_accept(int listener);

/// Writes all `count` bytes to `fd`, retrying after EINTR and short writes; 0 on success, else the errno
/// of the failed write (ENOSPC for a full disk, EPIPE when the reader has gone). The one checked write
/// behind every program's standard output and standard error.
int spasm_write_all(int fd, const void *bytes, unsigned long count);
#endif
