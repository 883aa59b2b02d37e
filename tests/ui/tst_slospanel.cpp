// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The console's SLOs view on statuses computed by core/triage/slo from synthetic runs, passed through the
// API's JSON the way RuntimeFeed passes them: worst first, each cell as the issue names the columns.
#include "core/triage/slo.h"
#include "ui/panels/slospanel.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;
using namespace cdeck::triage;

namespace {

constexpr qint64 kNow = 1'780'000'000'000;
constexpr qint64 kMinute = 60'000;

SloStatus throughJson(const QString &id, const QJsonObject &definition, const QList<SloRun> &runs)
{
    QString error;
    SloDefinition d = *SloDefinition::fromJson(definition, &error);
    d.id = id;
    QJsonObject o = d.toJson();
    o.insert(u"status"_s, evaluateSlo(d, runs, kNow).toJson());
    return SloStatus::fromJson(o);
}

SloRun run(const QString &name, int minutesAgo, JobState state)
{
    SloRun r;
    r.jobId = u"job-%1"_s.arg(minutesAgo);
    r.clusterId = u"c-1"_s;
    r.jobName = name;
    r.state = state;
    r.endMs = kNow - minutesAgo * kMinute;
    r.durationS = 12;
    r.stateReason = state == JobState::Failed ? u"exit code 1"_s : QString();
    return r;
}

} // namespace

class TstSlosPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsEachSloWorstFirst()
    {
        QList<SloRun> runs;
        for (int m = 50; m >= 10; m -= 10)
            runs.append(run(u"etl"_s, m, JobState::Completed));
        for (int m : {3, 2, 1})
            runs.append(run(u"export"_s, m, JobState::Failed));
        const QList<SloStatus> slos{
            throughJson(u"slo-healthy"_s, {{u"job"_s, u"etl"_s}, {u"objective"_s, 0.99}, {u"name"_s, u"etl ok"_s}}, runs),
            throughJson(u"slo-broken"_s, {{u"job"_s, u"export"_s}, {u"objective"_s, 0.99}, {u"name"_s, u"export ok"_s}},
                        runs),
            throughJson(u"slo-empty"_s, {{u"job"_s, u"never"_s}, {u"objective"_s, 0.999}}, runs)};
        SlosPanel panel;
        panel.resize(1200, 600);
        QVERIFY(!panel.hasData());
        panel.setSlos(slos);
        QVERIFY(panel.hasData());
        QCOMPARE(panel.rowCount(), 3);
        QCOMPARE(panel.firingCount(), 1);
        // The paging SLO first.
        QCOMPARE(panel.cellText(0, SlosPanel::Slo), u"export ok"_s);
        QCOMPARE(panel.cellText(0, SlosPanel::Selector), u"job=export"_s);
        QCOMPARE(panel.cellText(0, SlosPanel::SliNow), u"0.00 % ok"_s);
        QCOMPARE(panel.cellText(0, SlosPanel::Objective), u"99 % / 30d"_s);
        QVERIFY2(panel.cellText(0, SlosPanel::Budget).startsWith(u"spent"_s), qPrintable(panel.cellText(0, SlosPanel::Budget)));
        QCOMPARE(panel.cellText(0, SlosPanel::Burn1h), u"100x"_s);
        QCOMPARE(panel.cellText(0, SlosPanel::Alert), u"PAGE"_s);
        QCOMPARE(panel.cellText(1, SlosPanel::Slo), u"etl ok"_s);
        QCOMPARE(panel.cellText(1, SlosPanel::SliNow), u"100.00 % ok"_s);
        QCOMPARE(panel.cellText(1, SlosPanel::Budget), u"100.0 %"_s);
        QCOMPARE(panel.cellText(1, SlosPanel::Burn1h), u"0.0x"_s);
        QCOMPARE(panel.cellText(1, SlosPanel::Alert), u"none"_s);
        QCOMPARE(panel.cellText(2, SlosPanel::SliNow), u"no runs"_s);
        QCOMPARE(panel.cellText(2, SlosPanel::Burn3d), u"–"_s);
        // The selected (first) SLO's alert and the runs that spent its budget.
        QVERIFY2(panel.detailText().contains(u"PAGE"_s), qPrintable(panel.detailText()));
        QVERIFY(panel.detailText().contains(u"job-1"_s) && panel.detailText().contains(u"job-3"_s));
        // A refresh keeps the selection on the same SLO.
        panel.setSlos(slos);
        QCOMPARE(panel.rowCount(), 3);
        panel.clear();
        QVERIFY(!panel.hasData());
        QCOMPARE(panel.rowCount(), 0);
    }
};

QTEST_MAIN(TstSlosPanel)
#include "tst_slospanel.moc"
