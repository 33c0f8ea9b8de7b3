#!/usr/bin/env bash
# Local two-way sync in a real Kafka Connect cluster, from Maven Central artifacts only:
#   ./quickstart.sh                 start, show progress and the summary, keep running (Ctrl-C stops everything)
#   ./quickstart.sh start --detach  start, wait for the summary, return; stop later with ./quickstart.sh stop
#   ./quickstart.sh stop | status   (see ./quickstart.sh --help for ports and options)
#   ./quickstart.sh emulators [--salesforce-port 8181 --nylas-port 8282 --seed 42 ...]  only the seeded emulators
set -euo pipefail
cd "$(dirname "$0")"

cp_file=quickstart/target/quickstart.classpath
needs_build=false
case "${1:-start}" in
  stop|status|-h|--help) ;;
  *)
    if ! ls plugin/target/nylassf-nylas-salesforce-connect-*.zip >/dev/null 2>&1 || [ ! -f "$cp_file" ] \
       || [ -n "$(find common source-connector sink-connector test-kit quickstart config-examples -newer "$cp_file" \
             \( -name '*.java' -o -name 'pom.xml' -o -name '*.json' \) -print -quit 2>/dev/null)" ]; then
      needs_build=true
    fi
    ;;
esac
if $needs_build; then
  echo "Building the plugin and the quickstart (mvn -B -q package -DskipTests)..."
  mvn -B -q -ntp package -DskipTests
fi
if [ ! -f "$cp_file" ]; then
  echo "Run './quickstart.sh' once to build first." >&2
  exit 1
fi
cp="quickstart/target/classes:$(cat "$cp_file")"
if [ "${1:-}" = emulators ]; then
  shift
  exec java -Xmx768m -cp "$cp" io.nylassf.testkit.sandbox.SandboxMain "$@"
fi
exec java -Xmx256m -Dquickstart.classpath="$cp" -cp "$cp" io.nylassf.quickstart.QuickstartMain "$@"
