# Sourced by the kernel benchmarks: installs the Debian packages they need
# (linux-source-6.1, time, and any named in $extra_packages), unpacks the tree
# once into $cache, builds the command-line jar when needed, and makes a
# scratch folder $out removed on exit. Expects $here, $cache and $tree set.
missing=""
for pkg in linux-source-6.1 time ${extra_packages:-}; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "bench: installing$missing" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
if [ ! -d "$tree" ]; then
  echo "bench: unpacking the kernel tree into $cache (once)" >&2
  mkdir -p "$cache"
  tar xJf /usr/src/linux-source-6.1.tar.xz -C "$cache"
fi

"$here/dovelint" --version >/dev/null   # builds the jar when needed
. "$here/.mvn/wrapper/select-jdk.sh"
jar="$here/cli/target/dovelint.jar"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
