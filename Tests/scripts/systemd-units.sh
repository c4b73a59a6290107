#!/usr/bin/env bash
# What systemd's tools say of the shipped units, as a user who installed spasm would see it:
# `systemd-analyze --user verify` must print nothing, and the security exposure score is printed.
#   Tests/scripts/systemd-units.sh BIN_DIR      (as root: it makes a private mount namespace)
set -euo pipefail
BIN_DIR=$(cd "$1" && pwd)
REPO=$(cd "$(dirname "$0")/../.." && pwd)
if [ -z "${SPASM_IN_NAMESPACE:-}" ]; then exec env SPASM_IN_NAMESPACE=1 unshare -m "$0" "$@"; fi

# An ordinary user, "patient" (uid 4242), with spasm installed in ~/.local as scripts/install does.
home=$(mktemp -d /var/tmp/spasm-units.XXXXXX)
trap 'rm -rf "$home"' EXIT
awk '{ print } END { print "patient:x:4242:4242:spasm user:'"$home"':/bin/sh" }' /etc/passwd > "$home/passwd"
chmod 644 "$home/passwd"; mount --bind "$home/passwd" /etc/passwd
mkdir -p "$home/.local/bin" "$home/.local/share/man/man1" "$home/.local/share/man/man8" "$home/.config/systemd/user" "$home/run"
install -m 755 "$BIN_DIR/spasm" "$BIN_DIR/spasmd" "$home/.local/bin/"
install -m 644 "$REPO/man/spasm.1" "$home/.local/share/man/man1/"
install -m 644 "$REPO/man/spasmd.8" "$home/.local/share/man/man8/"
install -m 644 "$REPO/systemd/spasmd.socket" "$REPO/systemd/spasmd.service" "$home/.config/systemd/user/"
chown -R 4242:4242 "$home"; chmod 700 "$home/run"
as_patient() {
    setpriv --reuid=4242 --regid=4242 --clear-groups \
        env -i HOME="$home" USER=patient XDG_RUNTIME_DIR="$home/run" PATH="$home/.local/bin:/usr/bin:/bin" "$@"
}
out=$(as_patient systemd-analyze --user verify "$home/.config/systemd/user/spasmd.service" "$home/.config/systemd/user/spasmd.socket" 2>&1)
if [ -z "$out" ]; then echo "verify: clean"; else echo "verify said: $out"; fi
score=$(as_patient systemd-analyze --user security --offline=true "$home/.config/systemd/user/spasmd.service" 2>&1 | sed -n 's/.*Overall exposure level for spasmd.service: \([0-9.]*\).*/\1/p')
echo "exposure: $score"
