#!/usr/bin/env bash
# Throughput and memory of `press send` to a real SMTP server on loopback (GreenMail standalone,
# in its own JVM so its memory is not counted), for each place the list can be:
#   file      a CSV list (--subscribers) and the ledger file in .press/ledger/
#   sqlite    the list in the store, SQLite at its default place (.press/list.db), ledger rows beside it
#   postgres  the list in PostgreSQL (LIST_DB, a JDBC URL of an empty database, e.g.
#             jdbc:postgresql://127.0.0.1:55433/sendbench?user=press), ledger rows beside it;
#             psql must be on PATH (the ledger is emptied between runs)
# Usage: bench/send.sh [N ...]   (default: 10000 40000)
#   env CONCURRENCY (default 4), RUNS (3), MODES (default: "file sqlite", plus postgres when LIST_DB is set)
# The modes run side by side, one after the other within each run, so a noisy machine slows them
# alike. Prints, per mode and list size, the median wall time, messages per second and press's
# peak RSS; the ratio of each mode's rate to the file's; and the RSS ratio between the largest and
# the smallest list (close to 1 = memory flat in list size).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ $# -eq 0 ] && sizes=(10000 40000)
concurrency=${CONCURRENCY:-4}; runs=${RUNS:-3}
default_modes="file sqlite"; [ -n "${LIST_DB:-}" ] && default_modes="file sqlite postgres"
read -r -a modes <<< "${MODES:-$default_modes}"
work=target/bench-send; mkdir -p "$work"
greenmail_version=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' pom.xml)

[ -f target/press.jar ] || mvn -q -B package -DskipTests -Dpress.skipBake
jar="$work/greenmail-standalone-$greenmail_version.jar"
if [ ! -f "$jar" ]; then
  mvn -q -B dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$greenmail_version" -DoutputDirectory="$work" >/dev/null
fi
issue=$(ls target/newsletter | grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' | sort | head -1)
[ -n "$issue" ] || { echo "no issue in target/newsletter: run mvn package first" >&2; exit 1; }

port=3925
java -Xmx6g -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=$port -Dgreenmail.auth.disabled \
     -jar "$jar" > "$work/greenmail.log" 2>&1 &
gm=$!
trap 'kill $gm 2>/dev/null || true' EXIT
for i in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
export PRESS_UNSUBSCRIBE_SECRET=benchmark-secret-not-for-real-use
press() { java -jar target/press.jar "$@"; }

# A project as the author has one (settings, content, templates) with the baked issue in it.
project() { # DIR MODE
  rm -rf "$1"; mkdir -p "$1/target"
  cp -r jbake.properties content templates assets "$1/"
  cp -r target/newsletter "$1/target/"
  if [ "$2" = postgres ]; then printf '\nnewsletter.list_db=%s\n' "$LIST_DB" >> "$1/jbake.properties"; fi
}
pg() { psql -q "${LIST_DB#jdbc:}" -c "$1" > /dev/null; }

declare -A rss rate
for n in "${sizes[@]}"; do
  list="$work/subscribers-$n.csv"
  [ -f "$list" ] || { echo "email,name,status"; for i in $(seq "$n"); do echo "r$i@example.org,Reader $i,subscribed"; done; } > "$list"
  for mode in "${modes[@]}"; do
    : > "$work/times-$mode-$n.txt"
    case $mode in
      sqlite) # the list imported once; each run starts from a copy of it (an empty ledger)
        project "$work/template-$n" sqlite
        press list import "$list" --source="$work/template-$n" > /dev/null ;;
      postgres)
        pg "DELETE FROM send_ledger; DELETE FROM send_locks; DELETE FROM member_events; DELETE FROM members" 2>/dev/null || true
        project "$work/template-pg" postgres
        press list import "$list" --source="$work/template-pg" > /dev/null ;;
    esac
  done
  for r in $(seq "$runs"); do
    for mode in "${modes[@]}"; do
      p="$work/project-$mode"
      project "$p" "$mode"
      args=()
      case $mode in
        file) args=(--subscribers="$list") ;;
        sqlite) mkdir -p "$p/.press"; cp "$work/template-$n/.press/list.db" "$p/.press/list.db" ;;
        postgres) pg "DELETE FROM send_ledger; DELETE FROM send_locks" ;;
      esac
      /usr/bin/time -f '%e %M' -o "$work/time.txt" java -jar target/press.jar send "$issue" --source="$p" "${args[@]}" \
        --smtp="smtp://127.0.0.1:$port" --rate=0 --concurrency="$concurrency" > "$work/out-$mode-$n.txt" 2>&1
      grep -q "press: sent $n, failed 0" "$work/out-$mode-$n.txt" || { cat "$work/out-$mode-$n.txt" >&2; exit 1; }
      cat "$work/time.txt" >> "$work/times-$mode-$n.txt"
    done
  done
  for mode in "${modes[@]}"; do
    wall=$(cut -d' ' -f1 "$work/times-$mode-$n.txt" | median)
    kb=$(cut -d' ' -f2 "$work/times-$mode-$n.txt" | median)
    rss[$mode-$n]=$kb
    rate[$mode-$n]=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
    awk -v m="$mode" -v n="$n" -v w="$wall" -v kb="$kb" -v c="$concurrency" -v r="$runs" \
      'BEGIN { printf "send %-8s n=%d concurrency=%d runs=%d wall_s=%.2f msg_per_s=%.0f rss_mb=%d\n", m, n, c, r, w, n / w, kb / 1024 }'
  done
  for mode in "${modes[@]}"; do
    [ "$mode" = file ] || [ -z "${rate[file-$n]:-}" ] || awk -v m="$mode" -v n="$n" -v a="${rate[$mode-$n]}" -v b="${rate[file-$n]}" \
      'BEGIN { printf "rate ratio %s / file n=%d: %.2f\n", m, n, a / b }'
  done
done
first=${sizes[0]}; last=${sizes[${#sizes[@]}-1]}
for mode in "${modes[@]}"; do
  awk -v m="$mode" -v a="${rss[$mode-$first]}" -v b="${rss[$mode-$last]}" -v f="$first" -v l="$last" \
    'BEGIN { printf "rss ratio %s n=%d / n=%d: %.2f\n", m, l, f, b / a }'
done
