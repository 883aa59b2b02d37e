#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian 12 packages ClusterDeck needs to build, test and run. Idempotent: does nothing
# (and needs no network) when everything is already there, pyspark included.
set -euo pipefail

PACKAGES=(
    # toolchain
    cmake ninja-build g++ pkg-config git ccache
    # the fuzz targets (libFuzzer comes with clang's runtime) and the format check (scripts/test.sh)
    clang-14 libclang-rt-14-dev clang-format-14
    # Qt 6.4 (Debian 12) and friends
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev libxkbcommon-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools libqt6sql6-sqlite libgl-dev libvulkan-dev
    qt6-translations-l10n
    libspdlog-dev libsqlite3-dev libzstd-dev libsimdjson-dev liblz4-dev libsnappy-dev
    libcli11-dev libsodium-dev qtkeychain-qt6-dev
    # the runtime's HTTPS certificate is made with libcrypto; tst_tls_integration makes its own with the openssl tool
    libssl-dev openssl
    # the local engine: Dask from Debian, run under /usr/bin/python3
    python3-distributed python3-dask python3-pandas python3-prometheus-client
    # the second engine: Spark runs on Java 17; pyspark itself goes into a venv below
    openjdk-17-jre-headless python3-venv
    # tst_yarn_live: a real ResourceManager and NodeManager (Hadoop's jars, fetched by Maven below; javac at test time)
    openjdk-17-jdk-headless maven
    # screenshots, packaging checks, benchmarks' reference tools
    xvfb xauth fonts-dejavu-core desktop-file-utils appstream graphviz libgraphviz-dev hyperfine
    lintian help2man man-db systemd
    # promtool (tst_runtimemetrics checks the runtime's own Prometheus endpoint with it)
    prometheus
)

missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -ne 0 ]; then
    echo "Installing: ${missing[*]}"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        SUDO="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Spark: the pinned pyspark carries Spark's whole runtime (jars, bin/spark-class, bin/spark-submit).
# It goes into a venv of its own (Debian's Python stays untouched), in a place an unprivileged job
# user can read when the runtime runs as root (/root is 0700). The runtime finds it through
# CLUSTERDECK_SPARK_HOME or, failing that, the same path this prints (scripts/spark-venv-path.sh).
PYSPARK_VERSION=4.0.1
SPARK_VENV="$("$(dirname "$0")/spark-venv-path.sh")"
if ! "$SPARK_VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    echo "Installing pyspark $PYSPARK_VERSION into $SPARK_VENV"
    # the check above only passes once pip has finished, so an interrupted install is redone
    (umask 022
     /usr/bin/python3 -m venv --clear "$SPARK_VENV"
     "$SPARK_VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION")
    chmod -R a+rX "$SPARK_VENV"
fi

# YARN: the jars of a real ResourceManager and NodeManager (Hadoop 3.3.6's MiniYARNCluster) for tst_yarn_live,
# pinned by tests/integration/yarn/pom.xml: Maven resolves that one release's dependency tree from Maven Central
# into a repository of its own (checksums checked strictly) and writes the classpath; tests never download.
YARN_CACHE="$("$(dirname "$0")/yarn-minicluster-path.sh")"
yarn_cached() {
    [ -s "$YARN_CACHE/classpath.txt" ] || return 1
    local jar
    while IFS= read -r -d: jar; do [ -f "$jar" ] || return 1; done < <(cat "$YARN_CACHE/classpath.txt"; echo -n :)
}
if ! yarn_cached; then
    echo "Fetching the Hadoop YARN jars into $YARN_CACHE"
    (umask 022
     mkdir -p "$YARN_CACHE"
     mvn -B -q --strict-checksums -f "$(dirname "$0")/../tests/integration/yarn/pom.xml" \
         -Dmaven.repo.local="$YARN_CACHE/repository" dependency:build-classpath \
         -Dmdep.outputFile="$YARN_CACHE/classpath.txt.part" -Dmdep.includeScope=runtime
     mv "$YARN_CACHE/classpath.txt.part" "$YARN_CACHE/classpath.txt")
    chmod -R a+rX "$YARN_CACHE"
fi
