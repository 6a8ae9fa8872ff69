#!/usr/bin/env bash
# Whole-kernel benchmark: dovelint cold, warm, with one file touched (a
# comment), with one file edited (a function added to a file out of the rules'
# reach, then to one in reach), and Coccinelle's own sleep-under-lock check,
# on the Linux 6.1 tree Debian ships.
# Prints wall time, peak memory, files and lines per second, and each run's
# ratio to Coccinelle.
#
#   bench/kernel.sh                 # everything (Coccinelle takes minutes)
#   SKIP_COCCI=1 bench/kernel.sh    # dovelint only
#   SUBDIR=fs bench/kernel.sh       # a part of the tree
#
# Needs root for apt-get the first time (linux-source-6.1, coccinelle, time).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${DOVELINT_BENCH_CACHE:-$HOME/.cache/dovelint-bench}
tree="$cache/linux-source-6.1"
subdir=${SUBDIR:-.}
heap=${DOVELINT_HEAP:-4g}

extra_packages=""
[ -n "${SKIP_COCCI:-}" ] || extra_packages=coccinelle
. "$here/bench/setup.sh"

files=$(cd "$tree" && find "$subdir" -name '*.c' | wc -l)
lines=$(cd "$tree" && find "$subdir" -name '*.c' -print0 | xargs -0 cat | wc -l)

# run NAME CMD...: times a command, records wall seconds and peak RSS (MiB)
declare -A wall rss
run() {
  local name=$1; shift
  local t="$out/$name.time"
  (cd "$tree" && /usr/bin/time -f '%e %M' -o "$t" "$@" >"$out/$name.out" 2>"$out/$name.err") || true
  [ ! -f "$out/report.json" ] || mv "$out/report.json" "$out/$name.json"
  read -r secs kib < <(tail -n 1 "$t")  # the first line may say "Command exited with non-zero status"
  wall[$name]=$secs
  rss[$name]=$((kib / 1024))
  printf '%-10s %8.1f s  %6d MiB peak RSS  %8.0f files/s  %10.0f lines/s\n' "$name" "$secs" "${rss[$name]}" \
    "$(echo "$files / $secs" | bc -l)" "$(echo "$lines / $secs" | bc -l)"
}

dl=("$JAVA_HOME/bin/java" "-Xmx$heap" -jar "$jar" check --quiet --stats --format json -o "$out/report.json" "$subdir")

echo "tree: $tree/$subdir: $files C files, $lines lines; $(nproc) cores; heap limit $heap"
rm -rf "$tree/.dovelint-cache"
run cold "${dl[@]}"
run warm "${dl[@]}"
# sed, not head: head would close the pipe early and pipefail would end the script
victim=$(cd "$tree" && find "$subdir" -name '*.c' | sort | sed -n 1p)
# touched: a comment appended, the facts stay the same (early cutoff: the rules do not run)
echo "/* touched */" >>"$tree/$victim"
run touched "${dl[@]}"
# edited: a function added, the facts change (the rules run again over the whole program)
echo "void dovelint_bench_edit(void) { }" >>"$tree/$victim"
run edited "${dl[@]}"
sed -i '$ d' "$tree/$victim"; sed -i '$ d' "$tree/$victim"
# in-reach: a function added to the file of the first finding, or to fs/file.c (it reads the fd
# table, so DL301 parses it) when the tree has none, as Linux 6.1 and 6.12 now do
reached=$(python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["findings"]; print(f[0]["location"]["file"] if f else "")' "$out/cold.json")
if [ -z "$reached" ]; then
  for candidate in "$subdir/fs/file.c" "$subdir/file.c"; do
    if [ -f "$tree/$candidate" ]; then reached=$candidate; break; fi
  done
fi
runs="cold warm touched edited"
if [ -n "$reached" ]; then
  echo "void dovelint_bench_edit(void) { }" >>"$tree/$reached"
  run in-reach "${dl[@]}"
  sed -i '$ d' "$tree/$reached"
  runs="$runs in-reach"
fi
for n in $runs; do echo "$n:"; tail -n 2 "$out/$n.err" 2>/dev/null || echo; done
if cmp -s "$out/cold.json" "$out/warm.json"; then echo "report warm: byte-identical to cold"; else echo "report warm: DIFFERS from cold"; fi
# the touched and edited files have more lines: compare findings and problems
for n in touched edited in-reach; do
  [ -f "$out/$n.json" ] || continue
  python3 - "$out/cold.json" "$out/$n.json" "$n" <<'PY' || true
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
same = a["findings"] == b["findings"] and a["problems"] == b["problems"]
print("report %s: %s" % (sys.argv[3], "same findings and problems as cold" if same else "findings or problems DIFFER from cold"))
PY
done
python3 - "$out/cold.json" <<'PY' || true
import json, sys
d = json.load(open(sys.argv[1]))
print("report: %d files analysed, %d findings, %d parse problems" % (d["files"], len(d["findings"]), len(d["problems"])))
PY

if [ -z "${SKIP_COCCI:-}" ]; then
  run cocci spatch --very-quiet -j "$(nproc)" --sp-file scripts/coccinelle/locks/call_kern.cocci --dir "$subdir"
  for n in $runs; do
    printf '%-10s %.3fx Coccinelle time\n' "$n" "$(echo "${wall[$n]} / ${wall[cocci]}" | bc -l)"
  done
fi
