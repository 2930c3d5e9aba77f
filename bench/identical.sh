#!/usr/bin/env bash
# Proves a change of shape changed no output: bakes this project's site and newsletter and the
# synthetic 3,000-post corpus with the jar of BASE (a commit, default main's merge base with HEAD,
# or HEAD itself when on main) and with the working tree's jar, on the same fixed date, and
# compares every file byte for byte (but the time of the bake in the corpus's own feed template). Exits 0 only when both bakes are identical.
# Usage: bench/identical.sh [BASE] [N]     (default: see above, 3000)
#   env BENCH_DIR (default /tmp/press-bench), TODAY (default 2026-12-07), SHARED_BENCH,
#   BASE_JAVA_OPTS / HEAD_JAVA_OPTS: JVM options for each side's bakes; before 4335374 the order of
#   same-date posts depended on the number of cores (JBake's store), so compare such a base with
#   BASE_JAVA_OPTS=-XX:ActiveProcessorCount=1, the order press keeps now on any machine
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
base=${1:-$(git merge-base HEAD main 2>/dev/null || git rev-parse HEAD)}
base=$(git rev-parse --verify "$base^{commit}")
n=${2:-3000}
today=${TODAY:-2026-12-07}
shared=${SHARED_BENCH:-../shared/bench}
work=${BENCH_DIR:-/tmp/press-bench}; mkdir -p "$work"
corpus=$work/corpus/n$n
if [ ! -d "$corpus/jbake" ]; then
  [ -f "$shared/gen_corpus.py" ] || { echo "no corpus $corpus and no $shared/gen_corpus.py" >&2; exit 1; }
  python3 "$shared/gen_corpus.py" "$n" "$corpus" >/dev/null
fi

# the base's jar, built once per commit in a worktree of its own
basedir=$work/identical-base-${base:0:12}
if [ ! -f "$basedir/target/press.jar" ]; then
  rm -rf "$basedir"; git worktree prune
  git worktree add --detach "$basedir" "$base" >/dev/null
  echo "building the base $(git log -1 --format='%h %s' "$base" | cut -c1-70)" >&2
  (cd "$basedir" && mvn -o -q -B package -DskipTests -Dpress.skipBake=true >/dev/null 2>&1 \
    || mvn -q -B package -DskipTests -Dpress.skipBake=true >/dev/null)
fi
echo "building the working tree" >&2
mvn -o -q -B package -DskipTests -Dpress.skipBake=true >/dev/null 2>&1 || mvn -q -B package -DskipTests -Dpress.skipBake=true >/dev/null

bake() { # jar source out [java options]
  rm -rf "$3" "$3-newsletter"
  # shellcheck disable=SC2086 # the options are words
  java ${4:-} -jar "$1" bake --source "$2" --output "$3" --newsletter-output "$3-newsletter" --today "$today" \
    > "$3.log" 2>&1 || { echo "bake failed: $1 $2" >&2; cat "$3.log" >&2; exit 1; }
}
out=$work/identical-$(basename "$root"); mkdir -p "$out"  # one per worktree: several may run at once
status=0
for which in site corpus; do
  src=$root; [ "$which" = corpus ] && src=$corpus/jbake
  bake "$basedir/target/press.jar" "$src" "$out/base-$which" "${BASE_JAVA_OPTS:-}"
  bake "$root/target/press.jar" "$src" "$out/head-$which" "${HEAD_JAVA_OPTS:-}"
  for part in "" "-newsletter"; do
    a=$out/base-$which$part; b=$out/head-$which$part; label=site; [ -n "$part" ] && label=newsletter
    files=$(find "$a" -type f | wc -l)
    # the corpus's own feed template (stock JBake's) prints the time of the bake: that line only
    if diff -r -I '<lastBuildDate>.*</lastBuildDate>' "$a" "$b" > "$out/diff-$which$part.txt"; then
      echo "identical: $which ${label} ($files files)"
    else
      status=1
      echo "DIFFERENT: $which ${label}: $(grep -c '^diff -r\|^Only in' "$out/diff-$which$part.txt") files differ; first:"
      grep '^diff -r\|^Only in' "$out/diff-$which$part.txt" | head -5
    fi
  done
done
echo "base $(git log -1 --format=%h "$base"), working tree of $(git log -1 --format=%h HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)'), today=$today, n=$n"
exit $status
