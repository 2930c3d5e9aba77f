#!/usr/bin/env bash
# Throughput, latency and memory of `press list serve` on loopback, on SQLite (the default store)
# or on the database LIST_DB names (a JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/bench?user=press;
# an empty database; its password from PRESS_LIST_DB_PASSWORD):
# RFC 8058 one-click POSTs (kept-alive clients, each sending its next request on the last answer)
# and subscribe POSTs. Reports requests/s, p50/p99 and the service's RSS at start and after the
# one-click requests. Target (issue 15): ≥ 1,000 one-click/s with p99 ≤ 50 ms on 2 cores.
# Usage: bench/list.sh [REQUESTS]   (default 100000)   env CLIENTS (default 50), MEMBERS (10000), BENCH_DIR, LIST_DB
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-100000}
clients=${CLIENTS:-50}
members=${MEMBERS:-10000}
work=${BENCH_DIR:-/tmp/press-bench}/list; rm -rf "$work"; mkdir -p "$work"
[ -f target/press.jar ] || mvn -q -B package -DskipTests
cp="target/press.jar:target/lib/*"
secret=bench-secret-of-sufficient-length
port=${PORT:-18830}
db=${LIST_DB:-jdbc:sqlite:.press/list.db}

# A project: this one's templates, assets and settings; the list emails as baked (or, until the
# bake writes them, minimal messages with the contract's placeholders).
proj=$work/project
mkdir -p "$proj/content"
cp -r templates assets "$proj/"
cp jbake.properties "$proj/"
# limits out of the way: the subscribe POSTs then do a sign-up's whole work (a new row, its token,
# a confirmation email), not the short answer of a sign-up over the hourly cap
printf '\nnewsletter.list_limit_ip=1000000\nnewsletter.list_limit_emails=1000000\nnewsletter.list_db=%s\n' "$db" >> "$proj/jbake.properties"
site=$(sed -n 's/^site\.host=//p' jbake.properties)
listid=$(sed -n 's/^newsletter\.list_id=//p' jbake.properties)
for name in confirm already welcome; do
  mkdir -p "$proj/target/newsletter/list/$name"
  if [ -f "target/newsletter/list/$name/email.eml" ]; then
    cp "target/newsletter/list/$name/email.eml" "$proj/target/newsletter/list/$name/"
  else
    printf 'From: Bench <bench@example.org>\r\nSubject: %s\r\nMessage-ID: <%s@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHi {{name}} {{confirm_url}}{{manage_url}}\r\n--b\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>Hi {{name}} {{confirm_url}}{{manage_url}}</p>\r\n--b--\r\n' \
      "$name" "$name" > "$proj/target/newsletter/list/$name/email.eml"
  fi
done

java -cp "$cp" bench/ListLoad.java seed "$proj" "$members" "$secret" "$listid" "$db" > "$work/tokens.txt" 2>"$work/seed.err"

PRESS_UNSUBSCRIBE_SECRET=$secret java -jar target/press.jar list serve --port "$port" --source "$proj" \
  >"$work/service.out" 2>"$work/service.err" &
pid=$!
trap 'kill $pid 2>/dev/null && wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/health" >/dev/null || { echo "the service did not start:" >&2; cat "$work/service.err" >&2; exit 1; }
rss() { awk '/^VmRSS/ {print $2 / 1024 " MB"}' "/proc/$pid/status"; }
echo "list serve: ${db%%\?*}, $members members, $clients clients, $(nproc) cores"
echo "rss_at_start=$(rss)"
java -cp "$cp" bench/ListLoad.java oneclick "$port" "$clients" 5000 "$work/tokens.txt" >/dev/null   # warm-up
java -cp "$cp" bench/ListLoad.java oneclick "$port" "$clients" "$requests" "$work/tokens.txt"
echo "rss_after_oneclick=$(rss)"
java -cp "$cp" bench/ListLoad.java oneclick "$port" "$clients" "$requests" "$work/tokens.txt"
echo "rss_after_second_oneclick_run=$(rss)"
java -cp "$cp" bench/ListLoad.java subscribe "$port" "$clients" $((requests / 10)) "$site"
echo "rss_after_subscribe=$(rss)"
