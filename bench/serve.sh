#!/usr/bin/env bash
# Edit-to-visible latency of `press serve` on the shared synthetic corpus, side by side with what
# stock JBake 2.7.0 makes the author wait for the same edit: a whole re-bake (new process, as
# `jbake -b`), in the same run.
# Usage: bench/serve.sh [N]     (default 1000)    env EDITS (default 10), RUNS (JBake, default 3), BENCH_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
edits=${EDITS:-10}
runs=${RUNS:-3}
shared=${SHARED_BENCH:-../shared/bench}
work=${BENCH_DIR:-/tmp/press-bench}; mkdir -p "$work"
[ -x target/press ] || mvn -q -B package -DskipTests
corpus=$work/corpus/n$n
if [ ! -d "$corpus" ]; then
  [ -f "$shared/gen_corpus.py" ] || { echo "no corpus $corpus and no $shared/gen_corpus.py" >&2; exit 1; }
  python3 "$shared/gen_corpus.py" "$n" "$corpus" >/dev/null
fi
copy=$work/serve-n$n
rm -rf "$copy"; mkdir -p "$copy"; cp -r "$corpus/jbake" "$copy/jbake"; rm -rf "$copy/jbake/output"

python3 bench/serve_latency.py target/press "$copy/jbake" "$copy/out" "$edits" | tee "$work/serve-$n.txt"
press_ms=$(awk '/^serve / {sub("median_visible_ms=","",$4); print $4}' "$work/serve-$n.txt")

stock=$work/stock-jbake
if [ -d "$shared/stock-jbake" ]; then
  if [ ! -d "$stock/target/lib" ]; then
    rm -rf "$stock"; cp -r "$shared/stock-jbake" "$stock"; chmod -R u+w "$stock"
    (cd "$stock" && mvn -q -B package -DskipTests)
  fi
  post=$(find "$copy/jbake/content/blog" -name '*.md' | sort | awk 'NR == 1')
  : > "$work/jbake-rebake.txt"
  for r in $(seq "$runs"); do
    echo "Edited for the re-bake $r." >> "$post"
    /usr/bin/time -f '%e' -o "$work/time.txt" java -cp "$stock/target/classes:$stock/target/lib/*" bench.Bake \
      "$copy/jbake" "$copy/jbake/output" >/dev/null 2>&1
    cat "$work/time.txt" >> "$work/jbake-rebake.txt"
  done
  jbake_s=$(sort -n "$work/jbake-rebake.txt" | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  echo "jbake re-bake n=$n runs=$runs wall_s=$jbake_s"
  awk -v p="$press_ms" -v j="$jbake_s" -v n="$n" \
    'BEGIN { printf "ratio n=%d press-serve-visible/jbake-rebake=%.3f (%.0f ms vs %.0f ms)\n", n, p / (j * 1000), p, j * 1000 }'
fi
