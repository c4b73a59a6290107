#!/usr/bin/env python3
"""Drives a program through a real pseudo-terminal (pexpect) and reports what happened as JSON.

Usage: terminal-session.py SESSION.json
SESSION: {"command": [...], "env": {...}, "columns": 80, "rows": 24, "timeout": 10,
          "steps": [{"expect": REGEX} | {"send": TEXT} | {"control": "c"} | {"eof": true}]}
Prints: {"status": N or null, "signal": N or null, "failed": null or why, "transcript": the raw output,
         "screen": the rows a terminal (pyte, a VT100 emulator) shows at the end, trailing blanks cut}
"""
import io
import json
import sys

import pexpect
import pyte


def main():
    session = json.load(open(sys.argv[1]))
    columns, rows = session.get("columns", 80), session.get("rows", 24)
    timeout = session.get("timeout", 10)
    command = session["command"]
    log = io.BytesIO()
    child = pexpect.spawn(command[0], command[1:], env=session["env"], dimensions=(rows, columns),
                          timeout=timeout)
    child.logfile_read = log
    failed = None
    for step in session["steps"]:
        try:
            if "expect" in step:
                child.expect(step["expect"].encode())
            elif "send" in step:
                child.send(step["send"].encode())
            elif "control" in step:
                child.sendcontrol(step["control"])
            elif "eof" in step:
                child.sendeof()
        except (pexpect.TIMEOUT, pexpect.EOF) as error:
            failed = "%s waiting for %r" % (type(error).__name__, step.get("expect"))
            break
    try:
        child.expect(pexpect.EOF, timeout=timeout)
    except pexpect.TIMEOUT:
        failed = failed or "the program did not end"
        child.terminate(force=True)
    child.close()
    raw = log.getvalue()
    screen = pyte.Screen(columns, rows)
    pyte.ByteStream(screen).feed(raw)
    print(json.dumps({
        "status": child.exitstatus, "signal": child.signalstatus, "failed": failed,
        "transcript": raw.decode("utf-8", "replace"),
        "screen": [line.rstrip() for line in screen.display],
    }))


if __name__ == "__main__":
    main()
