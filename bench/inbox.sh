#!/usr/bin/env bash
# `press list inbox` on an mbox of N messages (default 10000: hard and soft bounces to VERP
# addresses, complaints, mailed unsubscribes, out-of-office replies, readers' replies; see
# bench/InboxMbox.java), the list in SQLite with one member per message. Times the first run (every
# message classified and applied) and the second (everything already seen).
# Target (issue 16): 10,000 messages in ≤ 10 s.
# Usage: bench/inbox.sh [N]   env BENCH_DIR (default /tmp/press-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=${BENCH_DIR:-/tmp/press-bench}/inbox; rm -rf "$work"; mkdir -p "$work"
[ -f target/press.jar ] || mvn -q -B package -DskipTests
cp="target/press.jar:target/lib/*"
secret=bench-secret-of-sufficient-length
proj=$work/project
mkdir -p "$proj/content"
cp -r templates assets "$proj/"
cp jbake.properties "$proj/"
printf '\nnewsletter.bounce_address=bounce@callback.press\n' >> "$proj/jbake.properties"
listid=$(sed -n 's/^newsletter\.list_id=//p' jbake.properties)

java -cp "$cp" bench/InboxMbox.java "$proj" "$n" "$secret" "$listid" "$work/bounces.mbox"
echo "list inbox: $n messages, $(du -h "$work/bounces.mbox" | cut -f1) mbox, SQLite, $(nproc) cores"
for run in first second; do
  start=$(date +%s.%N)
  PRESS_UNSUBSCRIBE_SECRET=$secret java -jar target/press.jar list inbox --mbox "$work/bounces.mbox" --source "$proj" \
    > "$work/$run.out"
  end=$(date +%s.%N)
  printf '%s run: %.2f s\n' "$run" "$(echo "$end - $start" | bc)"
  cat "$work/$run.out"
done
