#!/usr/bin/env bash
# The built binaries against hostile output paths, failed writes, unbounded input and greedy
# clients, in a private mount namespace whose /dev is a tmpfs holding its own device nodes (so an
# export that replaced /dev/null would replace only this copy). Each case asserts the exit status,
# and where nothing may be written, that the journal and the target are byte-identical (and a device
# is still that device). Prints "ok: CASE" lines, then "N cases passed"; exits non-zero on failure.
#   Tests/scripts/adversarial.sh BIN_DIR        (as root; BIN_DIR holds spasm, spasmd, spasm-notify)
set -uo pipefail
BIN_DIR=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
SOURCES=$(cd "$HERE/../../Sources" && pwd)

if [ -z "${SPASM_IN_NAMESPACE:-}" ]; then
    exec env SPASM_IN_NAMESPACE=1 unshare -m --propagation private "$0" "$@"
fi

W=$(mktemp -d /tmp/spasm-adversarial-XXXXXX)
mount -t tmpfs -o mode=700 tmpfs "$W"
# Everything lives on that tmpfs; the empty mount point in the shared /tmp goes at the end.
trap 'cd /; umount -l "$W" 2> /dev/null; rmdir "$W" 2> /dev/null' EXIT
cp "$BIN_DIR/spasm" "$BIN_DIR/spasmd" "$BIN_DIR/spasm-notify" "$W/"
B=$W
mount -t tmpfs -o mode=755 tmpfs /dev
mknod -m 666 /dev/null c 1 3; mknod -m 666 /dev/zero c 1 5; mknod -m 666 /dev/full c 1 7; mknod -m 666 /dev/urandom c 1 9
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr

export HOME=$W/home TZ=UTC LANG=C.UTF-8 XDG_RUNTIME_DIR=$W/run
unset XDG_DATA_HOME XDG_CONFIG_HOME SPASM_DB SPASM_SOCKET DBUS_SESSION_BUS_ADDRESS
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
D=$HOME/.local/share/spasm J=$D/journal.sqlite
spasm() { "$B/spasm" "$@"; }
export -f spasm; export B W D J

passed=0 failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

# What a path is now: its type and device numbers, and a regular file's bytes.
snapshot() {
    local f
    for f in "$@"; do
        if [ -e "$f" ] || [ -L "$f" ]; then
            stat -c '%n %F %t:%T' "$f"
            if [ -f "$f" ]; then sha256sum < "$f"; fi
        else
            echo "absent $f"
        fi
    done
}

# expect CASE STATUS COMMAND [PATH...]: runs COMMAND (bash), wants STATUS, and every PATH unchanged.
expect() {
    local name=$1 want=$2 command=$3; shift 3
    local before after status
    before=$(snapshot "$@")
    bash -c "$command" > "$W/out" 2> "$W/err"
    status=$?
    after=$(snapshot "$@")
    if [ "$status" != "$want" ]; then
        bad "$name: exit $status, expected $want; stderr: $(head -c 400 "$W/err")"
    elif [ "$before" != "$after" ]; then
        bad "$name: changed what must stay: $(diff <(echo "$before") <(echo "$after") | head -5)"
    else
        ok "$name"
    fi
}

# A journal with a few entries in the default place.
spasm log neck 4 --at "yesterday 10:00" --end "yesterday 10:30" > /dev/null
spasm caffeine coffee --at "yesterday 09:00" > /dev/null
spasm treat ice --minutes 15 --at "yesterday 11:00" > /dev/null

# --- 1, 2: -o names a device, a FIFO, a link, a descriptor, or the journal itself ---------------
expect "export -o /dev/null streams to the device and leaves the node" 0 \
    'spasm export --format json -o /dev/null' /dev/null "$J"
expect "export -o /dev/full fails with 74 and leaves the node" 74 \
    'spasm export --format json -o /dev/full' /dev/full "$J"
expect "export -o /dev/stdout writes the shell's redirection, link kept" 0 \
    'spasm export --format json -o /dev/stdout > "$W/viastdout" && grep -q "\"entries\"" "$W/viastdout"' /dev/stdout "$J"
expect "export -o - is standard output" 0 \
    'spasm export --format md -o - | grep -q "spasm"' "$J"
mkfifo "$W/fifo"
expect "export -o FIFO streams into it, the FIFO stays" 0 \
    'cat "$W/fifo" > "$W/fromfifo" & spasm export --format json -o "$W/fifo"; s=$?; wait; [ $s = 0 ] && grep -q "\"entries\"" "$W/fromfifo"' "$W/fifo" "$J"
expect "export -o >(process) streams into the pipe" 0 \
    'spasm export --format json -o >(cat > "$W/fromsub"); sleep 0.3; grep -q "\"entries\"" "$W/fromsub"' "$J"
ln -s "$W/real.md" "$W/link.md"
expect "export -o SYMLINK follows it: the link stays, its target is written" 0 \
    'spasm export --format md -o "$W/link.md" && [ -L "$W/link.md" ] && [ -s "$W/real.md" ]' "$J"
for target in "$J" "$J-wal" "$J-shm" "$D/summary.md" "$D"; do
    expect "export -o ${target#$W/} is refused (73), nothing written" 73 \
        "spasm export --format md -o '$target'" "$J" "$target"
done
ln -s "$J" "$W/journal-link"
expect "export -o a link to the journal is refused (73)" 73 \
    'spasm export --format md -o "$W/journal-link"' "$J" "$W/journal-link"
ln "$J" "$W/journal-hardlink"
expect "export -o a hard link to the journal is refused (73)" 73 \
    'spasm export --format json -o "$W/journal-hardlink"' "$J"
expect "export csv -o the data directory is refused (73), no file made" 73 \
    'spasm export --format csv -o "$D/"' "$J" "$D/episodes.csv" "$D/caffeine.csv" "$D/treatments.csv" "$D/activities.csv"

# --- 3: failed writes to standard output and error --------------------------------------------
expect "log --json > /dev/full: 74, not a crash" 74 'spasm log neck 3 --json > /dev/full'
# The entry is committed before the output fails: the error says so, or a retry would log it twice.
expect "log > /dev/full says the entry was logged all the same; one row" 0 \
    'spasm log neck 3 --db "$W/full.sqlite" > /dev/full; s=$?; [ $s = 74 ] &&
     grep -qx "spasm: cannot write to standard output: No space left on device (#1 was logged all the same)" "$W/err" &&
     [ "$(spasm history --db "$W/full.sqlite" --json | grep -c "\"kind\" : \"episode\"")" = 1 ]'
expect "undo > /dev/full says the undo was done all the same" 0 \
    'spasm undo --db "$W/full.sqlite" --json > /dev/full; s=$?; [ $s = 74 ] &&
     grep -q "(the change to #1 was undone all the same)$" "$W/err" &&
     [ "$(spasm history --db "$W/full.sqlite" --json | grep -c "\"kind\" : \"episode\"")" = 0 ]'
expect "history > /dev/full: 74" 74 'spasm history > /dev/full' "$J"
expect "history --json > /dev/full: 74" 74 'spasm history --json > /dev/full' "$J"
expect "export json > /dev/full: 74" 74 'spasm export --format json > /dev/full' "$J"
expect "--help > /dev/full: 74" 74 'spasm --help > /dev/full'
expect "bad input with stderr on /dev/full: 74" 74 'spasm log neck 11 2> /dev/full' "$J"

# A journal large enough that its export outruns any pipe buffer.
python3 - "$W/big.json" <<'EOF'
import json, sys, uuid
entries = [{"uuid": str(uuid.UUID(int=i + 1)), "kind": "episode", "at": "2025-01-%02dT%02d:00:00Z" % (i % 28 + 1, i % 24),
            "utc_offset": 0, "note": "n" * 3000,
            "episode": {"region": "neck", "severity": 3, "triggers": [], "red_flags": []}} for i in range(400)]
entries += [{"uuid": str(uuid.UUID(int=100000 + i)), "kind": "caffeine", "at": "2025-02-%02dT%02d:30:00Z" % (i % 28 + 1, i % 24),
             "utc_offset": 0, "note": "c" * 400, "caffeine": {"milligrams": 80, "drink": "coffee", "servings": 1}} for i in range(300)]
json.dump({"format": "spasm-journal", "version": 1, "entries": entries}, open(sys.argv[1], "w"))
EOF
BIG=$W/big.sqlite
spasm import --db "$BIG" "$W/big.json" > /dev/null || bad "import of the large journal"
expect "export | true: 141 and silent, as head expects" 0 \
    'spasm export --db "$W/big.sqlite" --format json | true; s=${PIPESTATUS[0]}; [ $s = 141 ] && [ ! -s "$W/err" ]' "$BIG"
expect "history --json | head -1: 141 and silent" 0 \
    'spasm history --json --db "$W/big.sqlite" --since all | head -1 > /dev/null; [ ${PIPESTATUS[0]} = 141 ] && [ ! -s "$W/err" ]' "$BIG"
expect "spasm-notify writing to a closed pipe ends with 74, no crash" 74 \
    'python3 -c "
import os, subprocess, sys
r, w = os.pipe(); os.close(r)
env = dict(os.environ, XDG_RUNTIME_DIR=\"$W/nobus\")
sys.exit(subprocess.call([\"$B/spasm-notify\"], stdin=subprocess.DEVNULL, stdout=w, stderr=subprocess.DEVNULL, env=env))"'
hits=$(grep -rn 'try!' "$SOURCES" --include='*.swift'; grep -rnP 'FileHandle\.standard(Output|Error)\.write\((?!contentsOf:)' "$SOURCES" --include='*.swift')
if [ -z "$hits" ]; then ok "no try! and no unchecked FileHandle write in Sources"; else bad "unchecked I/O in Sources: $hits"; fi

# --- 4: settings and backups that nest without end, or never end -------------------------------
mkdir -p "$W/cfg"
python3 -c "print('x = ' + '[' * 70000 + ']' * 70000)" > "$W/cfg/arrays.toml"
python3 -c "print('x = ' + '{a = ' * 70000 + '1' + '}' * 70000)" > "$W/cfg/tables.toml"
python3 -c "print('.'.join(['k'] * 70000) + ' = 1')" > "$W/cfg/dotted.toml"
python3 -c "print('# ' + 'x' * (2 << 20))" > "$W/cfg/large.toml"
printf '\xef\xbb\xbf[caffeine]\ndaily_target_mg = 300\n' > "$W/cfg/bom.toml"
for name in arrays tables dotted large; do
    expect "spasm with a $name settings file: 78" 78 "spasm history --config '$W/cfg/$name.toml'" "$J"
    expect "spasmd with a $name settings file: 78" 78 "'$B/spasmd' --socket '$W/run/x.sock' --config '$W/cfg/$name.toml'" "$J"
done
expect "spasm with /dev/zero as settings file: 78" 78 'spasm history --config /dev/zero' "$J"
expect "a settings file starting with a UTF-8 BOM is read" 0 \
    'spasm config show --config "$W/cfg/bom.toml" | grep -q "daily_target_mg *300"' "$J"
python3 -c "print('{\"format\":\"spasm-journal\",\"version\":1,\"entries\":' + '[' * 70000 + ']' * 70000 + '}')" > "$W/deep.json"
expect "import of a backup nested 70000 deep: 65" 65 'spasm import "$W/deep.json"' "$J"

# --- 5: one gate for every door -------------------------------------------------------------
bad_times=("9999-12-31T23:59:00Z" "1899-12-31T12:00:00Z")
for at in "${bad_times[@]}"; do
    expect "log --at $at: 64" 64 "spasm log neck 4 --at '$at'" "$J"
    expect "edit 1 --at $at: 64" 64 "spasm edit 1 --at '$at'" "$J"
    python3 -c "
import json, sys
print(json.dumps({'format': 'spasm-journal', 'version': 1, 'entries': [{'uuid': 'a0a0a0a0-0000-4000-8000-000000000001',
  'kind': 'episode', 'at': sys.argv[1], 'utc_offset': 0, 'episode': {'region': 'neck', 'severity': 4, 'triggers': [], 'red_flags': []}}]}))" "$at" > "$W/bad.json"
    expect "import of an entry at $at: 65" 65 'spasm import "$W/bad.json"' "$J"
done
python3 -c "
import json
print(json.dumps({'format': 'spasm-journal', 'version': 1, 'entries': [{'uuid': 'a0a0a0a0-0000-4000-8000-000000000002',
  'kind': 'episode', 'at': '2025-01-01T10:00:00Z', 'utc_offset': 0, 'episode': {'region': 'neck', 'severity': 4,
  'triggers': [], 'red_flags': [], 'ended_at': '9999-01-01T10:00:00Z'}}]}))" > "$W/badend.json"
expect "import of an episode ending in 9999: 65" 65 'spasm import "$W/badend.json"' "$J"
expect "log --end 9999-01-01: 64" 64 "spasm log neck 4 --at '2025-01-01 10:00' --end '9999-01-01 10:00'" "$J"

SOCK=$W/run/spasmd.sock
"$B/spasmd" --socket "$SOCK" > "$W/spasmd.log" 2>&1 &
SPASMD=$!
for _ in $(seq 100); do [ -S "$SOCK" ] && break; sleep 0.1; done
client() { python3 "$HERE/varlink-clients.py" "$SOCK" "$@"; }
export -f client; export SOCK HERE
for index in 0 1; do
    at=${bad_times[$index]}
    entry="{\"uuid\":\"b0b0b0b0-0000-4000-8000-00000000000$index\",\"kind\":\"episode\",\"at\":\"$at\",\"utc_offset\":0,\"episode\":{\"region\":\"neck\",\"severity\":4}}"
    expect "Varlink Add at $at: InvalidInput" 0 \
        "client call io.spasm.Journal.Add '{\"entry\":$entry}' | grep -q InvalidInput" "$J"
    entry="{\"id\":1,\"uuid\":\"b0b0b0b0-0000-4000-8000-000000000009\",\"kind\":\"episode\",\"at\":\"$at\",\"utc_offset\":0,\"episode\":{\"region\":\"neck\",\"severity\":4}}"
    expect "Varlink Update of #1 to $at: InvalidInput" 0 \
        "client call io.spasm.Journal.Update '{\"entry\":$entry,\"request\":\"c0c0c0c0-0000-4000-8000-00000000000$index\"}' | grep -q InvalidInput" "$J"
done

# --- 6, 9: greedy clients, a full connection table, SIGHUP, SIGTERM ------------------------------
expect "at 256 connections a new client is answered; the idlest is closed" 0 \
    'client fill 256 > "$W/fill"; grep -q "^answered" "$W/fill" && grep -q "^evicted 1$" "$W/fill"'
cp "$BIG" "$W/served.sqlite"
kill "$SPASMD"; wait "$SPASMD"
"$B/spasmd" --socket "$SOCK" --db "$W/served.sqlite" > "$W/spasmd.log" 2>&1 &
SPASMD=$!
for _ in $(seq 100); do [ -S "$SOCK" ] && [ "$(client call org.varlink.service.GetInfo '{}' 2>/dev/null | grep -c spasmd)" = 1 ] && break; sleep 0.1; done
expect "clients that never read their reply are dropped; others are answered meanwhile" 0 \
    'client unread 8 6 > "$W/unread"; grep -q "meanwhile answered" "$W/unread" && grep -q "^dropped 8 of 8$" "$W/unread"'
kill -HUP "$SPASMD"; sleep 0.3
expect "SIGHUP is ignored: spasmd still answers" 0 \
    'kill -0 '"$SPASMD"' && client call org.varlink.service.GetInfo "{}" | grep -q spasmd'
python3 "$HERE/varlink-clients.py" "$SOCK" unread 4 0 > "$W/holding" &
HOLDER=$!
for _ in $(seq 100); do grep -q holding "$W/holding" 2>/dev/null && break; sleep 0.1; done
kill -TERM "$SPASMD"
stopped=no
for _ in $(seq 60); do kill -0 "$SPASMD" 2>/dev/null || { stopped=yes; break; }; sleep 0.1; done
if [ $stopped = yes ] && wait "$SPASMD"; then ok "SIGTERM with unread replies pending: spasmd stops within 6 s, status 0"
else bad "SIGTERM with unread replies pending: spasmd still running after 6 s (or failed)"; kill -9 "$SPASMD" 2>/dev/null; fi
kill "$HOLDER" 2>/dev/null; wait "$HOLDER" 2>/dev/null

# --- 7: --note - from an endless or oversized pipe -------------------------------------------
expect "--note - from 2 MB on stdin: 64, nothing written" 64 \
    'head -c 2000000 /dev/zero | tr "\0" a | spasm log neck 5 --note -' "$J"
expect "--note - from yes: 64 without reading it all" 64 \
    'yes | timeout 30 "$B/spasm" log neck 5 --note -' "$J"

# --- 8: csv to a directory on a nearly full disk: all or nothing --------------------------------
spasm export --db "$BIG" --format csv --since all --table episodes -o "$W/e.csv"
spasm export --db "$BIG" --format csv --since all --table caffeine -o "$W/c.csv"
episodes=$(stat -c %s "$W/e.csv") caffeine=$(stat -c %s "$W/c.csv")
mkdir "$W/nearfull"
mount -t tmpfs -o size=$(( (episodes / 4096 + 3) * 4096 )) tmpfs "$W/nearfull"
[ "$caffeine" -gt 16384 ] || bad "the caffeine table is too small to overflow the disk ($caffeine bytes)"
expect "csv -o DIR/ on a nearly full disk: 73 and no file left" 73 \
    'spasm export --db "$W/big.sqlite" --format csv --since all -o "$W/nearfull/" ; s=$?; [ -z "$(ls -A "$W/nearfull")" ] && exit $s' "$BIG"

# --- 10: read-only commands on a read-only mount and on a full disk -----------------------------
mkdir "$W/ro" "$W/fulldisk"
mount -t tmpfs -o size=4m tmpfs "$W/ro"
cp "$BIG" "$W/ro/j.sqlite"
mount -o remount,ro "$W/ro"
for command in "history --since all" "today" "stats" "suggest" "export --format json" "export --format csv --table caffeine"; do
    expect "$command on a read-only mount" 0 "spasm $command --db '$W/ro/j.sqlite' > /dev/null" "$W/ro/j.sqlite"
done
expect "log on a read-only mount: 74" 74 "spasm log neck 3 --db '$W/ro/j.sqlite'" "$W/ro/j.sqlite"
mount -t tmpfs -o size=4m tmpfs "$W/fulldisk"
cp "$BIG" "$W/fulldisk/j.sqlite"
dd if=/dev/zero of="$W/fulldisk/filler" bs=64k 2> /dev/null
for command in "history --since all" "export --format json"; do
    expect "$command on a full disk" 0 "spasm $command --db '$W/fulldisk/j.sqlite' > /dev/null" "$W/fulldisk/j.sqlite"
done

# --- the smaller edges ------------------------------------------------------------------------
expect "a note that is not UTF-8 is refused (64)" 64 "spasm log neck 3 --note \$'a\\xffb'" "$J"
expect "edit with no field: 64, no change and no undo step" 64 'spasm edit 1' "$J"
expect "TZ=Europe/Berlin 02:30 on the spring change does not exist: 64" 64 \
    'TZ=Europe/Berlin spasm log neck 3 --at "2026-03-29 02:30"' "$J"
expect "caffeine 30 mg is 30 mg, not 30 servings" 0 \
    'spasm caffeine 30 mg --db "$W/small.sqlite" --json | grep -q "\"milligrams\" : 30"'
expect "a bidi override in a note is shown escaped in history" 0 \
    'spasm log neck 3 --db "$W/small.sqlite" --note "$(printf "abc\u202edef")" > /dev/null && spasm history --db "$W/small.sqlite" | grep -q "abc<U+202E>def"'
expect "history shows the year of an entry from another year" 0 \
    'spasm log neck 2 --db "$W/small.sqlite" --at 2024-06-01T10:00 > /dev/null && spasm history --db "$W/small.sqlite" --since all | grep -q "Sat 01 Jun 2024 10:00"'
install -m 644 /dev/null "$W/touched.sqlite"
expect "a journal made from an existing empty 0644 file becomes 0600" 0 \
    'spasm log neck 3 --db "$W/touched.sqlite" > /dev/null && [ "$(stat -c %a "$W/touched.sqlite")" = 600 ]'
python3 -c "
import json
print(json.dumps({'format': 'spasm-journal', 'version': 1, 'entries': [{'uuid': 'a0a0a0a0-0000-4000-8000-000000000003',
  'kind': 'episode', 'at': '2025-01-01T10:00:00Z', 'utc_offset': 0, 'episode': {'region': 'elbow', 'severity': 4}}]}))" > "$W/region.json"
expect "a backup with an unknown region names it and the known ones (65)" 0 \
    'spasm import "$W/region.json"; [ $? = 65 ] && grep -q "elbow.*known regions: neck" "$W/err" && ! grep -q "Cannot initialize" "$W/err"' "$J"

spasm log neck 3 --db "$W/undo.sqlite" > /dev/null
spasm export --db "$W/small.sqlite" --format json -o "$W/small.json"
spasm import --db "$W/undo.sqlite" "$W/small.json" > /dev/null
expect "undo right after an import refuses (64) instead of undoing the entry before it" 64 \
    'spasm undo --db "$W/undo.sqlite"' "$W/undo.sqlite"

echo "$passed cases passed, $failed failed"
[ "$failed" = 0 ]
