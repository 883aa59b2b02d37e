#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# Prints where install-deps.sh caches the Hadoop jars of tst_yarn_live's ResourceManager and NodeManager
# (tests/integration/yarn/pom.xml): a Maven repository and classpath.txt, the classpath of the launcher.
if [ "$(id -u)" -eq 0 ]; then
    echo /opt/clusterdeck/yarn-minicluster-3.3.6
else
    echo "${XDG_DATA_HOME:-$HOME/.local/share}/clusterdeck/yarn-minicluster-3.3.6"
fi
