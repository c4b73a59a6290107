#!/usr/bin/env bash
# spasmd under a real systemd user manager, in a private mount namespace (TESTING.md's recipe):
# first activation with no data directory yet, the service enabled for the session, the STATUS line
# following writes to the file, kill -9 with nothing lost, the watchdog, and 200 concurrent CLI
# invocations while spasmd is being killed. Prints "ok: ..." lines; exits non-zero on failure.
#   Tests/scripts/systemd-user.sh BIN_DIR        (as root; BIN_DIR holds spasm, spasmd and spasm-notify)
set -euo pipefail
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND"' ERR
BIN_DIR=$(cd "$1" && pwd)
UNITS=$(cd "$(dirname "$0")/../../systemd" && pwd)
source "$(dirname "$0")/quietless-settings.sh"

if [ -z "${SPASM_IN_NAMESPACE:-}" ]; then
    exec env SPASM_IN_NAMESPACE=1 unshare -m "$0" "$@"
fi

fail() {
    echo "FAIL: $*"
    systemctl --user show -p ExecMainStatus,Result,NRestarts spasmd.service || true
    systemctl --user status spasmd.service --no-pager 2>&1 | tail -5 || true
    echo "--- spasmd output:"; tail -30 "$XDG_RUNTIME_DIR/spasmd.log" 2>/dev/null || true
    exit 1
}

mount -t tmpfs tmpfs /run/systemd 2>/dev/null || { mkdir -p /run/systemd && mount -t tmpfs tmpfs /run/systemd; }
mkdir -p /run/systemd/system
mkdir -p /run/user && mount -t tmpfs -o mode=755 tmpfs /run/user && mkdir -m 700 "/run/user/$(id -u)"
# The unit says User=%u, and systemd always gives root the home /root: so the test's home is a
# fresh tmpfs over /root (not under /tmp, which the service sees privately). Copy what we need first.
stage=/run/user/stage; mkdir -p "$stage"
cp "$BIN_DIR/spasm" "$BIN_DIR/spasmd" "$BIN_DIR/spasm-notify" "$UNITS/spasmd.socket" "$UNITS/spasmd.service" "$stage/"
BIN_DIR=$stage UNITS=$stage
export HOME=$(getent passwd "$(id -u)" | cut -d: -f6) XDG_RUNTIME_DIR=/run/user/$(id -u) TZ=UTC
mount -t tmpfs -o mode=700 tmpfs "$HOME"
unset XDG_DATA_HOME XDG_CONFIG_HOME SPASM_DB SPASM_SOCKET
quietless_settings
# No data directory: a new user's first activation must make it.
mkdir -p "$HOME/.config/systemd/user" "$HOME/.local/bin"
install -m 755 "$BIN_DIR/spasm" "$BIN_DIR/spasmd" "$BIN_DIR/spasm-notify" "$HOME/.local/bin/"
cp "$UNITS/spasmd.socket" "$UNITS/spasmd.service" "$HOME/.config/systemd/user/"
# The test's own settings: a short watchdog, output to a file (there is no journald here), and a
# start limit that lets the test kill spasmd many times.
mkdir -p "$HOME/.config/systemd/user/spasmd.service.d"
cat > "$HOME/.config/systemd/user/spasmd.service.d/test.conf" <<CONF
[Unit]
StartLimitIntervalSec=0
[Service]
WatchdogSec=2s
StandardOutput=append:$XDG_RUNTIME_DIR/spasmd.log
StandardError=append:$XDG_RUNTIME_DIR/spasmd.log
CONF
export PATH="$HOME/.local/bin:$PATH"

/lib/systemd/systemd --user >/dev/null 2>&1 &
manager=$!
trap 'kill $manager 2>/dev/null || true' EXIT
for _ in $(seq 50); do systemctl --user is-system-running >/dev/null 2>&1 && break; systemctl --user show-environment >/dev/null 2>&1 && break; sleep 0.1; done

user() { systemctl --user "$@"; }
entries() { sqlite3 "$HOME/.local/share/spasm/journal.sqlite" "SELECT count(*) FROM entry WHERE deleted_at IS NULL"; }
main_pid() { user show -p MainPID --value spasmd.service; }
wait_active() { for _ in $(seq 100); do [ "$(user is-active spasmd.service)" = active ] && [ "$(main_pid)" != 0 ] && return 0; sleep 0.1; done; return 1; }

user daemon-reload
user enable --now spasmd.socket >/dev/null 2>&1 || fail "cannot start spasmd.socket"
[ "$(user is-active spasmd.service)" = inactive ] || fail "spasmd started before any client"
echo "ok: socket listening, service not started"

# `spasm status` is the one command that connects: the first activation, with no data directory.
[ ! -e "$HOME/.local/share/spasm" ] || fail "the data directory exists before the first activation"
out=$(timeout 20 spasm status 2>"$HOME/err") || fail "spasm status failed: $(cat "$HOME/err")"
echo "$out" | grep -q "^spasmd is running: " || fail "spasm status says: $out"
echo "$out" | grep -q "^Journal: $HOME/.local/share/spasm/journal.sqlite$" || fail "spasm status names no journal: $out"
wait_active || fail "spasmd did not become active"
[ "$(stat -c %a "$HOME/.local/share/spasm")" = 700 ] || fail "data directory mode $(stat -c %a "$HOME/.local/share/spasm")"
echo "ok: first activation made the data directory (0700) and started spasmd"

# Enabled the way scripts/install does it: with the session, as well as by its socket.
user enable spasmd.service >/dev/null 2>&1 || fail "cannot enable spasmd.service"
[ -L "$HOME/.config/systemd/user/default.target.wants/spasmd.service" ] || fail "spasmd.service is not wanted by default.target"
echo "ok: spasmd.service enabled for the session (default.target)"

out=$(timeout 20 spasm log neck 5 --trigger "desk work" 2>"$HOME/err") || fail "spasm log failed: $(cat "$HOME/err")"
[ ! -s "$HOME/err" ] || fail "spasm log said on stderr: $(cat "$HOME/err")"
echo "ok: spasm log wrote the file ($out)"

# spasmd follows the file: its status line counts the entry without the CLI telling it.
for _ in $(seq 50); do
    status=$(user status spasmd.service 2>&1 || true)
    echo "$status" | grep -q 'Status: "journal open (1 entries)' && break
    sleep 0.1
done
echo "$status" | grep -q 'Status: "journal open (1 entries)' || fail "no STATUS line in: $status"
echo "ok: systemctl status shows: $(echo "$status" | grep 'Status:' | sed 's/^ *//')"

stat -c '%a %U' "$XDG_RUNTIME_DIR/spasm/spasmd.sock" | grep -q '^600 ' || fail "socket mode $(stat -c %a "$XDG_RUNTIME_DIR/spasm/spasmd.sock")"
echo "ok: socket is 0600"

first=$(main_pid)
kill -9 "$first"
spasm log lower-back 6 >/dev/null 2>"$HOME/err" || fail "log after kill -9 failed: $(cat "$HOME/err")"
wait_active || fail "spasmd was not restarted after kill -9"
[ "$(main_pid)" != "$first" ] || fail "same pid after kill -9"
[ "$(entries)" = 2 ] || fail "expected 2 entries after kill -9, found $(entries)"
echo "ok: kill -9 -> restarted (pid $first -> $(main_pid)), nothing lost"

user set-environment SPASMD_TEST_FAULTS=hang
user restart spasmd.service
wait_active || fail "spasmd did not restart with the fault switch"
hung=$(main_pid)
restarts=$(user show -p NRestarts --value spasmd.service)
kill -USR1 "$hung"
for _ in $(seq 200); do
    [ "$(user show -p NRestarts --value spasmd.service)" != "$restarts" ] && [ "$(main_pid)" != "$hung" ] && [ "$(main_pid)" != 0 ] && break
    sleep 0.1
done
[ "$(main_pid)" != "$hung" ] || fail "a hung spasmd was not killed by the watchdog"
grep -q "watchdog timeout\|Watchdog timeout" <(user status spasmd.service 2>&1; journalctl --user -u spasmd 2>/dev/null || true; cat "$XDG_RUNTIME_DIR/spasmd.log") || true
echo "ok: hung main loop killed by the watchdog and restarted (pid $hung -> $(main_pid))"
user unset-environment SPASMD_TEST_FAULTS
user restart spasmd.service
wait_active || fail "spasmd did not come back"

# 200 invocations at once; spasmd is killed several times while the first half run.
mkdir -p "$HOME/runs"
launch() { spasm log mid-back 4 --note "run-$1" >"$HOME/runs/$1.out" 2>"$HOME/runs/$1.err"; echo $? >"$HOME/runs/$1.status"; }
runs=()
for i in $(seq 1 100); do launch "$i" & runs+=($!); done
for _ in 1 2 3; do sleep 0.3; pid=$(main_pid); [ "$pid" != 0 ] && kill -9 "$pid" 2>/dev/null || true; done
for i in $(seq 101 200); do launch "$i" & runs+=($!); done
# Only the invocations: a bare `wait` would also wait for the user manager.
wait "${runs[@]}" || true
# With one path to the journal no invocation depends on spasmd: every one must succeed.
for i in $(seq 1 200); do
    [ "$(cat "$HOME/runs/$i.status")" = 0 ] || fail "run-$i exited $(cat "$HOME/runs/$i.status"): $(cat "$HOME/runs/$i.err")"
    [ ! -s "$HOME/runs/$i.err" ] || fail "run-$i said on stderr: $(cat "$HOME/runs/$i.err")"
    rows=$(sqlite3 "$HOME/.local/share/spasm/journal.sqlite" "SELECT count(*) FROM entry WHERE note = 'run-$i'")
    [ "$rows" = 1 ] || fail "run-$i exited 0 but has $rows rows"
done
check=$(sqlite3 "$HOME/.local/share/spasm/journal.sqlite" "PRAGMA integrity_check")
[ "$check" = ok ] || fail "integrity_check: $check"
echo "ok: 200 concurrent invocations while spasmd was killed 3 times: all exited 0, each exactly one row, integrity ok"

# Notifications from inside the sandbox: a session bus at $XDG_RUNTIME_DIR/bus (where a desktop
# session puts it) with dunst on it, and the manager passing its address to spasmd.
dbus-daemon --session --address="unix:path=$XDG_RUNTIME_DIR/bus" --nofork --nopidfile >/dev/null 2>&1 &
bus=$!
Xvfb -displayfd 3 -screen 0 800x600x24 -nolisten tcp 3>"$XDG_RUNTIME_DIR/display" >/dev/null 2>&1 &
xvfb=$!
# SIGKILL: a test runner may start this script with SIGTERM blocked, which its children inherit.
trap 'kill -KILL $bus $xvfb $dunst 2>/dev/null; kill $manager 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -S "$XDG_RUNTIME_DIR/bus" ] && [ -s "$XDG_RUNTIME_DIR/display" ] && break; sleep 0.05; done
export DBUS_SESSION_BUS_ADDRESS="unix:path=$XDG_RUNTIME_DIR/bus" DISPLAY=":$(head -1 "$XDG_RUNTIME_DIR/display")"
printf '[global]\nidle_threshold = 0\n' >"$XDG_RUNTIME_DIR/dunstrc"
dunst -conf "$XDG_RUNTIME_DIR/dunstrc" -print >"$XDG_RUNTIME_DIR/dunst.out" 2>/dev/null &
dunst=$!
user set-environment DBUS_SESSION_BUS_ADDRESS="$DBUS_SESSION_BUS_ADDRESS"
user restart spasmd.service
wait_active || fail "spasmd did not restart with a session bus"
spasm log lower-back 7 >/dev/null 2>"$HOME/err" || fail "log failed: $(cat "$HOME/err")"
shown() { grep -q "summary: 'Ice now" "$XDG_RUNTIME_DIR/dunst.out"; }
for _ in $(seq 200); do shown && break; sleep 0.1; done
shown || fail "no notification reached dunst: $(cat "$XDG_RUNTIME_DIR/dunst.out")"
grep -q "appname: 'spasm'" "$XDG_RUNTIME_DIR/dunst.out" || fail "the notification did not come from spasm: $(cat "$XDG_RUNTIME_DIR/dunst.out")"
echo "ok: the sandboxed service showed a reminder on the session bus ($(grep -m1 "summary: " "$XDG_RUNTIME_DIR/dunst.out" | sed "s/^[[:space:]]*//"))"

user stop spasmd.service spasmd.socket
echo "ok: stopped"
