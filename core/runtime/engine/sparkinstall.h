// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace cdeck::spark {

// Where this machine's Spark is: the pinned pyspark that scripts/install-deps.sh puts in a venv of its
// own carries Spark's whole runtime (jars, bin/spark-class, bin/spark-submit), and its Python is the one
// drivers and executors run PySpark with.
struct SparkInstall
{
    QString venv; // the venv's root: <venv>/bin/python
    QString sparkHome; // <venv>/lib/python3.X/site-packages/pyspark
    QString python; // <venv>/bin/python
    QString sparkClass; // <sparkHome>/bin/spark-class
    QString sparkSubmit; // <sparkHome>/bin/spark-submit
    QString javaHome; // empty: spark-class finds java on PATH
    QString version; // "4.0.1", from the pyspark package's version file
    QString error; // non-empty: no usable Spark here, and what to install (a user can act on it)

    bool usable() const { return error.isEmpty(); }
};

// The venv install-deps.sh makes (scripts/spark-venv-path.sh prints the same): /opt/clusterdeck/pyspark-4.0.1
// for root, so an unprivileged job user can read it, else ${XDG_DATA_HOME:-~/.local/share}/clusterdeck/pyspark-4.0.1.
QString defaultSparkVenv();

// Looks for Spark in `venv` (a venv root as above) or, when empty, CLUSTERDECK_SPARK_VENV, then
// defaultSparkVenv(). CLUSTERDECK_SPARK_HOME (a Spark distribution's root) overrides the Spark part and
// CLUSTERDECK_SPARK_PYTHON the Python. Checks the files exist and are executable and that a Java 17+ runtime
// is there; reads no network and starts no process.
SparkInstall findSpark(const QString &venv = {});

} // namespace cdeck::spark
