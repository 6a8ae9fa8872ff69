#!/usr/bin/env bash
# Long fuzzing run of one dovelint fuzz target (coverage-guided, Jazzer).
#
#   scripts/fuzz.sh [TARGET] [DURATION]
#
# TARGET is one of
#   pipeline        C text -> Analyzer (real rules, bundled KB) -> every report writer   (module cli)
#   config          .dovelint.yml loader                                                 (module checker-core)
#   knowledgeBase   knowledge-base YAML loader                                           (module checker-core)
#   baseline        baseline file reader                                                 (module checker-core)
#   scenario        `dovelint spec explain` scenario reader                              (module checker-core)
#   trace           `dovelint spec check-trace` trace reader                             (module checker-core)
#   factsEntry, runRecord, fileHashes, lexicalIndex, kernelDb
#                   the cache's binary readers and the kernel database reader            (module checker-core)
#   anyReader       those five, the first byte choosing                                  (module checker-core)
# DURATION is a Jazzer duration such as 30m, 2h (default 1h).
#
# It runs the target's @FuzzTest in Jazzer's fuzzing mode (JAZZER_FUZZ=1) with
# the given maximum duration. The corpus it grows is kept in
# <module>/.cifuzz-corpus/ (git-ignored) and reused by the next run. A crash
# fails the run and Jazzer writes the input under
# <module>/src/test/resources/io/github/dovelint/fuzz/<Class>Inputs/<target>/:
# commit it with the fix, and `./mvnw verify` replays it for ever after.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-pipeline}"
duration="${2:-1h}"
case "$target" in
  pipeline) module=cli; class=PipelineFuzzTest ;;
  config|knowledgeBase|baseline|scenario|trace) module=checker-core; class=ReadersFuzzTest ;;
  factsEntry|runRecord|fileHashes|lexicalIndex|kernelDb|anyReader) module=checker-core; class=CacheReadersFuzzTest ;;
  *) echo "fuzz.sh: unknown target '$target' (pipeline, config, knowledgeBase, baseline, scenario, trace, factsEntry, runRecord, fileHashes, lexicalIndex, kernelDb, anyReader)" >&2; exit 2 ;;
esac
modules=checker-core
[ "$module" = cli ] && modules=checker-core,rules,cli
# the reactor builds the modules the target needs; only the one fuzz test runs
JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" ./mvnw test -pl "$modules" -Dfuzz.skip \
  -Dtest="$class#$target" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.max_duration="$duration" \
  -DargLine="-XX:+IgnoreUnrecognizedVMOptions -XX:+EnableDynamicAgentLoading -Djazzer.max_duration=$duration"
