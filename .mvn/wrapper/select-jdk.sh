# Sourced by ./mvnw and ./dovelint: make JAVA_HOME point at a JDK 21 or newer.
# The build needs 21+ (Tycho, enforcer rule); machines often default to 17,
# so look in JAVA_HOME, on PATH, then under the usual JVM folders, newest first.

dovelint_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

dovelint_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(dovelint_java_major "$JAVA_HOME/bin/java")
    [ "${v:-0}" -ge 21 ] && return 0
  fi
  if command -v java >/dev/null 2>&1; then
    v=$(dovelint_java_major java)
    if [ "${v:-0}" -ge 21 ]; then
      java_bin=$(command -v java)
      java_bin=$(readlink -f "$java_bin" 2>/dev/null || printf %s "$java_bin")
      JAVA_HOME=${java_bin%/bin/java}
      export JAVA_HOME
      return 0
    fi
  fi
  # mvnw runs with "set -f": globbing must be switched on for the search.
  set +f
  candidates=$(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* 2>/dev/null | sort -V -r)
  set -f
  for d in $candidates; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    v=$(dovelint_java_major "$d/bin/java")
    if [ "${v:-0}" -ge 21 ]; then
      JAVA_HOME=$d
      export JAVA_HOME
      return 0
    fi
  done
  echo "dovelint: the build needs a JDK 21 or newer; set JAVA_HOME to one" >&2
  return 1
}

dovelint_select_jdk || exit 1

# Maven's Guice warns about sun.misc.Unsafe on JDK 24+; the flag that silences
# it does not exist before 24, so add it only there.
if [ "$(dovelint_java_major "$JAVA_HOME/bin/java")" -ge 24 ] 2>/dev/null; then
  case "${MAVEN_OPTS-}" in
    *sun-misc-unsafe-memory-access*) ;;
    *) MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
  esac
fi
