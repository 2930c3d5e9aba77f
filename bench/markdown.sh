#!/usr/bin/env bash
# Time to read and render one large content file, by shape of Markdown (articles as written, one
# long paragraph, one long line, many links, many headings, many placeholders) and size in MB:
# a linear renderer takes about ten times as long for ten times the size.
# Usage: bench/markdown.sh [MB ...]     (default: 2 20)    env PRESS_JAVA_OPTS (added JVM options)
# Runs press.callback.content.MarkdownBench (test classes) with the launcher's JVM settings
# (src/main/launcher/press): C1 only, serial GC, 2 GB heap; each shape warmed on a small file first.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/press.jar ] && [ -f target/test-classes/press/callback/content/MarkdownBench.class ] \
  || mvn -q -B package -DskipTests
# press.jar's manifest puts target/lib/ on the class path.
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx2g ${PRESS_JAVA_OPTS:-} \
  -cp target/press.jar:target/test-classes press.callback.content.MarkdownBench "$@"
