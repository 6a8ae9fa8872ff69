#!/usr/bin/env bash
# Kernel database benchmark (docs/kernel-db.md): derives the database of each Linux tree Debian
# ships (6.1 and 6.12, as scripts/derive-kernel-dbs.sh does, into a scratch folder) and prints wall
# time, peak RSS, the database's size and fact counts; then times runs over samples/ with no
# database and with the shipped default, to show what the database costs a run.
#
#   bench/kernel-db.sh                          # both kernels, whole trees
#   VERSIONS=6.1 SUBDIR=fs bench/kernel-db.sh   # a part of one
#   DOVELINT_HEAP=8g (default)                  # the derivation's heap limit
#   SKIP_DERIVE=1 bench/kernel-db.sh            # only the samples/ runs
#
# Needs root for apt-get the first time (linux-source-6.1, linux-source-6.12, time).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${DOVELINT_BENCH_CACHE:-$HOME/.cache/dovelint-bench}
subdir=${SUBDIR:-.}
heap=${DOVELINT_HEAP:-8g}
versions=${VERSIONS:-6.1 6.12}
tree="$cache/linux-source-6.1"
extra_packages="linux-source-6.12"

. "$here/bench/setup.sh"

if [ -z "${SKIP_DERIVE:-}" ]; then
  for v in $versions; do
    t="$cache/linux-source-$v"
    [ -d "$t" ] || tar xJf "/usr/src/linux-source-$v.tar.xz" -C "$cache"
    /usr/bin/time -f '%e %M' -o "$out/derive.time" "$JAVA_HOME/bin/java" "-Xmx$heap" -XX:+UseParallelGC -jar "$jar" \
      kb derive "$t/$subdir" --output "$out/linux-$v.kdb" 2>"$out/derive.err" || { tail "$out/derive.err" >&2; exit 2; }
    read -r secs kib < <(tail -n 1 "$out/derive.time")
    grep '^dovelint: derived' "$out/derive.err" | sed "s|$out/||"
    printf 'linux %s: derive %.1f s, %d MiB peak RSS (heap limit %s), database %d bytes\n' "$v" "$secs" \
      $((kib / 1024)) "$heap" "$(stat -c %s "$out/linux-$v.kdb")"
  done
fi

samples() {
  /usr/bin/time -f '%e %M' -o "$out/s.time" "$JAVA_HOME/bin/java" -jar "$jar" check --no-cache --quiet \
    --format json -o "$out/s.json" "$@" "$here/samples" >/dev/null 2>&1 || true
  tail -n 1 "$out/s.time"
}
for i in 1 2 3; do
  read -r a _ < <(samples --kernel-db none)
  read -r b _ < <(samples)
  printf 'samples/: %.2f s with no database, %.2f s with the default (linux-6.12)\n' "$a" "$b"
done
