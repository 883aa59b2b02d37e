#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# Prints where install-deps.sh puts the pyspark venv: /opt when root (readable by the job user the
# runtime drops to), else the user's data folder. The runtime and the tests look in the same places
# (core/runtime/engine/sparkinstall.cpp).
if [ "$(id -u)" -eq 0 ]; then
    echo /opt/clusterdeck/pyspark-4.0.1
else
    echo "${XDG_DATA_HOME:-$HOME/.local/share}/clusterdeck/pyspark-4.0.1"
fi
