// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The sidebar at fifty clusters (issues 17 and 18): filter by name, id or state, hide terminated, order by
// state or cost, rows kept still while the pointer is over the list, state and cost never cut, the state and
// the open incidents in the accessible name, and the open-incident badge from the runtime's cluster list.
#include "replayserver.h"
#include "ui/backend/connection.h"
#include "ui/models/clusterlistmodel.h"
#include "ui/sidebar.h"
#include "ui/widgets/clusteritemdelegate.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

ClusterInfo cluster(const QString &id, const QString &name, ClusterState state, int minutesAgo)
{
    ClusterInfo c;
    c.id = id;
    c.spec.name = name;
    c.spec.workers = 2;
    c.runningWorkers = isTerminal(state) ? 0 : 2;
    c.spec.instanceType = u"local.small"_s;
    c.state = state;
    c.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    c.stateChangedAt = c.createdAt;
    return c;
}

QStringList names(const QAbstractItemModel *model)
{
    QStringList result;
    for (int row = 0; row < model->rowCount(); ++row)
        result.append(model->index(row, 0).data().toString());
    return result;
}

} // namespace

class TstSidebar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filterHideAndOrder();
    void rowsStayStillUnderThePointer();
    void accessibleNameSaysStateCostAndIncidents();
    void stateAndCostAreNeverCut();
    void sidebarControlsDriveEverySection();
    void openIncidentBadgesComeFromTheClusterList();

private:
    static void fill(ClusterListModel *model)
    {
        model->setSnapshot({cluster(u"c-1"_s, u"oncall-etl-memory-hog-replay"_s, ClusterState::Running, 30),
                            cluster(u"c-2"_s, u"nightly"_s, ClusterState::Terminated, 20),
                            cluster(u"c-3"_s, u"adhoc"_s, ClusterState::Starting, 10),
                            cluster(u"c-4"_s, u"broken"_s, ClusterState::TerminatedWithErrors, 5)});
        model->setMeters({{u"c-1"_s, {0.72, 0.36, 0.24, u"USD"_s}}, {u"c-3"_s, {2.40, 0.04, 0.8, u"USD"_s}}});
    }
};

void TstSidebar::filterHideAndOrder()
{
    ClusterListModel model;
    fill(&model);
    ClusterListFilter filter;
    filter.setSourceModel(&model);
    // Newest first, live ones on top.
    QCOMPARE(names(&filter), (QStringList{u"adhoc"_s, u"oncall-etl-memory-hog-replay"_s, u"broken"_s, u"nightly"_s}));
    filter.setText(u"ETL"_s); // name, any case
    QCOMPARE(names(&filter), QStringList{u"oncall-etl-memory-hog-replay"_s});
    filter.setText(u"c-4"_s); // id
    QCOMPARE(names(&filter), QStringList{u"broken"_s});
    filter.setText(u"terminated"_s); // state
    QCOMPARE(names(&filter), (QStringList{u"broken"_s, u"nightly"_s}));
    filter.setText({});
    filter.setHideTerminated(true);
    QCOMPARE(names(&filter), (QStringList{u"adhoc"_s, u"oncall-etl-memory-hog-replay"_s}));
    filter.setHideTerminated(false);
    // By state: failed first, then starting, running, ... ended last.
    filter.setOrder(ClusterListFilter::Order::State);
    QCOMPARE(names(&filter), (QStringList{u"broken"_s, u"adhoc"_s, u"oncall-etl-memory-hog-replay"_s, u"nightly"_s}));
    // By cost: the highest $/h first; ended clusters cost nothing per hour.
    filter.setOrder(ClusterListFilter::Order::Cost);
    QCOMPARE(names(&filter).mid(0, 2), (QStringList{u"adhoc"_s, u"oncall-etl-memory-hog-replay"_s}));
}

void TstSidebar::rowsStayStillUnderThePointer()
{
    ClusterListModel model;
    fill(&model);
    ClusterListFilter filter;
    filter.setSourceModel(&model);
    filter.setOrder(ClusterListFilter::Order::State);
    const QStringList before = names(&filter);
    filter.setFrozen(true);
    // The running cluster fails while the pointer is over the list: its row stays where the user aimed.
    ClusterInfo failed = model.at(model.rowOf(u"c-1"_s));
    failed.state = ClusterState::TerminatedWithErrors;
    failed.stateChangedAt = QDateTime::currentDateTimeUtc();
    model.upsert(failed);
    QCOMPARE(names(&filter), before);
    // The pointer leaves: the list takes its order (failed ones first, the newer failure above it).
    filter.setFrozen(false);
    QCOMPARE(before.indexOf(u"oncall-etl-memory-hog-replay"_s), 2);
    QCOMPARE(names(&filter).indexOf(u"oncall-etl-memory-hog-replay"_s), 1);
}

void TstSidebar::accessibleNameSaysStateCostAndIncidents()
{
    ClusterListModel model;
    fill(&model);
    model.setOpenIncidents({{u"c-1"_s, 2}});
    const QString text = model.index(model.rowOf(u"c-1"_s), 0).data(Qt::AccessibleTextRole).toString();
    QVERIFY2(text.contains(u"oncall-etl-memory-hog-replay"_s) && text.contains(u"RUNNING"_s), qPrintable(text));
    QVERIFY2(text.contains(u"2 of 2 executors"_s) && text.contains(u"/h"_s), qPrintable(text));
    QVERIFY2(text.contains(u"2 open incident"_s), qPrintable(text));
    QCOMPARE(model.index(model.rowOf(u"c-1"_s), 0).data(ClusterListModel::OpenIncidentsRole).toInt(), 2);
    QCOMPARE(model.index(model.rowOf(u"c-3"_s), 0).data(ClusterListModel::OpenIncidentsRole).toInt(), -1);
}

void TstSidebar::stateAndCostAreNeverCut()
{
    ClusterListModel model;
    fill(&model);
    QListView view;
    view.setModel(&model);
    auto *delegate = new ClusterItemDelegate(&view);
    view.setItemDelegate(delegate);
    view.setResizeMode(QListView::Adjust);
    const QModelIndex running = model.index(model.rowOf(u"c-1"_s), 0);
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.widget = &view;
    view.resize(900, 400);
    view.show();
    const int wide = delegate->sizeHint(option, running).height();
    // At the sidebar's narrowest the name, the executors line and the cost wrap: the row grows, nothing is
    // elided ("2/2 execut… …0/h · $0.01 so far" was the bug).
    view.resize(150, 400);
    const int narrow = delegate->sizeHint(option, running).height();
    QVERIFY2(narrow > wide, qPrintable(u"%1 <= %2"_s.arg(narrow).arg(wide)));
    const QFontMetrics fm = view.fontMetrics();
    const QString meter = running.data(ClusterListModel::MeterTextRole).toString();
    QVERIFY(!meter.isEmpty());
    QVERIFY(fm.horizontalAdvance(meter) > view.viewport()->width() - 16); // it really did not fit on one line
    QVERIFY(narrow >= 3 * fm.height() + fm.height()); // name, executors and a cost over two lines at least
}

void TstSidebar::sidebarControlsDriveEverySection()
{
    // Two connections to a Spark port where nothing listens (their lists stay as filled here); the one filter
    // and order apply to both sections.
    Sidebar sidebar(true);
    Connection a(u"a"_s, QUrl(u"http://127.0.0.1:1"_s), {}, ConnectionKind::Spark);
    Connection b(u"b"_s, QUrl(u"http://127.0.0.1:1"_s), {}, ConnectionKind::Spark);
    fill(a.clusters());
    fill(b.clusters());
    sidebar.addConnection(&a, true);
    sidebar.addConnection(&b, true);
    sidebar.show();
    const QList<QListView *> lists = sidebar.findChildren<QListView *>(u"clusterList"_s);
    QCOMPARE(lists.size(), 2);
    sidebar.findChild<QCheckBox *>(u"hideTerminatedCheck"_s)->setChecked(true);
    for (QListView *list : lists)
        QCOMPARE(list->model()->rowCount(), 2);
    sidebar.filterField()->setText(u"adhoc"_s);
    for (QListView *list : lists)
        QCOMPARE(names(list->model()), QStringList{u"adhoc"_s});
    sidebar.filterField()->clear();
    auto *order = sidebar.findChild<QComboBox *>(u"clusterOrderCombo"_s);
    order->setCurrentIndex(order->findData(int(ClusterListFilter::Order::Cost)));
    for (QListView *list : lists)
        QCOMPARE(names(list->model()).first(), u"adhoc"_s);
    // The pointer over one list freezes that list only.
    QEvent enter(QEvent::Enter);
    QCoreApplication::sendEvent(lists[0]->viewport(), &enter);
    QVERIFY(qobject_cast<ClusterListFilter *>(lists[0]->model())->isFrozen());
    QVERIFY(!qobject_cast<ClusterListFilter *>(lists[1]->model())->isFrozen());
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(lists[0]->viewport(), &leave);
    QVERIFY(!qobject_cast<ClusterListFilter *>(lists[0]->model())->isFrozen());
    // A user's click selects a cluster of that connection.
    QSignalSpy selected(&sidebar, &Sidebar::clusterSelected);
    lists[1]->setCurrentIndex(lists[1]->model()->index(0, 0));
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().at(0).value<Connection *>(), &b);
    QCOMPARE(selected.first().at(1).toString(), u"c-3"_s);
}

void TstSidebar::openIncidentBadgesComeFromTheClusterList()
{
    test::ReplayServer server;
    QVERIFY(server.listen());
    // Two clusters as the runtime lists them: one with two open incidents, one with none; a third from a
    // runtime that does not say gets no badge.
    QJsonArray list;
    QJsonObject one = cluster(u"c-1"_s, u"etl"_s, ClusterState::Running, 3).toJson();
    one.insert(u"openIncidents"_s, 2);
    QJsonObject two = cluster(u"c-2"_s, u"idle"_s, ClusterState::Waiting, 2).toJson();
    two.insert(u"openIncidents"_s, 0);
    list << one << two << cluster(u"c-3"_s, u"old"_s, ClusterState::Waiting, 1).toJson();
    server.responses.insert("GET /api/v1/clusters", {test::ReplayServer::ok(QJsonDocument(list).toJson())});
    QTemporaryDir dir;
    QFile token(dir.filePath(u"token"_s));
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write("secret\n");
    token.close();
    QVERIFY(token.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    Connection connection(u"rt"_s, QUrl(u"http://127.0.0.1:%1"_s.arg(server.port())), token.fileName(),
                          ConnectionKind::Runtime);
    ClusterListModel *model = connection.clusters();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->index(model->rowOf(u"c-1"_s), 0).data(ClusterListModel::OpenIncidentsRole).toInt(),
                              2, 10000);
    QCOMPARE(model->index(model->rowOf(u"c-2"_s), 0).data(ClusterListModel::OpenIncidentsRole).toInt(), 0);
    QCOMPARE(model->index(model->rowOf(u"c-3"_s), 0).data(ClusterListModel::OpenIncidentsRole).toInt(), -1);
}

QTEST_MAIN(TstSidebar)
#include "tst_sidebar.moc"
