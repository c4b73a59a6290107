#!/usr/bin/env bash
# The Debian package as a user meets it, on a root made fresh for the test: a private mount
# namespace with overlays (their upper layers on a tmpfs) over /usr, /etc and /var, so dpkg, apt and
# the maintainer scripts run for real while the machine's own files stay untouched; the Swift
# toolchain and /usr/local are hidden under empty tmpfs mounts. Installs the package with apt, runs `spasm log neck 3`
# and `spasm history`, checks that with libcairo unreadable spasm still logs and the PDF export
# exits 69 (the helpers load their libraries only when they start), starts a real systemd user manager, which starts spasmd and its socket as the
# package enabled them for every user, and a notification server (KDE Plasma's stand-in) on that
# manager's session bus, which spasmd shows the episode's first reminder on through spasm-notify;
# then removes and purges the package and checks that no file it installed is left, spasmd is
# stopped and the journal is kept. Prints "ok: ..." lines.
#   Tests/scripts/debian-package.sh DEB            (as root)
set -euo pipefail
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND"' ERR
DEB=$(realpath "$1")
STANDIN=$(realpath "$(dirname "$0")/desktop-standin.py")
source "$(dirname "$0")/quietless-settings.sh"

if [ -z "${SPASM_IN_NAMESPACE:-}" ]; then
    exec env SPASM_IN_NAMESPACE=1 unshare -m "$0" "$@"
fi
fail() { echo "FAIL: $*"; exit 1; }

# The upper layers on a tmpfs over /mnt, seen only in this namespace.
layers=/mnt
mount -t tmpfs tmpfs "$layers"
cp "$STANDIN" "$layers/desktop-standin.py"
mkdir "$layers/usr.lower" && mount --bind /usr "$layers/usr.lower"
for dir in usr etc var; do
    mkdir "$layers/$dir.upper" "$layers/$dir.work"
    mount -t overlay overlay -o "lowerdir=/$dir,upperdir=$layers/$dir.upper,workdir=$layers/$dir.work" "/$dir"
done
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
# A fresh machine's /usr/local is empty: a development install there (scripts/install as root)
# would come first on PATH and in the user unit search path, and hide what the package installed.
mount -t tmpfs tmpfs /usr/local
[ ! -d "$toolchain" ] || mount -t tmpfs tmpfs "$toolchain"
! command -v swift >/dev/null || fail "the Swift toolchain is still visible at $toolchain"

# A session as systemd makes one: runtime directory, and root's home (systemd's %h) on a tmpfs.
mount -t tmpfs tmpfs /run/systemd 2>/dev/null || { mkdir -p /run/systemd && mount -t tmpfs tmpfs /run/systemd; }
mkdir -p /run/systemd/system
mkdir -p /run/user && mount -t tmpfs -o mode=755 tmpfs /run/user && mkdir -m 700 "/run/user/$(id -u)"
export HOME=$(getent passwd "$(id -u)" | cut -d: -f6) XDG_RUNTIME_DIR=/run/user/$(id -u) TZ=UTC
mount -t tmpfs -o mode=700 tmpfs "$HOME"
unset XDG_DATA_HOME XDG_CONFIG_HOME SPASM_DB SPASM_SOCKET SPASM_RENDER SPASM_NOTIFY
quietless_settings

size=$(dpkg-deb -f "$DEB" Installed-Size)
[ "$size" -le 102400 ] || fail "installed size $size KiB is over 100 MB"
depends=$(dpkg-deb -f "$DEB" Depends)
# Files and links the package ships that the machine does not already have (directories such as
# /usr/bin are shared with other packages).
dpkg-deb --fsys-tarfile "$DEB" | tar -t | sed 's|^\./|/|; s|/$||' | grep -v '^/*$' >"$layers/contents"
while read -r path; do [ -e "$path" ] || [ -L "$path" ] || echo "$path"; done <"$layers/contents" >"$layers/new"
grep -q '^/usr/bin/spasm$' "$layers/new" || fail "/usr/bin/spasm already exists outside the package"

DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$DEB" >"$layers/apt.log" 2>&1 || fail "apt-get install: $(tail -5 "$layers/apt.log")"
echo "ok: installed with apt ($size KiB; Depends: $depends)"

version=$(spasm --version)
[ "$(command -v spasm)" = /usr/bin/spasm ] || fail "spasm is $(command -v spasm)"
[ "$(spasmd --version)" = "spasmd $version" ] || fail "spasmd --version says $(spasmd --version), spasm $version"
zcat /usr/share/man/man1/spasm.1.gz | head -1 | grep -q "\"spasm $version\"" || fail "spasm(1) does not name $version"
grep -q "<release version=\"$version\"" /usr/share/metainfo/io.spasm.spasm.metainfo.xml || fail "metainfo does not name $version"
echo "ok: spasm $version, spasmd, the man page and the metainfo name one version"

for link in /usr/bin/spasmd /usr/libexec/spasm/spasm-render /usr/libexec/spasm/spasm-notify; do
    [ -L "$link" ] && [ "$(readlink -f "$link")" = /usr/bin/spasm ] || fail "$link is not a link to /usr/bin/spasm"
done
for program in /usr/bin/spasm /usr/bin/spasmd /usr/libexec/spasm/spasm-render /usr/libexec/spasm/spasm-notify; do
    libraries=$(ldd "$program")
    ! grep -q 'not found' <<<"$libraries" || fail "$program: $(grep 'not found' <<<"$libraries")"
    ! grep -q "$toolchain" <<<"$libraries" || fail "$program loads from the toolchain"
    file -L "$program" | grep -q ', stripped' || fail "$program is not stripped"
done
! ldd /usr/bin/spasm | grep -E 'libcairo|libpango|libnotify|libglib|libsystemd' || fail "spasm loads cairo, pango, GLib or libsystemd at start"
echo "ok: one program, stripped, spasmd and the helpers links to it; every library found outside the toolchain; it loads no cairo, pango, GLib or libsystemd at start"

out=$(spasm log neck 3 2>&1) || fail "spasm log neck 3: $out"
history=$(spasm history 2>&1) || fail "spasm history: $history"
grep -qi 'neck' <<<"$history" || fail "history does not show the episode: $history"
journal=$HOME/.local/share/spasm/journal.sqlite
[ -f "$journal" ] || fail "no journal at $journal"
echo "ok: spasm log neck 3 ($out); spasm history shows it"

spasm export --format pdf -o "$HOME/visit.pdf" >/dev/null 2>"$HOME/err" || fail "export pdf: $(cat "$HOME/err")"
head -c 5 "$HOME/visit.pdf" | grep -q '%PDF-' || fail "export pdf wrote no PDF"
echo "ok: spasm export --format pdf runs spasm-render from /usr/libexec/spasm"

# cairo unreadable: spasm itself still logs (it never loads cairo), and the PDF export ends with 69,
# naming the library, and writes nothing.
cairo=$(readlink -f "$(ldconfig -p | awk '/libcairo\.so\.2 .*x86-64|libcairo\.so\.2 .*AArch64/ { print $NF; exit }')")
[ -f "$cairo" ] || fail "no libcairo.so.2 in ldconfig's cache"
mount --bind /dev/null "$cairo"
out=$(spasm log neck 2 --db "$HOME/another.sqlite" 2>&1) || fail "spasm log with cairo unreadable: $out"
exported=0; spasm export --format pdf -o "$HOME/none.pdf" >/dev/null 2>"$HOME/err" || exported=$?
umount "$cairo"
[ "$exported" = 69 ] || fail "export pdf with cairo unreadable exited $exported: $(cat "$HOME/err")"
grep -q 'spasm-render cannot start: .*libcairo\.so\.2' "$HOME/err" || fail "export pdf with cairo unreadable said: $(cat "$HOME/err")"
[ ! -e "$HOME/none.pdf" ] || fail "export pdf with cairo unreadable wrote $HOME/none.pdf"
echo "ok: with cairo unreadable spasm still logs, and the PDF export exits 69 naming libcairo.so.2, writing nothing"

[ -L /etc/systemd/user/sockets.target.wants/spasmd.socket ] || fail "spasmd.socket is not enabled for every user"
[ -L /etc/systemd/user/default.target.wants/spasmd.service ] || fail "spasmd.service is not enabled for every user"
/lib/systemd/systemd --user >/dev/null 2>&1 &
manager=$!
trap 'kill $manager 2>/dev/null || true' EXIT
user() { systemctl --user "$@"; }
for _ in $(seq 100); do [ "$(user is-active spasmd.service 2>/dev/null)" = active ] && break; sleep 0.1; done
[ "$(user is-active spasmd.socket)" = active ] || fail "the user manager did not start spasmd.socket: $(user status spasmd.socket 2>&1 | tail -3)"
[ "$(user is-active spasmd.service)" = active ] || fail "spasmd did not start with the session: $(user status spasmd.service 2>&1 | tail -5)"
[ "$(user show -p FragmentPath --value spasmd.service)" = /usr/lib/systemd/user/spasmd.service ] || fail "spasmd.service from $(user show -p FragmentPath --value spasmd.service)"
daemon=$(user show -p MainPID --value spasmd.service)
[ "$(tr '\0' ' ' <"/proc/$daemon/cmdline")" = "/usr/bin/spasmd " ] || fail "spasmd runs as $(tr '\0' ' ' <"/proc/$daemon/cmdline")"
[ "$(readlink -f "/proc/$daemon/exe")" = /usr/bin/spasm ] || fail "spasmd runs from $(readlink -f "/proc/$daemon/exe")"
grep -q libsystemd "/proc/$daemon/maps" || fail "spasmd did not load libsystemd"
status=$(timeout 20 spasm status 2>&1) || fail "spasm status: $status"
echo "ok: a new user manager starts spasmd.socket and /usr/bin/spasmd from the installed units, with libsystemd loaded; spasm status: $(head -1 <<<"$status")"

# The manager's session bus (dbus-user-session); spasm-notify shows the reminder on the first server.
export DBUS_SESSION_BUS_ADDRESS=unix:path=$XDG_RUNTIME_DIR/bus
/usr/bin/python3 "$layers/desktop-standin.py" plasma >"$layers/notified" 2>&1 &
standin=$!
trap 'kill $manager $standin 2>/dev/null || true' EXIT
for _ in $(seq 150); do grep -q '^notify .*Ice' "$layers/notified" && break; sleep 0.1; done
grep -q '^ready' "$layers/notified" || fail "the notification server stand-in did not start: $(cat "$layers/notified")"
grep -q '^notify .*Ice' "$layers/notified" || fail "no reminder reached the notification server: $(cat "$layers/notified"); $(journalctl --user -u spasmd -n 5 2>&1 | tail -3)"
echo "ok: spasmd showed '$(grep -m1 '^notify' "$layers/notified" | cut -d' ' -f3-)' through /usr/libexec/spasm/spasm-notify (libnotify loaded there)"

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq spasm >"$layers/apt.log" 2>&1 || fail "apt-get remove: $(tail -5 "$layers/apt.log")"
[ "$(user is-active spasmd.socket)" != active ] || fail "spasmd.socket still listening after remove"
[ "$(user is-active spasmd.service)" != active ] || fail "spasmd still running after remove"
[ ! -e "/proc/$daemon" ] || fail "spasmd (pid $daemon) is still running"
left=$(while read -r path; do [ -e "$path" ] || [ -L "$path" ] && echo "$path"; done <"$layers/new" || true)
[ -z "$left" ] || fail "left after remove: $left"
[ -f "$journal" ] || fail "remove deleted the journal"
echo "ok: apt-get remove stopped spasmd.socket and spasmd and removed every file it installed; the journal is kept"

DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq spasm >"$layers/apt.log" 2>&1 || fail "apt-get purge: $(tail -5 "$layers/apt.log")"
for link in sockets.target.wants/spasmd.socket default.target.wants/spasmd.service; do
    [ ! -L "/etc/systemd/user/$link" ] || fail "$link is still enabled after purge"
done
! dpkg -s spasm >/dev/null 2>&1 || fail "dpkg still knows spasm"
# /usr as before: a file in its upper layer is a leftover when it is new or names spasm (caches
# that triggers rewrite, such as mimeinfo.cache, are changed copies of the machine's own).
leftovers=$(cd "$layers/usr.upper" && find . \( -type f -o -type l \) | sed 's|^\.||' | while read -r path; do
    [ -e "$layers/usr.lower$path" ] || [ -L "$layers/usr.lower$path" ] || { echo "/usr$path"; continue; }
    ! grep -qs spasm "$layers/usr.upper$path" || echo "/usr$path"
done)
[ -z "$leftovers" ] || fail "left in /usr after purge: $leftovers"
[ "$(sqlite3 "$journal" 'SELECT count(*) FROM entry WHERE deleted_at IS NULL')" = 1 ] || fail "the journal lost its entry"
echo "ok: apt-get purge removed the enablement too; /usr is as before; the journal still holds the episode"
