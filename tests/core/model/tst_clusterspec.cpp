// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/model/clusterinfo.h"
#include "core/model/clusterspec.h"
#include "core/model/executor.h"
#include "core/model/instancecatalog.h"
#include "core/model/job.h"
#include "testpaths.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstClusterSpec : public QObject
{
    Q_OBJECT
private:
    InstanceCatalog m_catalog;

    static QStringList fieldsOf(const QList<FieldError> &errors)
    {
        QStringList f;
        for (const FieldError &e : errors)
            f.append(e.field);
        return f;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        auto c = InstanceCatalog::load(test::resourcesDir() + u"/instance-types/local.json"_s, &error);
        QVERIFY2(c, qPrintable(error));
        m_catalog = *c;
        m_catalog.setPhysicalMemory(qint64(24) << 30); // this machine's size, pinned
    }

    void shippedCatalogAllowsEightSmallWorkers()
    {
        const auto small = m_catalog.find(u"local.small"_s);
        QVERIFY(small);
        QCOMPARE(small->threads, 1);
        QVERIFY(small->maxWorkers >= 8);
        QCOMPARE(m_catalog.defaultType(), u"local.small"_s);
    }

    void nextLargerIsTheLeastMemoryAbove()
    {
        // small (1 GiB) -> medium (2 GiB) -> memory (4 GiB); compute has 1 GiB too, so it is not larger.
        QCOMPARE(m_catalog.nextLarger(u"local.small"_s)->name, u"local.medium"_s);
        QCOMPARE(m_catalog.nextLarger(u"local.compute"_s)->name, u"local.medium"_s);
        QCOMPARE(m_catalog.nextLarger(u"local.medium"_s)->name, u"local.memory"_s);
        QVERIFY(!m_catalog.nextLarger(u"local.memory"_s)); // the largest
        QVERIFY(!m_catalog.nextLarger(u"m5.nope"_s));
    }

    void maxWorkersComesFromMemoryNotCores()
    {
        QCOMPARE(InstanceCatalog::maxWorkersFor(qint64(1) << 30, qint64(24) << 30), 21);
        QCOMPARE(InstanceCatalog::maxWorkersFor(qint64(4) << 30, qint64(24) << 30), 5);
        QCOMPARE(InstanceCatalog::maxWorkersFor(qint64(4) << 30, qint64(2) << 30), 1);
    }

    void validate_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("badFields");
        QTest::addRow("minimal ok") << R"({"name":"etl-1","workers":2})"_ba << QStringList{};
        QTest::addRow("all fields ok")
            << R"({"name":"a_b-C9","workers":8,"instanceType":"local.small","market":"spot","idleTimeoutSeconds":600,"terminationProtection":true,"tags":{"team":"data","cost-center":"42"}})"_ba
            << QStringList{};
        QTest::addRow("empty name") << R"({"name":"","workers":2})"_ba << QStringList{u"name"_s};
        QTest::addRow("name with space") << R"({"name":"my cluster","workers":2})"_ba << QStringList{u"name"_s};
        QTest::addRow("name 65 chars") << (R"({"name":")"_ba + QByteArray(65, 'a') + R"(","workers":2})"_ba)
                                       << QStringList{u"name"_s};
        QTest::addRow("name 64 chars") << (R"({"name":")"_ba + QByteArray(64, 'a') + R"(","workers":2})"_ba)
                                       << QStringList{};
        QTest::addRow("zero workers") << R"({"name":"x","workers":0})"_ba << QStringList{u"workers"_s};
        QTest::addRow("too many workers") << R"({"name":"x","workers":500})"_ba << QStringList{u"workers"_s};
        QTest::addRow("fractional workers") << R"({"name":"x","workers":2.5})"_ba << QStringList{u"workers"_s};
        QTest::addRow("workers as string") << R"({"name":"x","workers":"2"})"_ba << QStringList{u"workers"_s};
        QTest::addRow("unknown type") << R"({"name":"x","workers":1,"instanceType":"m9.huge"})"_ba
                                      << QStringList{u"instanceType"_s};
        QTest::addRow("bad market") << R"({"name":"x","workers":1,"market":"reserved"})"_ba << QStringList{u"market"_s};
        QTest::addRow("unknown engine") << R"({"name":"x","workers":1,"engine":"flink"})"_ba
                                        << QStringList{u"engine"_s};
        QTest::addRow("engine not a string") << R"({"name":"x","workers":1,"engine":1})"_ba << QStringList{u"engine"_s};
        QTest::addRow("negative idle") << R"({"name":"x","workers":1,"idleTimeoutSeconds":-5})"_ba
                                       << QStringList{u"idleTimeoutSeconds"_s};
        QTest::addRow("tag value not string") << R"({"name":"x","workers":1,"tags":{"team":7}})"_ba
                                              << QStringList{u"tags"_s};
        QTest::addRow("tag key bad char") << R"({"name":"x","workers":1,"tags":{"te;am":"a"}})"_ba
                                          << QStringList{u"tags"_s};
        QTest::addRow("typo field") << R"({"name":"x","worker":3})"_ba << QStringList{u"worker"_s};
        QTest::addRow("managed, workers default to the minimum")
            << R"({"name":"x","scaling":{"minWorkers":2,"maxWorkers":4}})"_ba << QStringList{};
        QTest::addRow("managed with every knob")
            << R"({"name":"x","workers":2,"scaling":{"mode":"managed","minWorkers":1,"maxWorkers":3,"scaleOutCooldownSeconds":5,"scaleInCooldownSeconds":10,"maxStep":1,"signal":"memory","stabilizationSeconds":0}})"_ba
            << QStringList{};
        QTest::addRow("managed max below min")
            << R"({"name":"x","scaling":{"minWorkers":3,"maxWorkers":2}})"_ba << QStringList{u"scaling.maxWorkers"_s};
        QTest::addRow("managed max above the type's")
            << R"({"name":"x","scaling":{"minWorkers":1,"maxWorkers":500}})"_ba << QStringList{u"scaling.maxWorkers"_s};
        QTest::addRow("workers outside the bounds")
            << R"({"name":"x","workers":5,"scaling":{"minWorkers":1,"maxWorkers":3}})"_ba << QStringList{u"workers"_s};
        QTest::addRow("bad signal and step")
            << R"({"name":"x","scaling":{"minWorkers":1,"maxWorkers":3,"signal":"cpu","maxStep":0}})"_ba
            << QStringList{u"scaling.signal"_s, u"scaling.maxStep"_s};
        QTest::addRow("negative cooldown")
            << R"({"name":"x","scaling":{"minWorkers":1,"maxWorkers":3,"scaleOutCooldownSeconds":-1}})"_ba
            << QStringList{u"scaling.scaleOutCooldownSeconds"_s};
        QTest::addRow("policy typo") << R"({"name":"x","workers":1,"scaling":{"cooldown":3}})"_ba
                                     << QStringList{u"scaling.cooldown"_s};
        QTest::addRow("spot settings")
            << R"({"name":"x","workers":1,"market":"spot","spot":{"interruptionsPerHour":30,"fallbackAfter":2,"fallbackWindowSeconds":600}})"_ba
            << QStringList{};
        QTest::addRow("spot bad threshold")
            << R"({"name":"x","workers":1,"market":"spot","spot":{"fallbackAfter":0}})"_ba
            << QStringList{u"spot.fallbackAfter"_s};
        QTest::addRow("bootstrap script missing")
            << R"({"name":"x","workers":1,"bootstrapActions":[{"script":"/nonexistent/setup.sh"}]})"_ba
            << QStringList{u"bootstrapActions[0].script"_s};
        QTest::addRow("bootstrap relative path and bad target")
            << R"({"name":"x","workers":1,"bootstrapActions":[{"script":"setup.sh","on":"gpu"}]})"_ba
            << QStringList{u"bootstrapActions[0].on"_s, u"bootstrapActions[0].script"_s};
    }

    void validate()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, badFields);
        QList<FieldError> errors;
        const ClusterSpec spec = ClusterSpec::fromJson(QJsonDocument::fromJson(json).object(), &errors);
        errors += spec.validate(m_catalog);
        QStringList fields = fieldsOf(errors);
        fields.removeDuplicates();
        QCOMPARE(fields, badFields);
        for (const FieldError &e : errors)
            QVERIFY2(!e.message.isEmpty(), qPrintable(e.field));
    }

    void specRoundTripsThroughJson()
    {
        ClusterSpec s;
        s.name = u"team-a"_s;
        s.engine = EngineKind::Spark;
        s.workers = 3;
        s.instanceType = u"local.medium"_s;
        s.market = Market::Spot;
        s.idleTimeoutSeconds = 90;
        s.terminationProtection = true;
        s.tags = {{u"team"_s, u"a"_s}};
        s.scaling.mode = ScalingMode::Managed;
        s.scaling.minWorkers = 2;
        s.scaling.maxWorkers = 5;
        s.scaling.scaleInCooldownSeconds = 42;
        s.scaling.signal = ScalingSignal::PendingTasks;
        s.spot.interruptionsPerHour = 12.5;
        s.spot.fallbackAfter = 2;
        BootstrapAction action;
        action.name = u"setup"_s;
        action.script = u"/opt/setup.sh"_s;
        action.args = {u"--fast"_s};
        action.timeoutSeconds = 20;
        action.on = BootstrapAction::Target::Workers;
        s.bootstrapActions = {action};
        QList<FieldError> errors;
        QVERIFY(ClusterSpec::fromJson(s.toJson(), &errors) == s);
        QVERIFY(errors.isEmpty());
        QCOMPARE(s.toJson().value(u"engine"_s).toString(), u"spark"_s);
        // Specs written before engines existed, and launches that do not say, are Dask's.
        QCOMPARE(toString(ClusterSpec::fromJson(QJsonObject{{u"name"_s, u"old"_s}}, &errors).engine), u"dask"_s);
        QCOMPARE(ClusterSpec{}.toJson().value(u"engine"_s).toString(), u"dask"_s);
        ClusterInfo info;
        info.spec = s;
        QCOMPARE(toString(ClusterInfo::fromJson(info.toJson()).spec.engine), u"spark"_s);
    }

    void stateMachine_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("allowed");
        QTest::addRow("start->boot") << u"STARTING"_s << u"BOOTSTRAPPING"_s << true;
        QTest::addRow("start->waiting skips boot") << u"STARTING"_s << u"WAITING"_s << false;
        QTest::addRow("boot->waiting") << u"BOOTSTRAPPING"_s << u"WAITING"_s << true;
        QTest::addRow("waiting->running") << u"WAITING"_s << u"RUNNING"_s << true;
        QTest::addRow("running->waiting") << u"RUNNING"_s << u"WAITING"_s << true;
        QTest::addRow("waiting->terminating") << u"WAITING"_s << u"TERMINATING"_s << true;
        QTest::addRow("terminating->terminated") << u"TERMINATING"_s << u"TERMINATED"_s << true;
        QTest::addRow("terminating->running") << u"TERMINATING"_s << u"RUNNING"_s << false;
        QTest::addRow("terminated is final") << u"TERMINATED"_s << u"WAITING"_s << false;
        QTest::addRow("failure from anywhere") << u"RUNNING"_s << u"TERMINATED_WITH_ERRORS"_s << true;
        QTest::addRow("no double ending") << u"TERMINATED_WITH_ERRORS"_s << u"TERMINATED_WITH_ERRORS"_s << false;
    }

    void stateMachine()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, allowed);
        const auto f = clusterStateFromString(from);
        const auto t = clusterStateFromString(to);
        QVERIFY(f && t);
        QCOMPARE(toString(*f), from);
        QCOMPARE(canTransition(*f, *t), allowed);
    }

    void executorJsonUsesTheDocumentedNames()
    {
        Executor e;
        e.id = u"w1"_s;
        e.address = u"tcp://127.0.0.1:4000"_s;
        e.pid = 1234;
        e.status = ExecutorStatus::Retired;
        e.memoryLimitBytes = qint64(1) << 30;
        e.bytesInTotal = qint64(5) << 32; // beyond 32 bits survives the trip through a JSON double
        const QJsonObject o = e.toJson();
        for (const char *key : {"id", "address", "pid", "status", "threads", "memoryLimitBytes", "memoryManagedBytes",
                                "memoryUnmanagedBytes", "memorySpilledBytes", "bytesInTotal", "bytesOutTotal"})
            QVERIFY2(o.contains(QLatin1StringView(key)), key);
        QCOMPARE(o.value(u"status"_s).toString(), u"retired"_s);
        QVERIFY(Executor::fromJson(o) == e);
    }

    void jobRequestNeedsExactlyOneSource()
    {
        QString error;
        JobRequest::fromJson(QJsonDocument::fromJson(R"({"sample":"etl_groupby","args":["2"]})").object(), &error);
        QVERIFY(error.isEmpty());
        JobRequest::fromJson(QJsonDocument::fromJson(R"({"sample":"a","script":"/b.py"})").object(), &error);
        QVERIFY(error.contains(u"exactly one"_s));
        JobRequest::fromJson(QJsonDocument::fromJson(R"({"sample":"a","args":[1]})").object(), &error);
        QVERIFY(error.startsWith(u"args"_s));
    }

    void jobJsonCarriesExitCode()
    {
        Job j;
        j.id = u"job-1"_s;
        j.state = JobState::Failed;
        j.exitCode = 3;
        QCOMPARE(j.toJson().value(u"exitCode"_s).toInt(), 3);
        QCOMPARE(j.toJson().value(u"state"_s).toString(), u"FAILED"_s);
        j.exitCode.reset();
        QVERIFY(j.toJson().value(u"exitCode"_s).isNull());
        QVERIFY(Job::fromJson(j.toJson()).state == JobState::Failed);
    }
};

QTEST_GUILESS_MAIN(TstClusterSpec)
#include "tst_clusterspec.moc"
