#!/usr/bin/env bash
# Starts or stops the virtual X server the UI test's workbench draws on.
#   xvfb.sh start DISPLAYNUM PIDFILE    xvfb.sh stop DISPLAYNUM PIDFILE
# The server is bounded in time (it stops by itself after 15 minutes) so a
# build that fails between start and stop leaves nothing running for long.
set -u
cmd=$1 num=$2 pidfile=$3
stop() {
  if [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile")
    # Only the server this script started (through timeout), not a reused pid.
    case "$(cat "/proc/$pid/comm" 2>/dev/null)" in
      timeout|Xvfb) kill "$pid" 2>/dev/null || true ;;
    esac
    rm -f "$pidfile"
  fi
}
case "$cmd" in
  start)
    stop
    if ! command -v Xvfb >/dev/null 2>&1; then
      echo "dovelint: the Eclipse UI test needs Xvfb and GTK 3: apt-get install xvfb libgtk-3-0 (.ci/run does)," \
           "or skip it with -Ddovelint.skipUiTests" >&2
      exit 1
    fi
    mkdir -p "$(dirname "$pidfile")"
    setsid timeout 900 Xvfb ":$num" -screen 0 1280x1024x24 -nolisten tcp -noreset \
      >"$(dirname "$pidfile")/xvfb.log" 2>&1 </dev/null &
    echo $! >"$pidfile"
    for _ in $(seq 1 100); do
      [ -S "/tmp/.X11-unix/X$num" ] && exit 0
      sleep 0.1
    done
    echo "dovelint: Xvfb :$num did not start; see $(dirname "$pidfile")/xvfb.log" >&2
    exit 1
    ;;
  stop) stop ;;
esac
