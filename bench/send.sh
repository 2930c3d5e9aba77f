#!/usr/bin/env bash
# Throughput and memory of `press send` to a real SMTP server on loopback (GreenMail standalone,
# in its own JVM so its memory is not counted).
# Usage: bench/send.sh [N ...]        (default: 10000 40000)   env CONCURRENCY (default 4), RUNS (3)
# Prints, per list size, the median wall time, messages per second and press's peak RSS, and the
# RSS ratio between the largest and the smallest list (close to 1 = memory flat in list size).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 40000}"); [ $# -eq 0 ] && sizes=(10000 40000)
concurrency=${CONCURRENCY:-4}; runs=${RUNS:-3}
work=target/bench-send; mkdir -p "$work"
greenmail_version=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' pom.xml)

[ -f target/press.jar ] || mvn -q -B package -DskipTests -Dpress.skipBake
jar="$work/greenmail-standalone-$greenmail_version.jar"
if [ ! -f "$jar" ]; then
  mvn -q -B dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$greenmail_version" -DoutputDirectory="$work" >/dev/null
fi
if [ ! -f target/newsletter/*/email.eml ] 2>/dev/null; then :; fi
issue=$(ls target/newsletter | sort | head -1)
[ -n "$issue" ] || { echo "no issue in target/newsletter: run mvn package first" >&2; exit 1; }

port=3925
java -Xmx6g -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=$port -Dgreenmail.auth.disabled \
     -jar "$jar" > "$work/greenmail.log" 2>&1 &
gm=$!
trap 'kill $gm 2>/dev/null || true' EXIT
for i in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
export PRESS_UNSUBSCRIBE_SECRET=benchmark-secret-not-for-real-use
declare -A rss
for n in "${sizes[@]}"; do
  list="$work/subscribers-$n.csv"
  [ -f "$list" ] || { echo "email,name,status"; for i in $(seq "$n"); do echo "r$i@example.org,Reader $i,subscribed"; done; } > "$list"
  : > "$work/times-$n.txt"
  for r in $(seq "$runs"); do
    rm -rf "$work/project"; mkdir -p "$work/project/target"; cp -r target/newsletter "$work/project/target/"
    /usr/bin/time -f '%e %M' -o "$work/time.txt" java -jar target/press.jar send "$issue" --source="$work/project" \
      --subscribers="$list" --smtp="smtp://127.0.0.1:$port" --rate=0 --concurrency="$concurrency" > "$work/out-$n.txt" 2>&1
    grep -q "press: sent $n, failed 0" "$work/out-$n.txt" || { cat "$work/out-$n.txt" >&2; exit 1; }
    cat "$work/time.txt" >> "$work/times-$n.txt"
  done
  wall=$(cut -d' ' -f1 "$work/times-$n.txt" | median)
  kb=$(cut -d' ' -f2 "$work/times-$n.txt" | median)
  rss[$n]=$kb
  awk -v n="$n" -v w="$wall" -v kb="$kb" -v c="$concurrency" -v r="$runs" \
    'BEGIN { printf "send n=%d concurrency=%d runs=%d wall_s=%.2f msg_per_s=%.0f rss_mb=%d\n", n, c, r, w, n / w, kb / 1024 }'
done
first=${sizes[0]}; last=${sizes[${#sizes[@]}-1]}
awk -v a="${rss[$first]}" -v b="${rss[$last]}" -v f="$first" -v l="$last" \
  'BEGIN { printf "rss ratio n=%d / n=%d: %.2f\n", l, f, b / a }'
