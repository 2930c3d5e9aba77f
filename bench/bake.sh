#!/usr/bin/env bash
# Bake time and memory of `press bake` on the shared synthetic corpus, side by side with stock
# JBake 2.7.0 and Hugo (../shared/bench/baseline.sh, when present), as ratios from one run.
# Usage: bench/bake.sh [N ...]     (default: 100 1000 3000)    env RUNS (default 3), BENCH_DIR
# Whole processes, outputs removed before each run; medians of RUNS runs.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ $# -eq 0 ] && sizes=(100 1000 3000)
runs=${RUNS:-3}
shared=${SHARED_BENCH:-../shared/bench}
work=${BENCH_DIR:-/tmp/press-bench}; mkdir -p "$work"
[ -x target/press ] || mvn -q -B package -DskipTests

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
declare -A press_wall
for n in "${sizes[@]}"; do
  corpus=$work/corpus/n$n
  if [ ! -d "$corpus" ]; then
    [ -f "$shared/gen_corpus.py" ] || { echo "no corpus $corpus and no $shared/gen_corpus.py" >&2; exit 1; }
    python3 "$shared/gen_corpus.py" "$n" "$corpus" >/dev/null
  fi
  out=$work/press-out-n$n
  : > "$work/press-$n.txt"
  for r in $(seq "$runs"); do
    rm -rf "$out" "$work/press-newsletter-n$n"; sync
    /usr/bin/time -f '%e %M' -o "$work/time.txt" target/press bake --source "$corpus/jbake" --output "$out" \
      --newsletter-output "$work/press-newsletter-n$n" > "$work/press-$n.log" 2>&1 \
      || { cat "$work/press-$n.log" >&2; exit 1; }
    awk '{printf "%s %d\n", $1, $2/1024}' "$work/time.txt" >> "$work/press-$n.txt"
  done
  wall=$(cut -d' ' -f1 "$work/press-$n.txt" | median)
  rss=$(cut -d' ' -f2 "$work/press-$n.txt" | median)
  press_wall[$n]=$wall
  echo "press n=$n runs=$runs wall_s=$wall rss_mb=$rss"
  if [ -x "$shared/baseline.sh" ]; then
    BENCH_DIR=$work "$shared/baseline.sh" "$n" "$runs" 2>/dev/null | grep -E '^(jbake|hugo) ' | tee "$work/baseline-$n.txt"
    jbake=$(awk '/^jbake/ {sub("wall_s=","",$4); print $4}' "$work/baseline-$n.txt")
    hugo=$(awk '/^hugo/ {sub("wall_s=","",$4); print $4}' "$work/baseline-$n.txt")
    awk -v p="$wall" -v j="$jbake" -v h="$hugo" -v n="$n" \
      'BEGIN { printf "ratios n=%d press/jbake=%.3f press/hugo=%.2f\n", n, p / j, p / h }'
    if [ -d "$corpus/jbake/output" ]; then
      python3 bench/compare_output.py "$corpus/jbake/output" "$out" | sed "s/^/compare n=$n: /"
    fi
  fi
done
if [ -n "${press_wall[1000]:-}" ] && [ -n "${press_wall[3000]:-}" ]; then
  awk -v a="${press_wall[1000]}" -v b="${press_wall[3000]}" 'BEGIN { printf "growth press time(3000)/time(1000)=%.2f\n", b / a }'
fi
