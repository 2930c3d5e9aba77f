#!/usr/bin/env bash
# bench/bake.sh with the defaults of a closer look at one size: press and Hugo baked in
# alternation (press, Hugo, press, Hugo, …) on one corpus, 5 runs, each run's ratio and the table.
# Usage: bench/pairs.sh [OPTION ...] [N] [PAIRS]     (default 3000 5; options as bench/bake.sh's:
#   --seed S, --jar, --jbake)    env BENCH_DIR, SHARED_BENCH
set -euo pipefail
options=()
while [ $# -gt 0 ]; do
  case $1 in
    --seed|--runs) options+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    -*) options+=("$1"); shift ;;
    *) break ;;
  esac
done
exec "$(dirname "$0")/bake.sh" --runs "${2:-5}" "${options[@]}" "${1:-3000}"
