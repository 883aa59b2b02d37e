// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "executorspanel.h"

#include "ui/models/executormodel.h"
#include "ui/presentation.h"
#include "ui/widgets/memorybardelegate.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
// Filters on id, status and address, and hides retired/lost rows only when asked.
class ExecutorProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    bool showGone = true;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex first = sourceModel()->index(row, 0, parent);
        if (!showGone && first.data(ExecutorModel::GoneRole).toBool())
            return false;
        const QRegularExpression re = filterRegularExpression();
        if (re.pattern().isEmpty())
            return true;
        for (int column : {int(ExecutorModel::IdColumn), int(ExecutorModel::StatusColumn), int(ExecutorModel::AddressColumn)})
            if (re.match(sourceModel()->index(row, column, parent).data().toString()).hasMatch())
                return true;
        return false;
    }
};
} // namespace

ExecutorsPanel::ExecutorsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ExecutorModel(this))
    , m_proxy(new ExecutorProxy(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_showGone(new QCheckBox(tr("Show retired and lost"), this))
    , m_summary(new QLabel(this))
    , m_legend(new QLabel(this))
{
    setObjectName(u"executorsPanel"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ExecutorModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(u"executorsView"_s);
    m_view->setAccessibleName(tr("Executors"));
    m_filter->setAccessibleName(tr("Filter executors"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ExecutorModel::IdColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    m_view->setItemDelegateForColumn(ExecutorModel::MemoryColumn, new MemoryBarDelegate(this));
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_filter->setObjectName(u"executorFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by executor, status or address"));
    m_filter->setClearButtonEnabled(true);
    m_showGone->setObjectName(u"showGoneCheck"_s);
    m_showGone->setChecked(true);
    m_summary->setObjectName(u"executorSummary"_s);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterRegularExpression(QRegularExpression(QRegularExpression::escape(text),
                                                               QRegularExpression::CaseInsensitiveOption));
    });
    connect(m_showGone, &QCheckBox::toggled, this, [this](bool on) {
        static_cast<ExecutorProxy *>(m_proxy)->showGone = on;
        m_proxy->invalidate();
    });

    m_legend->setObjectName(u"executorLegend"_s);
    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_showGone);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);
    setFlavor(int(ExecutorModel::Flavor::Dask));
}

void ExecutorsPanel::setFlavor(int flavor)
{
    const auto f = ExecutorModel::Flavor(flavor);
    m_model->setFlavor(f);
    m_sized = false;
    // YARN reports no network bytes per node: no columns of dashes.
    m_view->setColumnHidden(ExecutorModel::BytesInColumn, f == ExecutorModel::Flavor::Yarn);
    m_view->setColumnHidden(ExecutorModel::BytesOutColumn, f == ExecutorModel::Flavor::Yarn);
    // A Dask nanny restarts its worker in place; Spark and YARN replace executors and nodes instead.
    m_view->setColumnHidden(ExecutorModel::RestartsColumn, f != ExecutorModel::Flavor::Dask);
    switch (f) {
    case ExecutorModel::Flavor::Spark:
        m_legend->setText(tr("Storage memory bar: <span style='color:#1f6fc5'>■</span> cached blocks "
                             "<span style='color:#c27c0e'>▨</span> blocks on disk, against the executor's storage "
                             "memory (a pool inside the heap; the peak JVM heap has its own column)"));
        break;
    case ExecutorModel::Flavor::Yarn:
        m_legend->setText(tr("Memory bar: <span style='color:#1f6fc5'>■</span> allocated to containers, "
                             "against what the NodeManager offers (YARN counts allocation, not use)"));
        break;
    case ExecutorModel::Flavor::Dask:
        m_legend->setText(tr("Memory bar: <span style='color:#1f6fc5'>■</span> managed "
                             "<span style='color:#7fb0e6'>■</span> unmanaged "
                             "<span style='color:#c27c0e'>▨</span> spilled to disk, against the worker's limit; "
                             "<span style='color:#c62828'>■</span> above 80% (the worker pauses near there)"));
        break;
    }
    m_legend->setText(
        presentation::themedHtml(m_legend->text(), palette())); // the legend's swatches in the table's colours
    updateSummary();
}

void ExecutorsPanel::setExecutors(const ExecutorList &executors)
{
    m_model->setSnapshot(executors);
    m_model->setStale(false);
    m_updatedAt = QDateTime::currentDateTime();
    if (!m_sized && !executors.isEmpty()) {
        m_sized = true; // size the columns once: resizing on every refresh makes the table jump
        m_view->resizeColumnsToContents();
        m_view->setColumnWidth(ExecutorModel::MemoryColumn, std::max(m_view->columnWidth(ExecutorModel::MemoryColumn), 300));
    }
    updateSummary();
}

void ExecutorsPanel::setStale(bool stale)
{
    m_model->setStale(stale);
    updateSummary();
}

void ExecutorsPanel::clear()
{
    m_model->clear();
    m_model->setStale(false);
    m_sized = false;
    m_updatedAt = {};
    updateSummary();
}

void ExecutorsPanel::updateSummary()
{
    qint64 used = 0;
    qint64 limit = 0;
    qint64 spilled = 0;
    int threads = 0;
    for (const Executor &e : m_model->rows()) {
        if (isGone(e.status))
            continue;
        used += e.memoryManagedBytes + e.memoryUnmanagedBytes;
        spilled += e.memorySpilledBytes;
        limit += e.memoryLimitBytes;
        threads += e.threads;
    }
    QString format = tr("<b>%1 running</b>, %2 starting, %3 paused, %4 retiring, %5 retired, <b>%6 lost</b> · "
                        "%7 · memory %8 of %9, %10 spilled");
    if (m_model->flavor() == ExecutorModel::Flavor::Spark)
        format = tr("<b>%1 running</b>, %2 starting, %3 paused, %4 retiring, %5 retired, <b>%6 lost</b> · "
                    "%7 · storage memory %8 of %9, %10 on disk");
    else if (m_model->flavor() == ExecutorModel::Flavor::Yarn)
        format = tr("<b>%1 running</b>, %2 starting, %3 paused, %4 decommissioning, %5 decommissioned, "
                    "<b>%6 lost or unhealthy</b> · %7 · allocated %8 of %9%10");
    QString text = format
                       .arg(m_model->countWithStatus(ExecutorStatus::Running))
                       .arg(m_model->countWithStatus(ExecutorStatus::Starting))
                       .arg(m_model->countWithStatus(ExecutorStatus::Paused))
                       .arg(m_model->countWithStatus(ExecutorStatus::Retiring))
                       .arg(m_model->countWithStatus(ExecutorStatus::Retired))
                       .arg(m_model->countWithStatus(ExecutorStatus::Lost))
                       .arg(m_model->flavor() == ExecutorModel::Flavor::Spark  ? tr("%n core(s)", nullptr, threads)
                            : m_model->flavor() == ExecutorModel::Flavor::Yarn ? tr("%n vcore(s)", nullptr, threads)
                                                                               : tr("%n thread(s)", nullptr, threads))
                       .arg(presentation::formatBytes(used), presentation::formatBytes(limit),
                            m_model->flavor() == ExecutorModel::Flavor::Yarn ? QString()
                                                                             : presentation::formatBytes(spilled));
    if (m_model->isStale())
        text += tr(" · <span style='color:#c62828'><b>STALE</b>: last update %1</span>")
                    .arg(presentation::formatTime(m_updatedAt));
    else if (m_updatedAt.isValid())
        text += tr(" · updated %1").arg(m_updatedAt.toString(u"HH:mm:ss"_s));
    m_summary->setText(presentation::themedHtml(text, palette()));
}

} // namespace cdeck
