// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "sparkstagesview.h"

#include "ui/presentation.h"

#include <QBrush>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
using spark::SparkStageInfo;

QString bytesOrDash(qint64 bytes)
{
    return bytes > 0 ? presentation::formatBytes(bytes) : u"–"_s;
}

QColor statusColor(const QString &status)
{
    if (status == "ACTIVE"_L1)
        return presentation::tone(presentation::Tone::Info);
    if (status == "COMPLETE"_L1)
        return presentation::tone(presentation::Tone::Success);
    if (status == "FAILED"_L1)
        return presentation::tone(presentation::Tone::Danger);
    return presentation::tone(presentation::Tone::Neutral); // PENDING, SKIPPED
}

} // namespace

QString formatTaskQuantile(double value, spark::TaskQuantileRow::Unit unit)
{
    switch (unit) {
    case spark::TaskQuantileRow::Unit::Milliseconds:
        return presentation::formatDuration(value / 1000.0);
    case spark::TaskQuantileRow::Unit::Bytes:
        return presentation::formatBytes(qint64(std::llround(value)));
    case spark::TaskQuantileRow::Unit::Count:
        break;
    }
    return QString::number(qint64(std::llround(value)));
}

// --- SparkStageModel ---------------------------------------------------------------------------------------

void SparkStageModel::setRows(const QList<SparkStageInfo> &rows)
{
    bool sameKeys = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameKeys && i < rows.size(); ++i)
        sameKeys = rows[i].stageId == m_rows[i].stageId && rows[i].attemptId == m_rows[i].attemptId;
    if (!sameKeys) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int SparkStageModel::rowOf(int stageId, int attemptId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].stageId == stageId && m_rows[i].attemptId == attemptId)
            return int(i);
    return -1;
}

QVariant SparkStageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const SparkStageInfo &s = m_rows[index.row()];
    if (role == StageIdRole)
        return s.stageId;
    if (role == AttemptIdRole)
        return s.attemptId;
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return QBrush(statusColor(s.status));
    if (role == Qt::TextAlignmentRole && index.column() >= TasksColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return s.failureReason.isEmpty() ? s.name : s.name + u"\n"_s + s.failureReason;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case StageColumn:
        return s.attemptId > 0 ? u"%1 (attempt %2)"_s.arg(s.stageId).arg(s.attemptId) : QString::number(s.stageId);
    case NameColumn:
        return s.name;
    case StatusColumn:
        return s.status;
    case TasksColumn: {
        QString text = tr("%1/%2").arg(s.numCompleteTasks).arg(s.numTasks);
        if (s.numActiveTasks > 0)
            text += tr(" · %1 running").arg(s.numActiveTasks);
        if (s.numFailedTasks > 0)
            text += tr(" · %1 failed").arg(s.numFailedTasks);
        return text;
    }
    case InputColumn:
        return bytesOrDash(s.inputBytes);
    case OutputColumn:
        return bytesOrDash(s.outputBytes);
    case ShuffleReadColumn:
        return bytesOrDash(s.shuffleReadBytes);
    case ShuffleWriteColumn:
        return bytesOrDash(s.shuffleWriteBytes);
    case SpillColumn:
        return s.memoryBytesSpilled + s.diskBytesSpilled > 0
            ? tr("%1 mem / %2 disk").arg(bytesOrDash(s.memoryBytesSpilled), bytesOrDash(s.diskBytesSpilled))
            : u"–"_s;
    case RunTimeColumn:
        return presentation::formatDuration(double(s.executorRunTimeMs) / 1000.0);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SparkStageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == RunTimeColumn)
        return tr("Executor run time summed over the stage's tasks");
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case StageColumn:
        return tr("Stage");
    case NameColumn:
        return tr("Description");
    case StatusColumn:
        return tr("Status");
    case TasksColumn:
        return tr("Tasks done");
    case InputColumn:
        return tr("Input");
    case OutputColumn:
        return tr("Output");
    case ShuffleReadColumn:
        return tr("Shuffle read");
    case ShuffleWriteColumn:
        return tr("Shuffle write");
    case SpillColumn:
        return tr("Spill");
    case RunTimeColumn:
        return tr("Run time");
    case ColumnCount:
        break;
    }
    return {};
}

// --- SparkStagesView ---------------------------------------------------------------------------------------

SparkStagesView::SparkStagesView(QWidget *parent)
    : QWidget(parent)
    , m_model(new SparkStageModel(this))
    , m_view(new QTableView(this))
    , m_title(new QLabel(this))
    , m_details(new QTextBrowser(this))
{
    setObjectName(u"sparkStagesView"_s);
    m_view->setObjectName(u"stagesView"_s);
    m_view->setAccessibleName(tr("Stages"));
    m_details->setAccessibleName(tr("Stage details"));
    m_view->setModel(m_model);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT stageOpened(index.data(SparkStageModel::StageIdRole).toInt(),
                           index.data(SparkStageModel::AttemptIdRole).toInt());
    });
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false); // one line per stage; the full description is the cell's tooltip
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(SparkStageModel::NameColumn, QHeaderView::Stretch);
    m_details->setObjectName(u"stageDetails"_s);
    m_details->setOpenLinks(false);
    m_title->setObjectName(u"stagesTitle"_s);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({620, 380});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(split, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const auto selected = selectedStage();
        const std::pair<int, int> key = selected.value_or(std::pair<int, int>{-1, 0});
        if (key != m_lastEmitted) {
            m_lastEmitted = key;
            Q_EMIT stageSelected(key.first, key.second);
        }
        updateDetails();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SparkStagesView::updateDetails);
    refilter();
}

void SparkStagesView::setStages(const QList<SparkStageInfo> &stages)
{
    m_all = stages;
    refilter();
}

void SparkStagesView::setJob(const QString &jobId)
{
    if (jobId == m_jobId)
        return;
    m_jobId = jobId;
    refilter();
}

void SparkStagesView::clear()
{
    m_all.clear();
    m_jobId.clear();
    m_summaryFor.reset();
    m_summaryError.clear();
    refilter();
}

void SparkStagesView::refilter()
{
    const auto keep = selectedStage();
    bool isNumber = false;
    const int job = m_jobId.toInt(&isNumber);
    QList<SparkStageInfo> rows;
    if (isNumber)
        for (const SparkStageInfo &s : std::as_const(m_all))
            if (s.jobIds.contains(job))
                rows.append(s);
    // Newest stage first, as Spark's UI lists them; a retried stage's attempts next to each other.
    std::sort(rows.begin(), rows.end(), [](const SparkStageInfo &a, const SparkStageInfo &b) {
        return a.stageId != b.stageId ? a.stageId > b.stageId : a.attemptId > b.attemptId;
    });
    m_model->setRows(rows);
    m_title->setText(!isNumber ? tr("<b>Stages</b> — select a job above")
                               : tr("<b>Stages of job %1</b> (%n stage attempt(s))", nullptr, int(rows.size())).arg(job));
    const int row = keep ? m_model->rowOf(keep->first, keep->second) : -1;
    if (row >= 0 && !m_view->selectionModel()->isRowSelected(row, {}))
        m_view->selectRow(row);
    else if (row < 0 && !rows.isEmpty() && !m_view->selectionModel()->hasSelection())
        m_view->selectRow(0);
    updateDetails();
}

bool SparkStagesView::selectStage(int stageId, int attemptId)
{
    const int row = m_model->rowOf(stageId, attemptId);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

std::optional<std::pair<int, int>> SparkStagesView::selectedStage() const
{
    const QModelIndexList rows = m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty())
        return std::nullopt;
    return std::pair<int, int>{rows.first().data(SparkStageModel::StageIdRole).toInt(),
                               rows.first().data(SparkStageModel::AttemptIdRole).toInt()};
}

void SparkStagesView::setTaskSummary(int stageId, int attemptId, const spark::TaskSummary &summary, const QString &error)
{
    m_summaryFor = std::pair<int, int>{stageId, attemptId};
    m_summary = summary;
    m_summaryError = error;
    updateDetails();
}

QString SparkStagesView::detailsText() const
{
    return m_details->toPlainText();
}

void SparkStagesView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (presentation::isPaletteChange(event))
        updateDetails(); // its colours are in the HTML
}

void SparkStagesView::updateDetails()
{
    const auto selected = selectedStage();
    const int row = selected ? m_model->rowOf(selected->first, selected->second) : -1;
    if (row < 0) {
        m_details->setHtml(presentation::themedHtml(
            tr("<p style='color:gray'>Select a stage to see its figures and task summary.</p>"), palette()));
        return;
    }
    const SparkStageInfo &s = m_model->rows().at(row);
    QString html = u"<h3 style='margin-bottom:2px'>%1</h3>"_s.arg(
        tr("Stage %1 · attempt %2").arg(s.stageId).arg(s.attemptId).toHtmlEscaped());
    html += u"<p style='margin-top:0'>%1</p>"_s.arg(s.name.toHtmlEscaped());
    html += u"<p><span style='background:%1;color:%2'>&nbsp;%3&nbsp;</span> &nbsp;%4</p>"_s.arg(
        statusColor(s.status).name(), presentation::textOn(statusColor(s.status)).name(), s.status.toHtmlEscaped(),
        tr("%1 of %2 tasks complete, %3 failed, %4 running, %5 killed")
            .arg(s.numCompleteTasks)
            .arg(s.numTasks)
            .arg(s.numFailedTasks)
            .arg(s.numActiveTasks)
            .arg(s.numKilledTasks));
    if (!s.failureReason.isEmpty())
        html += u"<p style='color:%1'>%2</p>"_s.arg(presentation::tone(presentation::Tone::Danger).name(),
                                                    s.failureReason.section(u'\n', 0, 2).toHtmlEscaped());
    auto line = [](const QString &label, const QString &value) {
        return u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    html += u"<table cellspacing='0' cellpadding='2'>"_s;
    html += line(tr("Input"), tr("%1 (%2 records)").arg(bytesOrDash(s.inputBytes)).arg(s.inputRecords));
    html += line(tr("Output"), tr("%1 (%2 records)").arg(bytesOrDash(s.outputBytes)).arg(s.outputRecords));
    html += line(tr("Shuffle read"), tr("%1 (%2 records)").arg(bytesOrDash(s.shuffleReadBytes)).arg(s.shuffleReadRecords));
    html += line(tr("Shuffle write"), tr("%1 (%2 records)").arg(bytesOrDash(s.shuffleWriteBytes)).arg(s.shuffleWriteRecords));
    html += line(tr("Spill"), tr("%1 in memory, %2 on disk").arg(bytesOrDash(s.memoryBytesSpilled), bytesOrDash(s.diskBytesSpilled)));
    html += line(tr("Executor run time"), presentation::formatDuration(double(s.executorRunTimeMs) / 1000.0));
    html += line(tr("GC time"), presentation::formatDuration(double(s.jvmGcTimeMs) / 1000.0));
    if (s.submissionTime.isValid())
        html += line(tr("Submitted"), presentation::formatTime(s.submissionTime.toLocalTime()));
    if (s.completionTime.isValid() && s.submissionTime.isValid())
        html += line(tr("Completed"), tr("%1 (after %2)")
                                          .arg(presentation::formatTime(s.completionTime.toLocalTime()),
                                               presentation::formatDuration(s.submissionTime.msecsTo(s.completionTime) / 1000.0)));
    if (s.parentsKnown) {
        QStringList parents;
        for (int p : s.parentIds)
            parents.append(QString::number(p));
        html += line(tr("Parent stages"), parents.isEmpty() ? tr("none") : parents.join(u", "_s));
    }
    if (!s.executors.isEmpty())
        html += line(tr("Ran on executors"), s.executors.join(u", "_s));
    html += u"</table>"_s;

    html += u"<p><b>%1</b></p>"_s.arg(tr("Task summary"));
    const bool summaryShown = m_summaryFor && *m_summaryFor == std::pair<int, int>{s.stageId, s.attemptId};
    if (!summaryShown) {
        html += u"<p style='color:gray'>%1</p>"_s.arg(tr("Loading the task summary…"));
    } else if (!m_summaryError.isEmpty()) {
        html += u"<p style='color:gray'>%1</p>"_s.arg(m_summaryError.toHtmlEscaped());
    } else if (m_summary.rows.isEmpty()) {
        html += u"<p style='color:gray'>%1</p>"_s.arg(tr("Spark reports no finished task of this stage yet."));
    } else {
        html += u"<table cellspacing='0' cellpadding='2' border='0'><tr><th align='left'>%1</th>"_s.arg(tr("Metric"));
        for (double q : std::as_const(m_summary.quantiles))
            html += u"<th align='right'>%1</th>"_s.arg(q == 0.5 ? tr("median") : tr("p%1").arg(q * 100, 0, 'g', 3));
        html += u"</tr>"_s;
        for (const spark::TaskQuantileRow &r : std::as_const(m_summary.rows)) {
            html += u"<tr><td>%1</td>"_s.arg(r.label.toHtmlEscaped());
            for (double v : r.values)
                html += u"<td align='right'>%1</td>"_s.arg(formatTaskQuantile(v, r.unit).toHtmlEscaped());
            html += u"</tr>"_s;
        }
        html += u"</table>"_s;
    }
    m_details->setHtml(presentation::themedHtml(html, palette()));
}

} // namespace cdeck
