#!/usr/bin/env python3
"""Varlink clients for the adversarial suite: well-behaved, greedy and silent ones, on plain sockets.

  varlink-clients.py SOCKET call METHOD JSON      one call; prints the reply's JSON
  varlink-clients.py SOCKET fill N                opens N idle connections, then a GetInfo on a new one;
                                                  prints "answered" if it was
  varlink-clients.py SOCKET unread N WAIT         N clients each ask for every entry and do not read for
                                                  WAIT seconds (0: ever); prints whether a GetInfo meanwhile
                                                  was answered, then how many replies were cut off
"""
import json
import socket
import sys
import time


def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    return s


def call(path, method, parameters, timeout=10):
    s = connect(path)
    s.settimeout(timeout)
    s.sendall(json.dumps({"method": method, "parameters": parameters}).encode() + b"\0")
    data = b""
    while not data.endswith(b"\0"):
        chunk = s.recv(1 << 16)
        if not chunk:
            break
        data += chunk
    s.close()
    return json.loads(data.rstrip(b"\0"))


def fill(path, count):
    idle = [connect(path) for _ in range(count)]
    time.sleep(0.2)
    try:
        reply = call(path, "org.varlink.service.GetInfo", {}, timeout=5)
        print("answered" if reply.get("parameters", {}).get("product") == "spasmd" else "wrong reply")
    except OSError as error:
        print(f"refused: {error}")
    dropped = 0
    for s in idle:
        s.setblocking(False)
        try:
            if s.recv(1) == b"":
                dropped += 1
        except BlockingIOError:
            pass
        except OSError:
            dropped += 1
        s.close()
    print(f"evicted {dropped}")


def unread(path, count, wait):
    greedy = []
    for _ in range(count):
        s = connect(path)
        s.sendall(json.dumps({"method": "io.spasm.Journal.Entries", "parameters": {}}).encode() + b"\0")
        greedy.append(s)
    time.sleep(0.5)
    try:
        reply = call(path, "org.varlink.service.GetInfo", {}, timeout=5)
        print("meanwhile answered" if "parameters" in reply else "meanwhile wrong reply")
    except OSError as error:
        print(f"meanwhile refused: {error}")
    if wait == 0:
        # Leave them unread and hold on: the caller stops spasmd meanwhile.
        print("holding", flush=True)
        time.sleep(30)
        return
    time.sleep(wait)
    # Now read: a client the server dropped gets part of its reply and then the end of the stream.
    dropped = 0
    for s in greedy:
        s.settimeout(10)
        data = b""
        try:
            while True:
                chunk = s.recv(1 << 20)
                if not chunk:
                    break
                data += chunk
                if data.endswith(b"\0"):
                    break
        except OSError:
            pass
        if not data.endswith(b"\0"):
            dropped += 1
        s.close()
    print(f"dropped {dropped} of {count}")


if __name__ == "__main__":
    path, command = sys.argv[1], sys.argv[2]
    if command == "call":
        print(json.dumps(call(path, sys.argv[3], json.loads(sys.argv[4]))))
    elif command == "fill":
        fill(path, int(sys.argv[3]))
    elif command == "unread":
        unread(path, int(sys.argv[3]), float(sys.argv[4]))
