// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// What the API checks beyond a caller's role: a scientist's quotas (clusters, workers, dollars per hour) and
// the folders scripts may come from.
#include "core/runtime/accessguards.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TestAccessGuards : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withinTheQuotaNothingIsSaid()
    {
        const ScientistQuota q{2, 4, 1'000'000};
        QCOMPARE(quotaRefusal(q, {1, 2, 500'000}, {2, 4, 1'000'000}), QString());
    }

    void eachQuotaIsNamed()
    {
        const ScientistQuota q{2, 4, 1'000'000};
        QString r = quotaRefusal(q, {2, 2, 400'000}, {3, 3, 600'000});
        QVERIFY2(r.startsWith(u"clusters: 3 live would exceed your scientist quota of 2"_s), qPrintable(r));
        QVERIFY(!r.contains(u"workers"_s));
        r = quotaRefusal(q, {1, 2, 400'000}, {1, 5, 600'000});
        QVERIFY2(r.startsWith(u"workers: 5 "_s) && r.contains(u"quota of 4"_s), qPrintable(r));
        r = quotaRefusal(q, {1, 2, 400'000}, {1, 3, 1'250'000});
        QVERIFY2(r.startsWith(u"dollars per hour: $1.25/h"_s) && r.contains(u"quota of $1.00/h"_s), qPrintable(r));
        r = quotaRefusal(q, {0, 0, 0}, {3, 9, 9'000'000});
        QCOMPARE(r.count(u"; "_s), qsizetype(2)); // all three at once
    }

    void goingDownIsNeverRefused()
    {
        // The quota was lowered after the clusters were launched: a scale-down still goes through.
        const ScientistQuota q{1, 2, 100'000};
        QCOMPARE(quotaRefusal(q, {3, 10, 5'000'000}, {3, 8, 4'000'000}), QString());
        QVERIFY(!quotaRefusal(q, {3, 10, 5'000'000}, {3, 11, 4'000'000}).isEmpty());
    }

    void quotasFromTheEnvironment()
    {
        qputenv("CLUSTERDECK_SCIENTIST_MAX_CLUSTERS", "5");
        qputenv("CLUSTERDECK_SCIENTIST_MAX_WORKERS", "-3"); // malformed: the default stays
        qputenv("CLUSTERDECK_SCIENTIST_MAX_DOLLARS_PER_HOUR", "0.75");
        const ScientistQuota q = ScientistQuota::fromEnvironment();
        QCOMPARE(q.clusters, 5);
        QCOMPARE(q.workers, ScientistQuota{}.workers);
        QCOMPARE(q.microsPerHour, qint64(750'000));
        qunsetenv("CLUSTERDECK_SCIENTIST_MAX_CLUSTERS");
        qunsetenv("CLUSTERDECK_SCIENTIST_MAX_WORKERS");
        qunsetenv("CLUSTERDECK_SCIENTIST_MAX_DOLLARS_PER_HOUR");
    }

    void aScientistsOwnQuotaOverridesTheDefaults()
    {
        const ScientistQuota defaults{2, 8, 5'000'000};
        QString error;
        // Set, kept, put back to the default (null): each field on its own.
        std::optional<UserQuota> own
            = UserQuota::changed({}, {{u"maxWorkers"_s, 1}, {u"maxDollarsPerHour"_s, 0.5}}, &error);
        QVERIFY2(own, qPrintable(error));
        QCOMPARE(own->workers, 1);
        QCOMPARE(own->microsPerHour, qint64(500'000));
        QVERIFY(!own->clusters);
        const ScientistQuota effective = defaults.withOwn(*own);
        QCOMPARE(effective.clusters, 2);
        QCOMPARE(effective.workers, 1);
        QVERIFY(quotaRefusal(effective, {0, 0, 0}, {1, 2, 100'000}).contains(u"quota of 1"_s));
        const QJsonObject json = defaults.toJson(*own);
        QCOMPARE(json.value(u"maxClusters"_s).toInt(), 2);
        QCOMPARE(json.value(u"maxDollarsPerHour"_s).toDouble(), 0.5);
        QCOMPARE(json.value(u"own"_s).toArray(), (QJsonArray{u"maxWorkers"_s, u"maxDollarsPerHour"_s}));
        own = UserQuota::changed(*own, {{u"maxWorkers"_s, QJsonValue::Null}, {u"maxClusters"_s, 3}}, &error);
        QVERIFY(own);
        QVERIFY(!own->workers);
        QCOMPARE(own->clusters, 3);
        QCOMPARE(own->microsPerHour, qint64(500'000)); // not mentioned: kept
        QVERIFY(!UserQuota::mentionedIn({{u"name"_s, u"x"_s}}));
        // Bad values name the field.
        for (const QJsonObject &bad :
             {QJsonObject{{u"maxWorkers"_s, -1}}, QJsonObject{{u"maxWorkers"_s, 1.5}},
              QJsonObject{{u"maxClusters"_s, u"3"_s}}, QJsonObject{{u"maxDollarsPerHour"_s, -0.1}}}) {
            error.clear();
            QVERIFY(!UserQuota::changed({}, bad, &error));
            QVERIFY2(error.startsWith(bad.keys().first()), qPrintable(error));
        }
    }

    void theScriptsARequestWouldRun()
    {
        const QJsonObject launch{
            {u"name"_s, u"x"_s},
            {u"bootstrapActions"_s,
             QJsonArray{QJsonObject{{u"script"_s, u"/bin/sh"_s}}, QJsonObject{{u"script"_s, u"/opt/b.sh"_s}}}}};
        QCOMPARE(ScriptFolders::scriptsOf(api::RouteId::ClusterLaunch, launch),
                 (QStringList{u"/bin/sh"_s, u"/opt/b.sh"_s}));
        QCOMPARE(ScriptFolders::scriptsOf(api::RouteId::JobSubmit, {{u"script"_s, u"/tmp/j.py"_s}}),
                 QStringList{u"/tmp/j.py"_s});
        QCOMPARE(ScriptFolders::scriptsOf(api::RouteId::JobSubmit, {{u"sample"_s, u"etl_groupby"_s}}), QStringList());
        QCOMPARE(ScriptFolders::scriptsOf(api::RouteId::ClusterLaunch, {{u"name"_s, u"x"_s}}), QStringList());
    }

    void onlyFilesInsideTheFolders()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"allowed/sub"_s));
        QVERIFY(QDir(dir.path()).mkpath(u"allowed-not"_s));
        auto touch = [&](const QString &rel) {
            QFile f(QString(dir.path() + u'/' + rel));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("echo hi\n");
        };
        touch(u"allowed/ok.sh"_s);
        touch(u"allowed/sub/deep.py"_s);
        touch(u"allowed-not/evil.sh"_s);
        QVERIFY(QFile::link(u"/bin/sh"_s, dir.path() + u"/allowed/sh"_s));
        const ScriptFolders folders({dir.path() + u"/allowed"_s, dir.path() + u"/nonexistent"_s});
        QCOMPARE(folders.folders().size(), qsizetype(1));
        QCOMPARE(folders.refusal({dir.path() + u"/allowed/ok.sh"_s, dir.path() + u"/allowed/sub/deep.py"_s}),
                 QString());
        // A sibling whose name starts alike, a way out by "..", a link to /bin/sh, a folder, nothing at all:
        const QStringList refused{dir.path() + u"/allowed-not/evil.sh"_s,
                                  dir.path() + u"/allowed/../allowed-not/evil.sh"_s,
                                  dir.path() + u"/allowed/sh"_s,
                                  dir.path() + u"/allowed/sub"_s,
                                  dir.path() + u"/allowed/missing.sh"_s,
                                  u"/bin/sh"_s,
                                  QString()};
        for (const QString &bad : refused) {
            const QString r = folders.refusal({dir.path() + u"/allowed/ok.sh"_s, bad});
            QVERIFY2(r.contains(u"only an admin may run scripts from anywhere"_s),
                     qPrintable(QString(bad + u": "_s + r)));
        }
        QVERIFY(ScriptFolders(QStringList{}).refusal({u"/bin/sh"_s}).contains(u"(none)"_s));
    }
};

QTEST_GUILESS_MAIN(TestAccessGuards)
#include "tst_accessguards.moc"
