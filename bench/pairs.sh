#!/usr/bin/env bash
# press and Hugo baked in alternation on the same corpus (press, Hugo, press, Hugo, …), so that
# both see the same machine and the same disk state: on a noisy machine, the ratio of each pair
# says more than two medians taken minutes apart (bench/bake.sh runs the tools one after another).
# Usage: bench/pairs.sh [N] [PAIRS]     (default 3000 5)    env BENCH_DIR (default /tmp/press-bench)
# Prints each run (wall s, peak RSS MB, user s, system s), each pair's ratio, and the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3000}; pairs=${2:-5}
shared=${SHARED_BENCH:-../shared/bench}
work=${BENCH_DIR:-/tmp/press-bench}; mkdir -p "$work"
[ -x target/press ] || mvn -q -B package -DskipTests
command -v hugo >/dev/null || { echo "hugo is not installed (../shared/bench/baseline.sh installs it)" >&2; exit 1; }
corpus=$work/corpus/n$n
if [ ! -d "$corpus" ]; then
  [ -f "$shared/gen_corpus.py" ] || { echo "no corpus $corpus and no $shared/gen_corpus.py" >&2; exit 1; }
  python3 "$shared/gen_corpus.py" "$n" "$corpus" >/dev/null
fi
out=$work/pairs-press-n$n
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
: > "$work/pairs.txt"
for p in $(seq "$pairs"); do
  rm -rf "$out" "$out-newsletter"; sync
  /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" target/press bake --source "$corpus/jbake" --output "$out" \
    --newsletter-output "$out-newsletter" > "$work/pairs-press.log" 2>&1 || { cat "$work/pairs-press.log" >&2; exit 1; }
  read -r pw pm pu ps < "$work/time.txt"
  rm -rf "$corpus/hugo/out"; sync
  (cd "$corpus/hugo" && /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" hugo --quiet -d out >/dev/null 2>&1)
  read -r hw hm hu hs < "$work/time.txt"
  echo "$pw $hw" >> "$work/pairs.txt"
  awk -v p="$p" -v pw="$pw" -v pm="$pm" -v pu="$pu" -v ps="$ps" -v hw="$hw" -v hm="$hm" -v hu="$hu" -v hs="$hs" 'BEGIN {
    printf "pair %d  press %5.2f s %4d MB (user %5.2f sys %5.2f)  hugo %5.2f s %4d MB (user %5.2f sys %5.2f)  press/hugo=%.2f\n",
      p, pw, pm / 1024, pu, ps, hw, hm / 1024, hu, hs, pw / hw }'
done
pm=$(cut -d' ' -f1 "$work/pairs.txt" | median); hm=$(cut -d' ' -f2 "$work/pairs.txt" | median)
rm=$(awk '{print $1 / $2}' "$work/pairs.txt" | median)
awk -v n="$n" -v pm="$pm" -v hm="$hm" -v rm="$rm" -v k="$pairs" \
  'BEGIN { printf "pairs n=%d pairs=%d median press=%.2f s hugo=%.2f s, median of the pairs ratios press/hugo=%.2f\n", n, k, pm, hm, rm }'
