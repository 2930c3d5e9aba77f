#!/usr/bin/env python3
"""Save-to-visible latency of `press serve`: edit an article, wait for the reload event the open
page gets, fetch the page as the reloading browser does, and check the edit is in it.

Usage: serve_latency.py PRESS PROJECT_DIR OUTPUT_DIR [EDITS]
Prints one line per edit and a summary line:
  serve edits=10 median_event_ms=… median_visible_ms=… max_visible_ms=…
"""
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def main():
    press, project, output = sys.argv[1:4]
    edits = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    proc = subprocess.Popen([press, "serve", "--port", "0", "--source", project, "--output", output],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = None
        log = []
        for line in proc.stdout:
            log.append(line)
            if line.startswith("press: serving "):
                base = line.split()[2]
                break
        if base is None:
            sys.exit("press serve did not start:\n" + "".join(log))
        threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()

        events = queue.Queue()

        def listen():
            with urllib.request.urlopen(base + "_press/events") as stream:
                for raw in stream:
                    line = raw.decode("utf-8").rstrip("\n")
                    if line.startswith("data: "):
                        events.put((time.perf_counter(), json.loads(line[6:])))

        threading.Thread(target=listen, daemon=True).start()
        _, state = events.get(timeout=30)
        build = state["build"]

        posts = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(project, "content", "blog"))
                       for f in fs if f.endswith(".md"))
        step = max(1, len(posts) // edits)
        event_ms, visible_ms = [], []
        for i in range(edits):
            post = posts[(i * step) % len(posts)]
            rel = os.path.relpath(post, os.path.join(project, "content"))
            url = base + rel[:-3] + ".html"
            marker = "Edited-%d-%d" % (i, time.time_ns())
            with open(post, encoding="utf-8") as f:
                text = f.read()
            time.sleep(0.3)  # the author types, then saves
            start = time.perf_counter()
            with open(post, "w", encoding="utf-8") as f:
                f.write(text.rstrip("\n") + "\n\n" + marker + "\n")
            while True:
                at, state = events.get(timeout=60)
                if state["errors"]:
                    sys.exit("build error: %s" % state["errors"])
                if state["build"] != build:
                    build = state["build"]
                    break
            with urllib.request.urlopen(url) as r:
                page = r.read().decode("utf-8")
            done = time.perf_counter()
            if marker not in page:
                sys.exit("the edit is not in %s" % url)
            event_ms.append((at - start) * 1000)
            visible_ms.append((done - start) * 1000)
            print("edit %2d %s: event %.0f ms, visible %.0f ms" % (i + 1, rel, event_ms[-1], visible_ms[-1]))
        print("serve edits=%d median_event_ms=%.0f median_visible_ms=%.0f max_visible_ms=%.0f" % (
            edits, statistics.median(event_ms), statistics.median(visible_ms), max(visible_ms)))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
