// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "eventlogextraspages.h"

#include "ui/dag/dagitems.h"
#include "ui/dag/dagview.h"
#include "ui/panels/dagpanel.h"
#include "ui/presentation.h"

#include <QDateTime>
#include <QDir>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
struct ExtrasResult
{
    std::optional<spark::EventLogExtras> extras;
    QString error;
};

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}
} // namespace

// --- EventLogExtrasRead ------------------------------------------------------------------------------------

EventLogExtrasRead::~EventLogExtrasRead()
{
    if (m_cancel)
        m_cancel->store(true);
}

void EventLogExtrasRead::start(const QString &path, bool withSql)
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 ticket = ++m_ticket;
    auto *watcher = new QFutureWatcher<ExtrasResult>(this);
    connect(watcher, &QFutureWatcher<ExtrasResult>::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        if (ticket != m_ticket)
            return;
        const ExtrasResult r = watcher->result();
        Q_EMIT finished(r.extras.value_or(spark::EventLogExtras{}), r.extras ? QString() : r.error);
    });
    watcher->setFuture(QtConcurrent::run([path, withSql, cancel = m_cancel] {
        ExtrasResult r;
        r.extras = spark::readEventLogExtras(path, withSql, &r.error, cancel.get());
        return r;
    }));
}

// --- EnvironmentPage ---------------------------------------------------------------------------------------

EnvironmentPage::EnvironmentPage(QWidget *parent)
    : QWidget(parent)
    , m_read(new EventLogExtrasRead(this))
    , m_state(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(u"environmentPage"_s);
    setWindowTitle(tr("Environment"));
    m_filter->setObjectName(u"environmentFilter"_s);
    m_filter->setPlaceholderText(tr("Filter properties (name, value or section)"));
    m_filter->setAccessibleName(tr("Filter the environment"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_view->setObjectName(u"environmentTable"_s);
    m_view->setAccessibleName(tr("Environment properties"));
    m_view->setModel(m_proxy);
    // Sortable, but first in Spark's order (runtime, Spark, Hadoop, system, metrics, classpath): no column yet.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_state->setObjectName(u"environmentState"_s);
    m_state->setWordWrap(true);
    auto *filterLabel = new QLabel(tr("F&ilter:"), this);
    filterLabel->setBuddy(m_filter);
    auto *row = new QHBoxLayout;
    row->addWidget(filterLabel);
    row->addWidget(m_filter, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);
    connect(m_read, &EventLogExtrasRead::finished, this,
            [this](const spark::EventLogExtras &extras, const QString &error) {
                if (!error.isEmpty())
                    m_state->setText(error);
                else if (!extras.hasEnvironment)
                    m_state->setText(tr("The event log holds no environment update."));
                else
                    setEnvironment(extras.environment);
                m_loaded = error.isEmpty();
                Q_EMIT loaded();
            });
}

void EnvironmentPage::open(const QString &logPath)
{
    m_state->setText(tr("Reading the environment from %1…").arg(QDir::toNativeSeparators(logPath)));
    m_read->start(logPath, false);
}

void EnvironmentPage::setEnvironment(const QJsonObject &environment)
{
    const QList<spark::EnvironmentRow> rows = spark::environmentRows(environment);
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Section"), tr("Name"), tr("Value")});
    for (const spark::EnvironmentRow &r : rows) {
        QList<QStandardItem *> items{new QStandardItem(r.section), new QStandardItem(r.name),
                                     new QStandardItem(r.value)};
        items.at(2)->setToolTip(r.value);
        m_model->appendRow(items);
    }
    m_view->resizeColumnToContents(0);
    m_view->resizeColumnToContents(1);
    m_view->setColumnWidth(1, std::min(420, m_view->columnWidth(1))); // the value column gets the rest
    m_state->setText(tr("%n entries: runtime, properties and classpath.", nullptr, int(rows.size())));
    m_loaded = true;
}

// --- SqlPage -----------------------------------------------------------------------------------------------

SqlPage::SqlPage(QWidget *parent)
    : QWidget(parent)
    , m_read(new EventLogExtrasRead(this))
    , m_state(new QLabel(this))
    , m_executions(new QTableWidget(this))
    , m_plan(new DagPanel(this))
    , m_metrics(new QTableWidget(this))
{
    setObjectName(u"sqlPage"_s);
    setWindowTitle(tr("SQL queries"));
    m_state->setObjectName(u"sqlState"_s);
    m_state->setWordWrap(true);
    m_executions->setObjectName(u"sqlExecutions"_s);
    m_executions->setAccessibleName(tr("SQL executions"));
    m_executions->setColumnCount(6);
    m_executions->setHorizontalHeaderLabels(
        {tr("ID"), tr("Description"), tr("Status"), tr("Submitted"), tr("Duration"), tr("Jobs")});
    m_executions->verticalHeader()->hide();
    m_executions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_executions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_executions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_executions->setWordWrap(false);
    m_executions->setTabKeyNavigation(false);
    m_executions->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_executions->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_plan->setObjectName(u"sqlPlan"_s);
    m_plan->setAccessibleName(tr("Query plan"));
    m_plan->setCollapseFanOuts(false); // a plan is small: every operator shows, as in Spark's SQL tab
    m_metrics->setObjectName(u"sqlNodeMetrics"_s);
    m_metrics->setAccessibleName(tr("Metrics of the selected operator"));
    m_metrics->setColumnCount(2);
    m_metrics->setHorizontalHeaderLabels({tr("Metric"), tr("Value")});
    m_metrics->verticalHeader()->hide();
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metrics->setTabKeyNavigation(false);
    m_metrics->horizontalHeader()->setStretchLastSection(true);

    auto *planSplit = new QSplitter(Qt::Horizontal, this);
    planSplit->addWidget(m_plan);
    planSplit->addWidget(m_metrics);
    planSplit->setStretchFactor(0, 3);
    planSplit->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_executions);
    split->addWidget(planSplit);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(split, 1);

    connect(m_executions, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && m_executions->item(row, 0))
            showExecution(m_executions->item(row, 0)->text().toLongLong());
    });
    connect(m_plan, &DagPanel::layoutApplied, this, [this] {
        // A plan is tall: at the fitted zoom the view draws blocks without names. Show names, starting at the
        // operator that produces the result (the plan's root, Spark's top), with its metrics.
        if (!m_selectRootOnLayout)
            return;
        m_selectRootOnLayout = false;
        const auto it = m_data.constFind(m_shown);
        if (it == m_data.cend() || it->nodes.isEmpty())
            return;
        // The root: fed by an edge, feeding none (WholeStageCodegen clusters have no edges of their own).
        QSet<qint64> feeds;
        QSet<qint64> fed;
        for (const spark::SqlPlanEdge &e : it->edges) {
            feeds.insert(e.fromId);
            fed.insert(e.toId);
        }
        QString root;
        for (const spark::SqlPlanNode &n : it->nodes)
            if (fed.contains(n.id) && !feeds.contains(n.id)) {
                root = u"node-%1"_s.arg(n.id);
                break;
            }
        if (m_plan->view()->zoom() < 0.6)
            m_plan->view()->setZoom(0.6);
        if (!root.isEmpty() && m_plan->selectNode(root))
            if (DagNodeItem *item = m_plan->nodeItem(root))
                m_plan->view()->centerOn(item);
        showMetrics();
    });
    connect(m_read, &EventLogExtrasRead::finished, this,
            [this](const spark::EventLogExtras &extras, const QString &error) {
                if (!error.isEmpty()) {
                    m_state->setText(error);
                    m_loaded = false;
                } else {
                    setExecutions(extras.sqlExecutions);
                }
                Q_EMIT loaded();
            });
    // The operator's metrics follow the selection in the graph.
    connect(m_plan, &DagPanel::nodeSelectionChanged, this, &SqlPage::showMetrics);
}

void SqlPage::open(const QString &logPath)
{
    m_state->setText(tr("Reading the SQL executions from %1…").arg(QDir::toNativeSeparators(logPath)));
    m_read->start(logPath, true);
}

void SqlPage::setExecutions(const QMap<qint64, spark::SqlExecution> &executions)
{
    m_data = executions;
    m_executions->setRowCount(int(executions.size()));
    int r = 0;
    for (const spark::SqlExecution &x : executions) {
        m_executions->setItem(r, 0, cell(QString::number(x.id)));
        m_executions->setItem(r, 1, cell(x.description.value_or(QString()).section(u'\n', 0, 0)));
        m_executions->setItem(r, 2, cell(x.status()));
        m_executions->setItem(r, 3, cell(presentation::formatTime(QDateTime::fromMSecsSinceEpoch(x.submissionTime))));
        m_executions->setItem(
            r, 4,
            cell(x.completionTime ? presentation::formatDuration(double(*x.completionTime - x.submissionTime) / 1000.0)
                                  : QString()));
        QStringList jobs;
        for (const auto &[jobId, status] : x.jobs)
            jobs.append(QString::number(jobId));
        m_executions->setItem(r, 5, cell(jobs.join(u", "_s)));
        ++r;
    }
    m_state->setText(executions.isEmpty() ? tr("The event log holds no SQL execution.")
                                          : tr("%n SQL execution(s). Select one to see its plan; select an operator "
                                               "for its metrics.",
                                               nullptr, int(executions.size())));
    m_loaded = true;
    if (!executions.isEmpty())
        m_executions->selectRow(0);
}

bool SqlPage::showExecution(qint64 id)
{
    const auto it = m_data.constFind(id);
    if (it == m_data.cend())
        return false;
    m_shown = id;
    const dag::Dag graph = spark::sqlPlanDag(*it);
    Job job;
    job.id = graph.jobId();
    job.name = tr("SQL query %1").arg(id);
    const QString status = it->status();
    job.state = status == "COMPLETED"_L1 ? JobState::Completed
        : status == "FAILED"_L1          ? JobState::Failed
                                         : JobState::Running;
    m_selectRootOnLayout = true;
    m_plan->setJobs({job});
    m_plan->setCurrentJob(job.id);
    m_plan->setDag(job.id, graph);
    m_metrics->setRowCount(0);
    return true;
}

void SqlPage::showMetrics()
{
    static const QLatin1StringView prefix("node-");
    const QString id = m_plan->selectedNodeId();
    const auto it = m_data.constFind(m_shown);
    if (it == m_data.cend() || !id.startsWith(prefix)) {
        m_metrics->setRowCount(0);
        return;
    }
    const QList<QPair<QString, QString>> metrics = spark::sqlNodeMetrics(*it, id.mid(prefix.size()).toLongLong());
    m_metrics->setRowCount(int(metrics.size()));
    for (int r = 0; r < metrics.size(); ++r) {
        m_metrics->setItem(r, 0, cell(metrics.at(r).first));
        m_metrics->setItem(r, 1, cell(metrics.at(r).second));
    }
}

} // namespace cdeck
