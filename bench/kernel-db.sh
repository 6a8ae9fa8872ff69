#!/usr/bin/env bash
# Kernel database benchmark (docs/kernel-db.md): derives the database of the
# Linux 6.1 tree Debian ships (the same tree as bench/kernel.sh) and prints
# wall time, peak RSS, the database's size and fact counts; then times a run
# over samples/ without and with that database, to show the cost of loading it.
#
#   bench/kernel-db.sh                 # the whole tree
#   SUBDIR=fs bench/kernel-db.sh       # a part of it
#   DOVELINT_HEAP=8g (default)         # the derivation's heap limit
#
# Needs root for apt-get the first time (linux-source-6.1, time).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${DOVELINT_BENCH_CACHE:-$HOME/.cache/dovelint-bench}
tree="$cache/linux-source-6.1"
subdir=${SUBDIR:-.}
heap=${DOVELINT_HEAP:-8g}

. "$here/bench/setup.sh"

/usr/bin/time -f '%e %M' -o "$out/derive.time" "$JAVA_HOME/bin/java" "-Xmx$heap" -jar "$jar" \
  kb derive "$tree/$subdir" --output "$out/kernel.kdb" 2>"$out/derive.err" || { cat "$out/derive.err" >&2; exit 2; }
read -r secs kib < <(tail -n 1 "$out/derive.time")
grep '^dovelint: derived' "$out/derive.err"
printf 'derive: %.1f s, %d MiB peak RSS (heap limit %s), database %d bytes\n' "$secs" $((kib / 1024)) "$heap" \
  "$(stat -c %s "$out/kernel.kdb")"

samples() {
  /usr/bin/time -f '%e %M' -o "$out/s.time" "$JAVA_HOME/bin/java" -jar "$jar" check --no-cache --quiet \
    --format json -o "$out/s.json" "$@" "$here/samples" >/dev/null 2>&1 || true
  tail -n 1 "$out/s.time"
}
for i in 1 2 3; do
  read -r a _ < <(samples)
  read -r b _ < <(samples --kernel-db "$out/kernel.kdb")
  printf 'samples/: %.2f s without the database, %.2f s with it\n' "$a" "$b"
done
