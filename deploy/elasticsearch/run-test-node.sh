#!/usr/bin/env bash
# A throwaway single-node Elasticsearch for tests and development, from Elastic's test
# distribution on Maven Central (no bundled JDK: it runs on the machine's Java 17).
#
#   run-test-node.sh start       fetch (once, cached in ~/.m2), unpack, start in the background,
#                                wait for green; prints the URL to use as ELASTICSEARCH_URL
#   run-test-node.sh stop        stop it and delete its data
#   run-test-node.sh foreground  start it in the foreground (Ctrl-C stops it)
#
# Settings (environment): ES_VERSION (matches the pinned `elasticsearch` client), ES_PORT,
# ES_TRANSPORT_PORT, ES_HOME (where it is unpacked and keeps its data), ES_USER (the
# unprivileged user it runs as when started by root: Elasticsearch refuses to run as root),
# ES_HEAP, JAVA_HOME.
set -euo pipefail

ES_VERSION=${ES_VERSION:-8.19.3}
ES_PORT=${ES_PORT:-9250}
ES_TRANSPORT_PORT=${ES_TRANSPORT_PORT:-9350}
ES_HOME=${ES_HOME:-${TMPDIR:-/tmp}/portal-elasticsearch-$ES_PORT}
ES_USER=${ES_USER:-portal-search}
ES_HEAP=${ES_HEAP:-512m}
ARTIFACT=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip
ZIP=$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip
URL=http://127.0.0.1:$ES_PORT

find_java_home() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  for candidate in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-*; do
    [ -x "$candidate/bin/java" ] && { echo "$candidate"; return; }
  done
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

fetch() {
  if [ ! -f "$ZIP" ]; then
    echo "Fetching $ARTIFACT from Maven Central (once; cached in ~/.m2)"
    mvn -q dependency:get -Dartifact="$ARTIFACT" -Dtransitive=false
  fi
}

prepare() {
  fetch
  local home=$ES_HOME/elasticsearch-$ES_VERSION
  if [ ! -x "$home/bin/elasticsearch" ]; then
    mkdir -p "$ES_HOME"
    (cd "$ES_HOME" && unzip -q "$ZIP")
  fi
  rm -rf "$ES_HOME/data" "$ES_HOME/logs"
  mkdir -p "$ES_HOME/data" "$ES_HOME/logs"
  if [ "$(id -u)" = 0 ]; then
    id -u "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER" "$ES_HOME"
  fi
}

# Runs Elasticsearch with the given extra arguments, as ES_USER when started by root.
run_elasticsearch() {
  local runner=()
  [ "$(id -u)" = 0 ] && runner=(runuser -u "$ES_USER" --)
  "${runner[@]}" env ES_JAVA_HOME="$(find_java_home)" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$ES_HOME/elasticsearch-$ES_VERSION/bin/elasticsearch" \
    -E discovery.type=single-node -E network.host=127.0.0.1 \
    -E http.port="$ES_PORT" -E transport.port="$ES_TRANSPORT_PORT" \
    -E xpack.security.enabled=false -E path.data="$ES_HOME/data" -E path.logs="$ES_HOME/logs" \
    -E cluster.routing.allocation.disk.threshold_enabled=false "$@"
}

wait_for_green() {
  for _ in $(seq 90); do
    if curl -fsS "$URL/_cluster/health?wait_for_status=green&timeout=1s" >/dev/null 2>&1; then
      echo "Elasticsearch $ES_VERSION is green at $URL"
      return 0
    fi
    sleep 1
  done
  echo "Elasticsearch did not start; its log:" >&2
  tail -n 40 "$ES_HOME/logs/"*.log >&2 || true
  return 1
}

case "${1:-}" in
  start)
    prepare
    run_elasticsearch -d -p "$ES_HOME/pid" >"$ES_HOME/start.log"
    wait_for_green
    ;;
  foreground)
    prepare
    echo "Elasticsearch $ES_VERSION on $URL (Ctrl-C stops it)"
    run_elasticsearch
    ;;
  stop)
    if [ -f "$ES_HOME/pid" ]; then
      pid=$(cat "$ES_HOME/pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
    rm -rf "$ES_HOME/data" "$ES_HOME/logs" "$ES_HOME/pid"
    ;;
  *)
    echo "usage: $0 start|stop|foreground" >&2
    exit 2
    ;;
esac
