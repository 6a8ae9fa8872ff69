#!/usr/bin/env bash
# Eclipse builder benchmark (docs/eclipse.md): the time a save takes in a
# project of a few hundred files, next to the command line's runs over the same
# files. Generates the project the headless test GeneratedProjectBuildTest
# builds (core.c with a hook calling 120 of 300 helper files, one of which
# sleeps), times the CLI on it cold, warm and after a one-file edit (through its
# facts cache, as the builder does), then runs that Eclipse test, which prints
# the builder's cold build and its two kinds of save.
#
#   bench/eclipse-save.sh            # both
#   ECLIPSE=0 bench/eclipse-save.sh  # the CLI figures only (no Tycho build)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

helper() { # $1: number (3 digits), $2: the call on line 21
  cat <<C
/* generated: helper $1 */
#include <linux/delay.h>

struct evl_item_$1 {
	int state;
	unsigned int count;
};

static int evl_prepare_$1(struct evl_item_$1 *item, unsigned int fd)
{
	int i, sum = 0;
	for (i = 0; i < 8; i++)
		sum += item->count * i + fd;
	item->state = sum & 0xff;
	return item->state;
}
void evl_work_$1(unsigned int fd)
{
	struct evl_item_$1 item = { 0, fd };
	if (evl_prepare_$1(&item, fd) > 3)
		$2
}
C
}

project="$out/generated"
mkdir -p "$project/evl"
for i in $(seq 0 299); do
  n=$(printf %03d "$i")
  call="udelay(2);"; [ "$i" = 7 ] && call="msleep(1);"
  helper "$n" "$call" >"$project/evl/file_$n.c"
done
{
  echo "/* generated: the hook calls the helpers */"
  for i in $(seq 0 119); do printf 'void evl_work_%03d(unsigned int fd);\n' "$i"; done
  printf '\nvoid install_inband_fd(unsigned int fd, struct file *filp, struct files_struct *files)\n{\n'
  for i in $(seq 0 119); do printf '\tevl_work_%03d(fd);\n' "$i"; done
  echo "}"
} >"$project/core.c"

"$here/dovelint" --version >/dev/null # builds the jar when needed
. "$here/.mvn/wrapper/select-jdk.sh"
jar="$here/cli/target/dovelint.jar"
cli() { # prints the wall time of one CLI run over the project, in ms
  local start end
  start=$(date +%s%N)
  "$JAVA_HOME/bin/java" -jar "$jar" check --quiet --cache-dir "$out/cache" --format json -o "$out/r.json" \
    "$project" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
for rep in 1 2 3; do
  rm -rf "$out/cache"
  helper 042 "udelay(2);" >"$project/evl/file_042.c"
  cold=$(cli)
  warm=$(cli)
  helper 042 "msleep(42);" >"$project/evl/file_042.c"
  edit=$(cli)
  echo "CLI, 301 files: cold ${cold} ms, warm ${warm} ms, after a one-file edit ${edit} ms (JVM start included)"
done

if [ "${ECLIPSE:-1}" != 0 ]; then
  modules=eclipse-plugin/io.github.dovelint.eclipse,eclipse-plugin/io.github.dovelint.eclipse.tests
  "$here/mvnw" -q -f "$here/pom.xml" -pl "$modules" -am verify -Dfuzz.skip -Dtest=GeneratedProjectBuildTest \
    -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false >"$out/eclipse.log" 2>&1 \
    || { tail -n 40 "$out/eclipse.log" >&2; exit 2; }
  grep -ho 'dovelint Eclipse builder[^<]*' \
    "$here"/eclipse-plugin/io.github.dovelint.eclipse.tests/target/surefire-reports/TEST-*GeneratedProjectBuildTest.xml
fi
