#!/usr/bin/env python3
"""Requests to `press serve` on one kept-alive connection against a new connection each, side by
side in one run (Nagle's algorithm against delayed ACKs once cost ~40 ms a kept-alive request).

Usage: serve_keepalive.py PRESS PROJECT_DIR [REQUESTS]
Prints:  serve-keepalive requests=200 new_conn_ms_per_req=… keepalive_ms_per_req=…
"""
import socket
import subprocess
import sys
import time
import urllib.parse


def read_response(f):
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        b = f.read(1)
        if not b:
            raise SystemExit("connection closed mid-head")
        head += b
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    body = f.read(length)
    if not head.startswith(b"HTTP/1.1 200 "):
        raise SystemExit("unexpected reply: %r" % head[:60])
    return body


def main():
    press, project = sys.argv[1:3]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    proc = subprocess.Popen([press, "serve", "--port", "0", "--source", project, "--output", project + "/target/bench-serve"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = None
        for line in proc.stdout:
            if line.startswith("press: serving "):
                base = line.split()[2]
                break
        if base is None:
            raise SystemExit("press serve did not start")
        u = urllib.parse.urlparse(base)
        addr = (u.hostname, u.port)
        host = "%s:%d" % addr
        request = ("GET / HTTP/1.1\r\nHost: %s\r\n\r\n" % host).encode()
        closing = ("GET / HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % host).encode()
        for _ in range(20):  # warm up the JIT on both paths
            with socket.create_connection(addr) as s:
                s.sendall(closing)
                read_response(s.makefile("rb"))

        start = time.perf_counter()
        for _ in range(n):
            with socket.create_connection(addr) as s:
                s.sendall(closing)
                read_response(s.makefile("rb"))
        fresh = (time.perf_counter() - start) * 1000 / n

        with socket.create_connection(addr) as s:
            f = s.makefile("rb")
            start = time.perf_counter()
            for _ in range(n):
                s.sendall(request)
                read_response(f)
            kept = (time.perf_counter() - start) * 1000 / n
        print("serve-keepalive requests=%d new_conn_ms_per_req=%.2f keepalive_ms_per_req=%.2f" % (n, fresh, kept))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
