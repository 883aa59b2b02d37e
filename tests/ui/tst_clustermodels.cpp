// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The cluster list and executor models follow snapshots by diff: rows added, removed and changed land in
// the right places, selection survives, and the model never resets (QAbstractItemModelTester checks
// every signal).
#include "ui/models/clusterlistmodel.h"
#include "ui/models/executormodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

// "a:WAITING b:RUNNING" -> clusters a and b in those states (hotspot's compact fixtures).
ClusterList clusters(const QString &text)
{
    ClusterList list;
    const QStringList items = text.split(u' ', Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const QStringList parts = item.split(u':');
        ClusterInfo c;
        c.id = u"id-"_s + parts[0];
        c.spec.name = parts[0];
        c.state = clusterStateFromString(parts.value(1, u"WAITING"_s)).value();
        c.createdAt = QDateTime::fromSecsSinceEpoch(1700000000 + list.size());
        list.append(c);
    }
    return list;
}

// "w1:running:500 w2:retired" -> executors with a status and managed memory in MiB.
ExecutorList executors(const QString &text)
{
    ExecutorList list;
    const QStringList items = text.split(u' ', Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const QStringList parts = item.split(u':');
        Executor e;
        e.id = parts[0];
        e.status = executorStatusFromString(parts.value(1, u"running"_s)).value();
        e.threads = 1;
        e.memoryLimitBytes = qint64(1) << 30;
        e.memoryManagedBytes = qint64(parts.value(2, u"100"_s).toInt()) << 20;
        list.append(e);
    }
    return list;
}

QStringList names(const ClusterListModel &m)
{
    QStringList r;
    for (int i = 0; i < m.rowCount(); ++i)
        r.append(m.index(i, 0).data().toString());
    return r;
}

QStringList ids(const ExecutorModel &m)
{
    QStringList r;
    for (int i = 0; i < m.rowCount(); ++i)
        r.append(m.index(i, ExecutorModel::IdColumn).data().toString());
    return r;
}

} // namespace

class TstClusterModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clusterListFollowsSnapshots_data();
    void clusterListFollowsSnapshots();
    void clusterSelectionSurvivesRefresh();
    void upsertShowsNewClusterAtOnce();
    void executorsFollowSnapshots_data();
    void executorsFollowSnapshots();
    void executorChangesAreMergedRuns();
    void goneExecutorsStayGreyed();
    void staleMarksRows();
};

void TstClusterModels::clusterListFollowsSnapshots_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("rows"); // names in model order after the second snapshot
    QTest::addColumn<int>("inserted");
    QTest::addColumn<int>("removed");
    QTest::addRow("added") << u"a"_s << u"a b"_s << QStringList{u"a"_s, u"b"_s} << 1 << 0;
    QTest::addRow("removed first") << u"a b c"_s << u"b c"_s << QStringList{u"b"_s, u"c"_s} << 0 << 1;
    QTest::addRow("removed run") << u"a b c d"_s << u"a d"_s << QStringList{u"a"_s, u"d"_s} << 0 << 1;
    QTest::addRow("removed two runs") << u"a b c d e"_s << u"a c e"_s << QStringList{u"a"_s, u"c"_s, u"e"_s} << 0 << 2;
    QTest::addRow("changed only") << u"a:STARTING b"_s << u"a:WAITING b"_s << QStringList{u"a"_s, u"b"_s} << 0 << 0;
    QTest::addRow("all at once") << u"a b:STARTING c"_s << u"b:WAITING d c:TERMINATED"_s
                                 << QStringList{u"b"_s, u"c"_s, u"d"_s} << 1 << 1;
    QTest::addRow("to empty") << u"a b"_s << QString() << QStringList{} << 0 << 1;
    QTest::addRow("from empty") << QString() << u"a b"_s << QStringList{u"a"_s, u"b"_s} << 1 << 0;
}

void TstClusterModels::clusterListFollowsSnapshots()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QStringList, rows);
    QFETCH(int, inserted);
    QFETCH(int, removed);

    ClusterListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(clusters(before));
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
    model.setSnapshot(clusters(after));
    QCOMPARE(names(model), rows);
    QCOMPARE(inserts.count(), inserted);
    QCOMPARE(removes.count(), removed);
    QCOMPARE(resets.count(), 0);
    // Every row carries the state of the latest snapshot.
    for (const ClusterInfo &c : clusters(after)) {
        const int row = model.rowOf(c.id);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, 0).data(ClusterListModel::StateRole).toInt(), int(c.state));
    }
}

void TstClusterModels::clusterSelectionSurvivesRefresh()
{
    ClusterListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QItemSelectionModel selection(&model);
    model.setSnapshot(clusters(u"a b c"_s));
    selection.select(model.index(2, 0), QItemSelectionModel::ClearAndSelect);
    model.setSnapshot(clusters(u"b:RUNNING c:RUNNING d"_s)); // a removed above the selection, c changed
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().data().toString(), u"c"_s);
    QCOMPARE(selection.selectedRows().first().data(ClusterListModel::StateRole).toInt(), int(ClusterState::Running));
}

void TstClusterModels::upsertShowsNewClusterAtOnce()
{
    ClusterListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(clusters(u"a"_s));
    ClusterInfo fresh = clusters(u"new:STARTING"_s).first();
    model.upsert(fresh);
    QCOMPARE(names(model), (QStringList{u"a"_s, u"new"_s}));
    // The next snapshot brings the same cluster further along: no duplicate row.
    model.setSnapshot(clusters(u"a new:BOOTSTRAPPING"_s));
    QCOMPARE(names(model), (QStringList{u"a"_s, u"new"_s}));
    QCOMPARE(model.index(1, 0).data(ClusterListModel::StateRole).toInt(), int(ClusterState::Bootstrapping));
    QCOMPARE(model.findByName(u"new"_s), 1);
}

void TstClusterModels::executorsFollowSnapshots_data()
{
    QTest::addColumn<QStringList>("snapshots");
    QTest::addColumn<QStringList>("rows");
    QTest::addRow("scale up") << QStringList{u"w1 w2"_s, u"w1 w2 w3:starting"_s, u"w1 w2 w3"_s}
                              << QStringList{u"w1"_s, u"w2"_s, u"w3"_s};
    QTest::addRow("scale down keeps retired") << QStringList{u"w1 w2 w3"_s, u"w1 w2 w3:retiring"_s, u"w1 w2 w3:retired"_s}
                                              << QStringList{u"w1"_s, u"w2"_s, u"w3"_s};
    QTest::addRow("restart replaces") << QStringList{u"w1 w2"_s, u"w2 w4"_s} << QStringList{u"w2"_s, u"w4"_s};
    QTest::addRow("terminate") << QStringList{u"w1 w2"_s, u"w1:retired w2:lost"_s, QString()} << QStringList{};
}

void TstClusterModels::executorsFollowSnapshots()
{
    QFETCH(QStringList, snapshots);
    QFETCH(QStringList, rows);
    ExecutorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    for (const QString &s : snapshots)
        model.setSnapshot(executors(s));
    QCOMPARE(ids(model), rows);
    QCOMPARE(resets.count(), 0);
    const ExecutorList last = executors(snapshots.last());
    for (int i = 0; i < model.rowCount(); ++i)
        QCOMPARE(model.at(i), last.at(last.indexOf(model.at(i))));
}

void TstClusterModels::executorChangesAreMergedRuns()
{
    ExecutorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(executors(u"w1 w2 w3 w4 w5"_s));
    QPersistentModelIndex w4 = model.index(3, ExecutorModel::MemoryColumn);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // w1 and w2 change (one run), w3 does not, w4 and w5 change (second run).
    model.setSnapshot(executors(u"w1:running:200 w2:running:300 w3 w4:paused w5:running:900"_s));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), ExecutorModel::ColumnCount - 1);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 3);
    QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 4);
    QVERIFY(w4.isValid());
    QCOMPARE(w4.row(), 3);
    // An identical snapshot emits nothing.
    changed.clear();
    model.setSnapshot(executors(u"w1:running:200 w2:running:300 w3 w4:paused w5:running:900"_s));
    QCOMPARE(changed.count(), 0);
}

void TstClusterModels::goneExecutorsStayGreyed()
{
    ExecutorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ExecutorList list = executors(u"w1 w2:lost"_s);
    list[1].statusReason = u"worker process exited"_s;
    model.setSnapshot(list);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.index(1, 0).data(ExecutorModel::GoneRole).toBool());
    QVERIFY(!model.index(0, 0).data(ExecutorModel::GoneRole).toBool());
    QCOMPARE(model.index(1, ExecutorModel::StatusColumn).data().toString(), u"lost: worker process exited"_s);
    QVERIFY(model.index(1, ExecutorModel::IdColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.countWithStatus(ExecutorStatus::Lost), 1);
    // The restarts the executor OOM runbook asks about have their column.
    list[0].restarts = 2;
    model.setSnapshot(list);
    QCOMPARE(model.headerData(ExecutorModel::RestartsColumn, Qt::Horizontal).toString(), u"Restarts"_s);
    QCOMPARE(model.index(0, ExecutorModel::RestartsColumn).data().toInt(), 2);
}

void TstClusterModels::staleMarksRows()
{
    ExecutorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(executors(u"w1 w2"_s));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setStale(true);
    QCOMPARE(changed.count(), 1);
    QVERIFY(model.index(0, ExecutorModel::ThreadsColumn).data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(model.rowCount(), 2); // the last data stays
}

QTEST_MAIN(TstClusterModels)
#include "tst_clustermodels.moc"
