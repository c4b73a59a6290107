// Linux interfaces that Glibc's Swift overlay does not expose: epoll, timerfd, signalfd, and two
// socket calls that need _GNU_SOURCE (kept in CLinux.c so the header stays plain).
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
#endif
