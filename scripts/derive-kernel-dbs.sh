#!/usr/bin/env bash
# Derives the kernel databases that ship with dovelint (docs/kernel-db.md#shipped) from the
# kernel trees Debian packages, the Dovetail LTS bases: installs each linux-source package when
# missing, unpacks its tree once, runs 'dovelint kb derive' on it and writes the database into
# checker-core's resources, with the package version it came from in shipped.txt. Two runs on the
# same packages write byte-identical files (the databases are deterministic). No configuration is
# given: see docs/kernel-db.md#configuration for why (KCONFIG=1 derives in Debian's amd64 one).
#
#   scripts/derive-kernel-dbs.sh                # both kernels
#   VERSIONS=6.12 scripts/derive-kernel-dbs.sh  # one of them
#   DOVELINT_HEAP=8g (default)                  # the derivation's heap limit
#
# Needs root for apt-get the first time.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${DOVELINT_BENCH_CACHE:-$HOME/.cache/dovelint-bench}
dest="$here/checker-core/src/main/resources/io/github/dovelint/kerneldb"
heap=${DOVELINT_HEAP:-8g}

"$here/dovelint" --version >/dev/null   # builds the jar when needed
. "$here/.mvn/wrapper/select-jdk.sh"
set +f   # select-jdk.sh leaves globbing off, as mvnw wants it; shipped.txt below needs it
jar="$here/cli/target/dovelint.jar"
mkdir -p "$cache" "$dest"

for v in ${VERSIONS:-6.1 6.12}; do
  pkg="linux-source-$v"
  for p in "$pkg" ${KCONFIG:+"linux-config-$v"}; do
    if ! dpkg -s "$p" >/dev/null 2>&1; then
      echo "derive: installing $p" >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null
    fi
  done
  configured=()
  if [ -n "${KCONFIG:-}" ]; then
    xz -dc "/usr/src/linux-config-$v/config.amd64_none_amd64.xz" > "$cache/config-$v"
    configured=(--kconfig "$cache/config-$v")
  fi
  tree="$cache/linux-source-$v"
  if [ ! -d "$tree" ]; then
    echo "derive: unpacking $pkg into $cache (once)" >&2
    tar xJf "/usr/src/linux-source-$v.tar.xz" -C "$cache"
  fi
  echo "derive: $pkg $(dpkg-query -W -f='${Version}' "$pkg")" >&2
  "$JAVA_HOME/bin/java" "-Xmx$heap" -XX:+UseParallelGC -jar "$jar" kb derive "$tree" "${configured[@]}" --cache-dir "$cache/kdb-cache-$v" \
    --output "$dest/linux-$v.kdb" 2>"$cache/derive-$v.log" || { tail -n 20 "$cache/derive-$v.log" >&2; exit 2; }
  grep '^dovelint: derived' "$cache/derive-$v.log" >&2
done

# What each shipped database was derived from (kb show and docs/kernel-db.md#shipped quote it).
{
  echo "# name	package	version	sha256 of the file"
  for f in "$dest"/linux-*.kdb; do
    name=$(basename "$f" .kdb)
    pkg="linux-source-${name#linux-}"
    printf '%s\t%s\t%s\t%s\n' "$name" "$pkg" "$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null || echo unknown)" \
      "$(sha256sum "$f" | cut -d' ' -f1)"
  done
} > "$dest/shipped.txt"
cat "$dest/shipped.txt" >&2
