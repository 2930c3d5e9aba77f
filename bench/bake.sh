#!/usr/bin/env bash
# Bake time and memory of `target/press bake` side by side with Hugo on the shared synthetic
# corpus, as in issue 19's table: whole processes, in alternation (press, Hugo, press, Hugo, …, so
# that both see the same machine), each tool's outputs deleted and synced before, outside its timing.
# Usage: bench/bake.sh [--runs K] [--seed S] [--huge] [--jar] [--jbake] [N ...]
#   N           corpus sizes in posts (default: 3000 10000; --huge adds 100000)
#   --runs K    runs per size, each tool once per run (default 3)
#   --seed S    the corpus's seed (default 42): $BENCH_DIR/corpus/sS-nN, generated when absent
#   --jar       also `java -jar target/press.jar bake` (the launcher's JVM settings and archive left out)
#   --jbake     also stock JBake 2.7.0 (SHARED_BENCH's stock-jbake, built once under BENCH_DIR),
#               and compare press's output with it (bench/compare_output.py)
#   env BENCH_DIR (default /tmp/press-bench), SHARED_BENCH (default ../shared/bench: gen_corpus.py),
#   HUGO_TIMEOUT (default 600 s: Hugo gets 10 minutes a bake; once over, it is not run again at that size)
# Prints each run (wall s, peak RSS MB, user and system s) and the ratio to Hugo of that run, then a
# Markdown table: median wall and peak RSS of each tool, and the median of the per-run ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

usage() { sed -n '2,/^# Prints/p' "$0" | sed 's/^# \{0,1\}//'; }
runs=3 seed=42 huge='' jar='' jbake='' sizes=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --seed) seed=${2:?--seed needs a number}; shift 2 ;;
    --huge) huge=1; shift ;;
    --jar) jar=1; shift ;;
    --jbake) jbake=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "bench/bake.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(3000 10000)
[ -z "$huge" ] || sizes+=(100000)
tools=(press hugo); [ -z "$jar" ] || tools+=(jar); [ -z "$jbake" ] || tools+=(jbake)

shared=${SHARED_BENCH:-../shared/bench}
limit=${HUGO_TIMEOUT:-600}
work=${BENCH_DIR:-/tmp/press-bench}; mkdir -p "$work"
[ -x target/press ] || mvn -q -B package -DskipTests
[ target/press.jsa -nt target/press.jar ] \
  || echo "note: no target/press.jsa newer than press.jar (built with -Dpress.skipBake?): target/press starts without its archive" >&2
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)" >&2; exit 1; }
if [ -n "$jbake" ] && [ ! -d "$work/stock-jbake/target/lib" ]; then
  rm -rf "$work/stock-jbake"; cp -r "$shared/stock-jbake" "$work/stock-jbake"; chmod -R u+w "$work/stock-jbake"
  (cd "$work/stock-jbake" && { mvn -o -q -B package -DskipTests >/dev/null 2>&1 || mvn -q -B package -DskipTests; })
fi

# bake TOOL N RUN: one timed bake; appends "RUN TOOL wall_s rss_mb user_s sys_s" (wall "timeout"
# when Hugo ran out of time) to $work/bake-nN.txt
bake() {
  local tool=$1 n=$2 r=$3 corpus=$work/corpus/s$seed-n$2 out=$work/bake-$1-n$2 dir=$root cmd
  case $tool in
    press) cmd=("$root/target/press" bake --source "$corpus/jbake" --output "$out" --newsletter-output "$out-nl") ;;
    jar) cmd=(java -jar "$root/target/press.jar" bake --source "$corpus/jbake" --output "$out" --newsletter-output "$out-nl") ;;
    hugo) out=$corpus/hugo/out dir=$corpus/hugo cmd=(timeout "$limit" hugo --quiet -d out) ;;
    jbake) out=$corpus/jbake/output dir=$corpus/jbake
      cmd=(java -cp "$work/stock-jbake/target/classes:$work/stock-jbake/target/lib/*" bench.Bake "$corpus/jbake" "$out") ;;
  esac
  rm -rf "$out" "$out-nl"; sync
  local status=0
  (cd "$dir" && /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "${cmd[@]}") > "$work/bake-$tool.log" 2>&1 || status=$?
  if [ "$tool" = hugo ] && [ "$status" = 124 ]; then
    echo "$r $tool timeout - - -" >> "$work/bake-n$n.txt"
  elif [ "$status" != 0 ]; then
    echo "bench/bake.sh: $tool failed (exit $status) on $n posts, run $r: ${cmd[*]}" >&2
    cat "$work/bake-$tool.log" >&2; exit 1
  else  # the last line: time writes "Command exited with non-zero status" above it
    tail -1 "$work/time.txt" | awk -v r="$r" -v t="$tool" '{printf "%s %s %s %d %s %s\n", r, t, $1, $2 / 1024, $3, $4}' \
      >> "$work/bake-n$n.txt"
  fi
}

rows=()
declare -A press_wall
for n in "${sizes[@]}"; do
  corpus=$work/corpus/s$seed-n$n
  if [ ! -d "$corpus/jbake" ] || [ ! -d "$corpus/hugo" ]; then
    [ -f "$shared/gen_corpus.py" ] || { echo "no corpus $corpus and no $shared/gen_corpus.py (set SHARED_BENCH)" >&2; exit 1; }
    echo "generating $corpus" >&2
    python3 "$shared/gen_corpus.py" "$n" "$corpus" --seed "$seed" >/dev/null
  fi
  : > "$work/bake-n$n.txt"
  for r in $(seq "$runs"); do
    for tool in "${tools[@]}"; do
      if [ "$tool" = hugo ] && grep -q ' hugo timeout' "$work/bake-n$n.txt"; then continue; fi
      bake "$tool" "$n" "$r"
    done
    awk -v n="$n" -v r="$r" -v limit="$limit" '$1 == r {
        if ($3 == "timeout") { line = line sprintf("  %s > %s s", $2, limit); next }
        line = line sprintf("  %s %.2f s %d MB (user %.2f sys %.2f)", $2, $3, $4, $5, $6); w[$2] = $3 }
      END { printf "n=%d run %d%s", n, r, line
        split("press jar jbake", order, " ")
        if (w["hugo"] != "") for (i = 1; i <= 3; i++) if (order[i] in w) printf "  %s/hugo=%.2f", order[i], w[order[i]] / w["hugo"]
        printf "\n" }' "$work/bake-n$n.txt"
  done
  if [ -n "$jbake" ]; then
    python3 bench/compare_output.py "$corpus/jbake/output" "$work/bake-press-n$n" | sed "s/^/compare n=$n: /"
  fi
  # one table row: each tool's median wall and RSS, and the median of its per-run ratios to Hugo
  row=$(awk -v n="$n" -v tools="hugo ${tools[*]/hugo}" -v limit="$limit" '
    function median(a, k,   i, j, t) {
      for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    function posts(x) { x = sprintf("%d", x); while (x ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]$/, ",&", x); return x }
    { wall[$1, $2] = $3; rss[$1, $2] = $4; if ($3 == "timeout") late[$2] = 1; if ($1 > last) last = $1 }
    END {
      cells = "| " posts(n) " |"; k = split(tools, tool, " ")
      for (i = 1; i <= k; i++) {
        t = tool[i]; m = 0; q = 0; delete w; delete s; delete ratio
        for (r = 1; r <= last; r++) {
          if (((r, t) in wall) && wall[r, t] != "timeout") { w[++m] = wall[r, t]; s[m] = rss[r, t] }
          if (t != "hugo" && ((r, "hugo") in wall) && wall[r, "hugo"] != "timeout" && ((r, t) in wall)) ratio[++q] = wall[r, t] / wall[r, "hugo"]
        }
        if (t == "hugo" && late["hugo"]) { cells = cells " > " limit " s |"; continue }
        if (m == 0) { cells = cells " — |"; continue }
        wm = median(w, m); cell = sprintf(" %.2f s, %d MB", wm, median(s, m))
        if (t == "press") printf "%s\n", wm > "/dev/stderr"
        if (t != "hugo" && q > 0) cell = cell sprintf(" (%.2f×)", median(ratio, q))
        else if (t != "hugo" && late["hugo"]) cell = cell sprintf(" (< %.2f×)", wm / limit)
        cells = cells cell " |"
      }
      print cells }' "$work/bake-n$n.txt" 2> "$work/press-median.txt")
  press_wall[$n]=$(cat "$work/press-median.txt")
  rows+=("$row")
done

header="| posts | Hugo | \`target/press bake\` |"; rule="|---|---|---|"
[ -z "$jar" ] || { header+=" \`java -jar target/press.jar bake\` |"; rule+="---|"; }
[ -z "$jbake" ] || { header+=" stock JBake 2.7.0 |"; rule+="---|"; }
echo
echo "seed $seed, $runs runs in alternation ($(nproc) cores): median wall and peak RSS; (×) median of the per-run ratios to Hugo"
echo "$header"; echo "$rule"; printf '%s\n' "${rows[@]}"
if [ -n "${press_wall[10000]:-}" ] && [ -n "${press_wall[100000]:-}" ]; then
  awk -v a="${press_wall[10000]}" -v b="${press_wall[100000]}" \
    'BEGIN { printf "growth press time(10,000 → 100,000 posts) = %.2f×\n", b / a }'
fi
