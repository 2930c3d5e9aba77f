#!/usr/bin/env bash
# What the output check costs a bake: bakes the shared synthetic corpus with `target/press` twice
# per run — as it is (press.lint off: no check) and with press.lint=true (content lint + output
# check) — and prints the medians of the whole process and of the check's own time.
# Usage: bench/check.sh [N ...]     (default: 1000)    env RUNS (default 5), BENCH_DIR
# The corpus's site.host is changed to https://bench.invalid so that its sample links to
# example.org stay external (they name pages the corpus does not have), and the summary limit is
# lifted (its first paragraphs are long): the checked bake then passes, as a real site's would.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ $# -eq 0 ] && sizes=(1000)
runs=${RUNS:-5}
shared=${SHARED_BENCH:-../shared/bench}
work=${BENCH_DIR:-/tmp/press-bench}; mkdir -p "$work"
[ -x target/press ] || mvn -q -B package -DskipTests

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
for n in "${sizes[@]}"; do
  corpus=$work/corpus/n$n
  [ -d "$corpus" ] || python3 "$shared/gen_corpus.py" "$n" "$corpus" >/dev/null
  for variant in off on; do
    project=$work/check-$variant-n$n
    rm -rf "$project"; cp -r "$corpus/jbake" "$project"
    sed -i 's|^site.host=.*|site.host=https://bench.invalid|' "$project/jbake.properties"
    if [ "$variant" = on ]; then
      printf 'press.lint=true\npress.lint.summary_chars=100000\n' >> "$project/jbake.properties"
    fi
  done
  : > "$work/check-$n.txt"
  for r in $(seq "$runs"); do
    for variant in off on; do
      out=$work/check-out-$variant-n$n
      for attempt in 1 2 3 4 5; do   # retry a bake that failed for a reason of its own (see the log)
        rm -rf "$out" "$out-newsletter"; sync
        if /usr/bin/time -f '%e' -o "$work/time.txt" target/press bake --source "$work/check-$variant-n$n" \
            --output "$out" --newsletter-output "$out-newsletter" > "$work/check-$variant.log" 2>&1; then
          break
        fi
        [ "$attempt" = 5 ] && { cat "$work/check-$variant.log" >&2; exit 1; }
      done
      check=$(sed -n 's/.*checked .* links (\([0-9.]*\) s).*/\1/p' "$work/check-$variant.log")
      echo "$variant $(cat "$work/time.txt") ${check:-0}" >> "$work/check-$n.txt"
    done
  done
  off=$(awk '$1=="off" {print $2}' "$work/check-$n.txt" | median)
  on=$(awk '$1=="on" {print $2}' "$work/check-$n.txt" | median)
  own=$(awk '$1=="on" {print $3}' "$work/check-$n.txt" | median)
  pages=$(sed -n 's/.*checked \([0-9]*\) pages, \([0-9]*\) links.*/\1 pages, \2 links/p' "$work/check-on.log")
  echo "check n=$n runs=$runs lint_off_wall_s=$off lint_on_wall_s=$on check_s=$own ($pages)"
done
