// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "sparkinstall.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cdeck::spark {

namespace {

constexpr auto kInstallHint
    = "run scripts/install-deps.sh (it installs openjdk-17-jre-headless and pyspark 4.0.1 into %1), "
      "or point CLUSTERDECK_SPARK_VENV at a venv with pyspark 4.0.x";

bool isExecutable(const QString &path)
{
    const QFileInfo fi(path);
    return fi.isFile() && fi.isExecutable();
}

// pyspark/version.py: __version__: str = "4.0.1"
QString pysparkVersion(const QString &sparkHome)
{
    QFile f(sparkHome + u"/version.py"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression re(uR"(__version__[^=]*=\s*["']([0-9A-Za-z.+-]+)["'])"_s);
    const auto m = re.match(QString::fromUtf8(f.read(4096)));
    return m.hasMatch() ? m.captured(1) : QString();
}

// A java on PATH or under JAVA_HOME: Spark 4 needs 17 or newer, which Debian 12's openjdk-17 is.
QString findJava(QString *javaHome)
{
    const QString fromEnv = qEnvironmentVariable("JAVA_HOME");
    if (!fromEnv.isEmpty() && isExecutable(fromEnv + u"/bin/java"_s)) {
        *javaHome = fromEnv;
        return fromEnv + u"/bin/java"_s;
    }
    for (const char *home : {"/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/java-17-openjdk-arm64",
                             "/usr/lib/jvm/java-21-openjdk-amd64", "/usr/lib/jvm/default-java"}) {
        const QString h = QString::fromLatin1(home);
        if (isExecutable(h + u"/bin/java"_s)) {
            *javaHome = h;
            return h + u"/bin/java"_s;
        }
    }
    return QStandardPaths::findExecutable(u"java"_s);
}

} // namespace

QString defaultSparkVenv()
{
    if (::geteuid() == 0)
        return u"/opt/clusterdeck/pyspark-4.0.1"_s;
    QString data = qEnvironmentVariable("XDG_DATA_HOME");
    if (data.isEmpty())
        data = QDir::homePath() + u"/.local/share"_s;
    return data + u"/clusterdeck/pyspark-4.0.1"_s;
}

SparkInstall findSpark(const QString &venvArg)
{
    SparkInstall s;
    s.venv = !venvArg.isEmpty() ? venvArg : qEnvironmentVariable("CLUSTERDECK_SPARK_VENV");
    if (s.venv.isEmpty())
        s.venv = defaultSparkVenv();
    const QString hint = QString::fromLatin1(kInstallHint).arg(defaultSparkVenv());
    s.python = qEnvironmentVariable("CLUSTERDECK_SPARK_PYTHON");
    if (s.python.isEmpty())
        s.python = s.venv + u"/bin/python"_s;
    s.sparkHome = qEnvironmentVariable("CLUSTERDECK_SPARK_HOME");
    if (s.sparkHome.isEmpty()) {
        // The venv's site-packages folder is named after its Python's version: take the one with pyspark.
        const QDir lib(s.venv + u"/lib"_s);
        for (const QString &py : lib.entryList({u"python3*"_s}, QDir::Dirs, QDir::Name))
            if (QFileInfo::exists(lib.filePath(py) + u"/site-packages/pyspark/bin/spark-class"_s))
                s.sparkHome = lib.filePath(py) + u"/site-packages/pyspark"_s;
    }
    if (s.sparkHome.isEmpty()) {
        s.error = u"No Spark here: %1 has no pyspark; %2"_s.arg(s.venv, hint);
        return s;
    }
    s.sparkClass = s.sparkHome + u"/bin/spark-class"_s;
    s.sparkSubmit = s.sparkHome + u"/bin/spark-submit"_s;
    s.version = pysparkVersion(s.sparkHome);
    if (!isExecutable(s.sparkClass) || !isExecutable(s.sparkSubmit)) {
        s.error = u"Spark at %1 is incomplete (no executable bin/spark-class or bin/spark-submit); %2"_s.arg(
            s.sparkHome, hint);
        return s;
    }
    if (!isExecutable(s.python)) {
        s.error = u"No Python for PySpark at %1; %2"_s.arg(s.python, hint);
        return s;
    }
    if (findJava(&s.javaHome).isEmpty()) {
        s.error = u"Spark needs Java 17 and none was found (JAVA_HOME, /usr/lib/jvm, PATH); %1"_s.arg(hint);
        return s;
    }
    return s;
}

} // namespace cdeck::spark
