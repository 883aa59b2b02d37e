// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "jobspanel.h"

#include "ui/models/jobmodel.h"
#include "ui/panels/sparkstagesview.h"
#include "ui/presentation.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

JobsPanel::JobsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new JobModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_source(new QComboBox(this))
    , m_script(new QLineEdit(this))
    , m_args(new QLineEdit(this))
    , m_submit(new QPushButton(tr("Submit job"), this))
    , m_submitHint(new QLabel(this))
    , m_view(new QTableView(this))
    , m_logTitle(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
    , m_cancel(new QPushButton(tr("Cancel job"), this))
    , m_showDag(new QPushButton(tr("Show DAG"), this))
    , m_stages(new SparkStagesView(this))
{
    setObjectName(u"jobsPanel"_s);
    m_source->setObjectName(u"jobSourceCombo"_s);
    m_source->addItem(tr("Script on the runtime's machine…"), QString());
    m_script->setObjectName(u"scriptEdit"_s);
    m_script->setPlaceholderText(tr("/absolute/path/to/job.py"));
    m_args->setObjectName(u"argsEdit"_s);
    m_args->setToolTip(tr("Arguments, as on a command line: the samples take plain values (see each sample's usage)"));
    m_submit->setObjectName(u"submitButton"_s);
    m_submitHint->setStyleSheet(u"color: %1;"_s.arg(presentation::tone(presentation::Tone::Warning).name()));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(JobModel::SortRole);
    m_view->setObjectName(u"jobsView"_s);
    // What a screen reader says for the fields and lists without a label of their own.
    m_source->setAccessibleName(tr("What to run"));
    m_script->setAccessibleName(tr("Script path"));
    m_args->setAccessibleName(tr("Arguments"));
    m_view->setAccessibleName(tr("Jobs"));
    m_log->setAccessibleName(tr("Job output"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(JobModel::SubmittedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(JobModel::NameColumn, QHeaderView::Stretch);
    // Dates of other days carry the date: size to them rather than wrap onto two lines.
    m_view->horizontalHeader()->setSectionResizeMode(JobModel::SubmittedColumn, QHeaderView::ResizeToContents);
    m_log->setObjectName(u"logView"_s);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setPlaceholderText(tr("Select a job to see the last lines of its output."));
    m_cancel->setObjectName(u"cancelJobButton"_s);
    m_cancel->setEnabled(false);
    m_showDag->setObjectName(u"showDagButton"_s);
    m_showDag->setToolTip(tr("The selected job's graph of task groups, live while it runs (or double-click the job)"));
    m_showDag->setEnabled(false);

    m_submitRow = new QWidget(this);
    auto *submitRow = new QHBoxLayout(m_submitRow);
    submitRow->setContentsMargins(0, 0, 0, 0);
    submitRow->addWidget(new QLabel(tr("Run"), this));
    submitRow->addWidget(m_source, 2);
    submitRow->addWidget(m_script, 3);
    submitRow->addWidget(m_args, 2);
    submitRow->addWidget(m_submit);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *logRow = new QHBoxLayout;
    logRow->addWidget(m_logTitle, 1);
    logRow->addWidget(m_showDag);
    logRow->addWidget(m_cancel);
    bottomLayout->addLayout(logRow);
    bottomLayout->addWidget(m_log);
    bottomLayout->addWidget(m_stages);
    m_stages->hide();
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_submitRow);
    layout->addWidget(m_submitHint);
    layout->addWidget(split, 1);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        const bool script = m_source->currentData().toString().isEmpty();
        m_script->setEnabled(script);
        m_source->setToolTip(m_source->currentData(Qt::ToolTipRole).toString());
        updateArgsPlaceholder();
    });
    updateArgsPlaceholder();
    connect(m_submit, &QPushButton::clicked, this, &JobsPanel::onSubmit);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsPanel::updateSelection);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPanel::updateSelection);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        const QString id = selectedJobId();
        if (!id.isEmpty())
            Q_EMIT cancelRequested(id);
    });
    connect(m_showDag, &QPushButton::clicked, this, [this] {
        const QString id = selectedJobId();
        if (!id.isEmpty())
            Q_EMIT dagRequested(id);
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString id = index.data(JobModel::JobIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT dagRequested(id);
    });
    // Running jobs' durations count up between snapshots.
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] {
        if (isVisible())
            m_view->viewport()->update();
    });
    tick->start(1000);
}

QString JobsPanel::sampleUsage(const QString &description)
{
    // "... Usage: etl_groupby.py [SCALE] (SCALE multiplies the number of rows; default 1)" -> what follows the
    // script's name.
    static const QRegularExpression usage(u"Usage: \\S+\\.py\\s*(.*)$"_s);
    const QRegularExpressionMatch m = usage.match(description);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

QString JobsPanel::sampleSummary(const QString &description)
{
    // The first sentence: up to the first ". " or ": " (the docstrings go on with how and why).
    qsizetype end = description.size();
    for (const QString &stop : {u". "_s, u": "_s})
        if (const qsizetype at = description.indexOf(stop); at > 0)
            end = std::min(end, at);
    QString summary = description.left(end).trimmed();
    if (summary.endsWith(u'.'))
        summary.chop(1);
    constexpr int kMax = 70;
    if (summary.size() > kMax) // at a word, not mid-word
        summary = summary.left(summary.lastIndexOf(u' ', kMax)) + u"…"_s;
    return summary;
}

void JobsPanel::updateArgsPlaceholder()
{
    const QString usage = sampleUsage(m_source->currentData(Qt::ToolTipRole).toString());
    if (m_source->currentData().toString().isEmpty())
        m_args->setPlaceholderText(tr("arguments, as on a command line"));
    else if (usage.isEmpty())
        m_args->setPlaceholderText(tr("no arguments needed"));
    else
        m_args->setPlaceholderText(tr("arguments: %1").arg(usage));
    m_args->setToolTip(usage.isEmpty() ? QString() : tr("Usage: %1").arg(usage));
}

void JobsPanel::setSamples(const QList<SampleInfo> &samples)
{
    const QString current = m_source->currentData().toString();
    const QSignalBlocker blocker(m_source);
    while (m_source->count() > 1)
        m_source->removeItem(0);
    int i = 0;
    for (const SampleInfo &s : samples) {
        const QString summary = sampleSummary(s.description);
        m_source->insertItem(i, summary.isEmpty() ? tr("Sample: %1").arg(s.name) : tr("Sample: %1 — %2").arg(s.name, summary),
                             s.name);
        m_source->setItemData(i, s.description, Qt::ToolTipRole);
        ++i;
    }
    const int index = m_source->findData(current);
    m_source->setCurrentIndex(index >= 0 && !current.isEmpty() ? index : 0);
    m_script->setEnabled(m_source->currentData().toString().isEmpty());
    m_source->setToolTip(m_source->currentData(Qt::ToolTipRole).toString());
    updateArgsPlaceholder();
}

void JobsPanel::setJobs(const JobList &jobs)
{
    m_model->setSnapshot(jobs);
    m_model->setStale(false);
    if (!m_view->selectionModel()->hasSelection() && m_proxy->rowCount() > 0)
        m_view->selectRow(0); // the newest job: what one usually wants to watch
    updateSelection();
}

void JobsPanel::setStale(bool stale)
{
    m_model->setStale(stale);
}

void JobsPanel::setClusterActive(bool active, const QString &whyNot)
{
    m_active = active;
    m_submit->setEnabled(active);
    m_submitHint->setText(active ? QString() : whyNot);
    m_submitHint->setVisible(!active && !whyNot.isEmpty());
}

void JobsPanel::setCancelSupported(bool supported, const QString &whyNot)
{
    m_cancelSupported = supported;
    m_cancel->setToolTip(supported ? QString() : whyNot);
    updateSelection();
}

void JobsPanel::setStagesShown(bool shown)
{
    m_stagesShown = shown;
    m_submitRow->setVisible(!shown); // the hint under it says why Spark jobs are not submitted here
    m_log->setVisible(!shown);
    m_stages->setVisible(shown);
    m_showDag->setToolTip(shown ? tr("The selected job's stage DAG (or double-click the job)")
                                : tr("The selected job's graph of task groups, live while it runs (or double-click the job)"));
    updateSelection();
}

bool JobsPanel::selectJob(const QString &jobId)
{
    const int row = m_model->rowOf(jobId);
    if (row < 0)
        return false;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        if (m_proxy->index(r, 0).data(JobModel::JobIdRole).toString() == jobId) {
            m_view->selectRow(r);
            return true;
        }
    return false;
}

void JobsPanel::clear()
{
    // Another cluster: its own arguments, not the last cluster's.
    m_args->clear();
    m_stages->clear();
    m_model->clear();
    m_log->clear();
    m_logTitle->clear();
    m_cancel->setEnabled(false);
    m_showDag->setEnabled(false);
}

QString JobsPanel::selectedJobId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(JobModel::JobIdRole).toString();
}

void JobsPanel::updateSelection()
{
    const QString id = selectedJobId();
    const int row = m_model->rowOf(id);
    Q_EMIT jobSelected(row >= 0 ? m_model->at(row) : Job());
    m_stages->setJob(row < 0 ? QString() : id);
    if (row >= 0 && m_stagesShown) {
        const Job &j = m_model->at(row);
        m_showDag->setEnabled(true);
        m_cancel->setEnabled(m_cancelSupported && !isFinished(j.state) && j.state != JobState::CancelPending);
        m_logTitle->setText(tr("<b>%1</b> (%2) · %3").arg(j.name.toHtmlEscaped(), toString(j.state), j.logTail.toHtmlEscaped()));
        return;
    }
    if (row < 0) {
        m_logTitle->setText(m_stagesShown ? tr("Select a job to see its stages.") : tr("Log tail"));
        m_log->clear();
        m_log->setPlaceholderText(tr("Select a job to see the last lines of its output."));
        m_cancel->setEnabled(false);
        m_showDag->setEnabled(false);
        return;
    }
    m_showDag->setEnabled(true);
    const Job &j = m_model->at(row);
    m_logTitle->setText(tr("Log tail of <b>%1</b> (%2)%3")
                            .arg(j.name.toHtmlEscaped(), toString(j.state),
                                 j.stateReason.isEmpty() ? QString() : u": "_s + j.stateReason.toHtmlEscaped()));
    m_log->setPlaceholderText(isFinished(j.state) ? tr("The job wrote no output.")
                                                  : tr("No output yet: the log tail appears here as the job writes it."));
    if (m_log->toPlainText() != j.logTail) {
        QScrollBar *bar = m_log->verticalScrollBar();
        const bool atEnd = bar->value() == bar->maximum();
        m_log->setPlainText(j.logTail);
        if (atEnd) // follow the output unless the user scrolled up to read
            bar->setValue(bar->maximum());
    }
    m_cancel->setEnabled(m_cancelSupported && !isFinished(j.state) && j.state != JobState::CancelPending);
}

void JobsPanel::onSubmit()
{
    JobRequest request;
    request.sample = m_source->currentData().toString();
    if (request.sample.isEmpty()) {
        request.script = m_script->text().trimmed();
        if (request.script.isEmpty() || !request.script.startsWith(u'/')) {
            m_submitHint->setText(tr("Give the absolute path of a Python script on the runtime's machine."));
            m_submitHint->show();
            m_script->setFocus();
            return;
        }
    }
    request.args = QProcess::splitCommand(m_args->text());
    m_submitHint->hide();
    Q_EMIT submitRequested(request);
}

} // namespace cdeck
