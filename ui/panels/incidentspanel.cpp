// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "incidentspanel.h"

#include "incidentwords.h"

#include "ui/cost/costexport.h"
#include "ui/auth/rolepermissions.h"
#include "ui/presentation.h"
#include "ui/widgets/incidenttimeline.h"
#include "ui/widgets/recordtable.h"
#include "ui/widgets/timechart.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace cdeck {

using namespace presentation;
using incidentwords::severityColor;
using incidentwords::typeTitle;

namespace {

enum Column { SeverityColumn, TypeColumn, SubjectColumn, SinceColumn, EndColumn, SummaryColumn, ColumnCount };

QString range(qint64 fromMs, qint64 toMs)
{
    if (fromMs <= 0 && toMs <= 0)
        return {};
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(toMs);
    return u"%1 – %2"_s.arg(formatTime(from), to.toLocalTime().toString(u"HH:mm:ss"_s));
}

} // namespace

QString IncidentsPanel::linkTitle(const QString &incidentId) const
{
    for (const triage::Incident &i : m_incidents)
        if (i.id == incidentId)
            return i.subject.isEmpty() ? typeTitle(i.type) : u"%1 %2"_s.arg(typeTitle(i.type), i.subject);
    return incidentId;
}

IncidentsPanel::IncidentsPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_timeline(new IncidentTimeline(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_details(new QTextBrowser(this))
    , m_chartGroup(new QComboBox(this))
    , m_chart(new TimeChart(tr("Evidence"), this))
    , m_chartNote(new QLabel(this))
    , m_evidenceChart(m_chart, m_chartGroup, m_chartNote)
    , m_runbook(new QTextBrowser(this))
    , m_scaleUp(new QPushButton(tr("Scale up…"), this))
    , m_cancelJob(new QPushButton(tr("Cancel job…"), this))
    , m_terminate(new QPushButton(tr("Terminate cluster…"), this))
    , m_resubmit(new QPushButton(tr("Resubmit larger…"), this))
{
    m_table->setHorizontalHeaderLabels({tr("Severity"), tr("Type"), tr("Subject"), tr("Since"), tr("Ended"), tr("Summary")});
    setUpRecordTable(m_table, tr("Incidents"));
    m_details->setOpenLinks(false);
    m_details->setObjectName(u"incidentEvidence"_s);
    m_details->setLineWrapMode(QTextEdit::WidgetWidth); // a long log line wraps instead of being cut
    m_table->setObjectName(u"incidentList"_s);
    m_table->setAccessibleName(tr("Incidents"));
    // Room for five incidents at least: two rows made the list a peephole.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + 5 * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth());
    m_details->setAccessibleName(tr("Incident evidence"));
    m_runbook->setAccessibleName(tr("Runbook"));
    m_runbook->setPlaceholderText(tr("Select an incident to see its runbook."));
    m_summary->setWordWrap(true);
    for (QPushButton *b : {m_scaleUp, m_cancelJob, m_terminate, m_resubmit})
        b->setEnabled(false);
    m_scaleUp->setToolTip(tr("Add a worker: more memory and cores for the cluster"));
    m_cancelJob->setToolTip(tr("Cancel the job this incident is about"));
    m_terminate->setToolTip(tr("Terminate the cluster: it stops costing money"));

    auto *detailsBox = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    auto *detailsTitle = new QLabel(tr("<b>Evidence</b>"), detailsBox);
    auto *chartHeader = new QHBoxLayout;
    chartHeader->addWidget(detailsTitle);
    addShowLogs(chartHeader);
    chartHeader->addStretch(1);
    chartHeader->addWidget(m_chartNote);
    chartHeader->addWidget(m_chartGroup);
    detailsLayout->addLayout(chartHeader);
    m_chart->setObjectName(u"evidenceChart"_s);
    m_chart->setMinimumHeight(190);
    m_chartGroup->setAccessibleName(tr("Evidence series shown"));
    m_chartGroup->hide();
    m_chartNote->setStyleSheet(u"color:%1"_s.arg(presentation::mutedText().name()));
    auto *evidenceSplit = new QSplitter(Qt::Vertical, detailsBox);
    evidenceSplit->addWidget(m_chart);
    evidenceSplit->addWidget(m_details);
    evidenceSplit->setStretchFactor(0, 3);
    evidenceSplit->setStretchFactor(1, 2);
    detailsLayout->addWidget(evidenceSplit, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(new QLabel(tr("Actions:"), detailsBox));
    actions->addWidget(m_scaleUp);
    actions->addWidget(m_cancelJob);
    actions->addWidget(m_terminate);
    actions->addWidget(m_resubmit);
    actions->addStretch(1);
    detailsLayout->addLayout(actions);
    auto *runbookBox = new QWidget(this);
    auto *runbookLayout = new QVBoxLayout(runbookBox);
    runbookLayout->setContentsMargins(0, 0, 0, 0);
    runbookLayout->addWidget(new QLabel(tr("<b>Runbook</b>"), runbookBox));
    runbookLayout->addWidget(m_runbook, 1);

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(detailsBox);
    lower->addWidget(runbookBox);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(m_timeline);
    vertical->addWidget(m_table);
    vertical->addWidget(lower);
    vertical->setStretchFactor(0, 0);
    vertical->setStretchFactor(1, 2);
    vertical->setStretchFactor(2, 3);
    vertical->setCollapsible(0, true);
    vertical->setCollapsible(1, false);
    vertical->setSizes({m_timeline->sizeHint().height(), m_table->minimumHeight() + 40, 400});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(vertical, 1);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_selecting)
            m_userPicked = true; // a click or a key: keep this one across refreshes
        showSelected();
    });
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == "incident"_L1)
            selectIncident(url.path());
    });
    connect(m_chartGroup, &QComboBox::activated, this, &IncidentsPanel::showEvidenceGroup);
    connect(m_timeline, &IncidentTimeline::incidentActivated, this, [this](const QString &id) { selectIncident(id); });
    connect(m_scaleUp, &QPushButton::clicked, this, [this] { confirmAndRun(u"scale"_s); });
    connect(m_cancelJob, &QPushButton::clicked, this, [this] { confirmAndRun(u"cancel-job"_s); });
    connect(m_terminate, &QPushButton::clicked, this, [this] { confirmAndRun(u"terminate"_s); });
    connect(m_resubmit, &QPushButton::clicked, this, [this] { confirmAndRun(u"resubmit-larger"_s); });
    clear();
}

void IncidentsPanel::clear()
{
    m_incidents.clear();
    m_hasData = false;
    m_userPicked = false;
    m_planner.clear();
    m_causes.clear();
    m_detailsFor.clear();
    m_detailsHtml.clear();
    m_table->setRowCount(0);
    m_details->clear();
    m_runbook->clear();
    m_runbookShown.clear();
    m_timeline->clear();
    m_evidenceChart.clear();
    m_plansAsked.clear();
    m_summary->setText(tr("Waiting for the runtime's incidents…"));
    showSelected();
}

void IncidentsPanel::setCluster(const ClusterInfo &cluster)
{
    m_planner.setCluster(cluster);
    showSelected(); // the actions depend on the cluster's state
}

void IncidentsPanel::setExecutors(const QList<Executor> &executors)
{
    m_planner.setLiveWorkers(
        int(std::count_if(executors.cbegin(), executors.cend(), [](const Executor &e) { return !isGone(e.status); })));
    showSelected();
}

void IncidentsPanel::setCostRates(double nowPerHour, double workerPerHour, const QString &currency)
{
    m_planner.setCostRates(nowPerHour, workerPerHour, currency);
    showSelected();
}

QString IncidentsPanel::clockAndAge(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return {};
    return u"%1 (%2)"_s.arg(formatTime(at), formatAge(at, now));
}

int IncidentsPanel::openCount() const
{
    return int(std::count_if(m_incidents.cbegin(), m_incidents.cend(), [](const triage::Incident &i) { return i.isOpen(); }));
}

const triage::Incident *IncidentsPanel::selected() const
{
    const QString id = selectedIncidentId();
    for (const triage::Incident &i : m_incidents)
        if (i.id == id)
            return &i;
    return nullptr;
}

QString IncidentsPanel::selectedIncidentId() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : m_table->item(items.first()->row(), SeverityColumn)->data(Qt::UserRole).toString();
}

bool IncidentsPanel::selectIncident(const QString &incidentId)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, SeverityColumn)->data(Qt::UserRole).toString() == incidentId) {
            m_table->selectRow(row);
            m_userPicked = !m_selecting;
            return true;
        }
    return false;
}

void IncidentsPanel::setIncidents(const triage::IncidentList &incidents)
{
    const QString keep = selectedIncidentId();
    m_incidents = incidents;
    triage::sortForTriage(m_incidents);
    m_causes.clear();
    for (const triage::CommonCause &c : triage::commonCauses(m_incidents))
        m_causes.insert(c.incidentId, c);
    m_hasData = true;
    QSignalBlocker blocker(m_table); // rows are rewritten in place: one showSelected() at the end, not one per cell
    m_table->setRowCount(int(m_incidents.size()));
    const QDateTime now = QDateTime::currentDateTime();
    for (int row = 0; row < m_incidents.size(); ++row) {
        const triage::Incident &i = m_incidents[row];
        const QColor color = i.isOpen() ? severityColor(i.severity) : presentation::tone(presentation::Tone::Neutral);
        const auto cause = m_causes.constFind(i.id);
        const QString linked = cause == m_causes.cend() ? QString() : u"  ↳ "_s + tr("with %1").arg(linkTitle(cause->causeId));
        const QStringList cells{triage::toString(i.severity), typeTitle(i.type) + linked, i.subject,
                                clockAndAge(i.start, now), i.isOpen() ? tr("open") : clockAndAge(i.end, now), i.summary};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(row, column, item);
            }
            item->setText(cells[column]);
            item->setToolTip(column == SummaryColumn ? i.summary : QString());
            item->setForeground(column == SeverityColumn || column == TypeColumn ? color : QColor());
            QFont font = item->font();
            font.setBold(column == SeverityColumn && i.isOpen());
            item->setFont(font);
        }
        m_table->item(row, SeverityColumn)->setData(Qt::UserRole, i.id);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int open = openCount();
    m_summary->setText(m_incidents.isEmpty() ? tr("No incidents on this cluster: nothing has gone wrong that ClusterDeck can see.")
                       : open == 0         ? tr("%n incident(s), all over.", nullptr, int(m_incidents.size()))
                                           : tr("<b>%n open incident(s)</b>, worst first.", nullptr, open));
    // The user's own pick stays; otherwise the worst open incident (the list's first row: open ones first,
    // worst first), also when a worse one arrives after an automatic pick.
    {
        const QScopedValueRollback selecting(m_selecting, true);
        const bool kept = m_userPicked && !keep.isEmpty() && selectIncident(keep);
        if (!kept) {
            m_userPicked = false;
            if (!m_incidents.isEmpty())
                m_table->selectRow(0);
        }
    }
    blocker.unblock();
    showSelected();
}

void IncidentsPanel::setTimeline(const triage::Timeline &timeline, const QDateTime &now)
{
    m_timeline->setTimeline(timeline, now);
}

void IncidentsPanel::setRunbook(const QString &runbookId, const QString &title, const QString &markdown)
{
    m_runbooks.insert(runbookId, {title, markdown});
    if (const triage::Incident *i = selected(); i && i->runbook == runbookId) {
        m_runbook->setMarkdown(markdown);
        m_runbookShown = runbookId;
    }
}

void IncidentsPanel::addShowLogs(QHBoxLayout *row)
{
    m_showLogs = new QPushButton(tr("Show logs at this time"), this);
    m_showLogs->setObjectName(u"showLogsButton"_s);
    m_showLogs->setEnabled(false);
    row->addWidget(m_showLogs);
    connect(m_showLogs, &QPushButton::clicked, this, &IncidentsPanel::showLogsOfSelected);
    auto *fromList = new QAction(tr("Show logs at this time"), m_table);
    fromList->setObjectName(u"showLogsAction"_s);
    m_table->addAction(fromList);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(fromList, &QAction::triggered, this, &IncidentsPanel::showLogsOfSelected);
    connect(m_timeline, &IncidentTimeline::logsWanted, this, [this](const triage::LogTarget &target) {
        if (m_logsAvailable)
            Q_EMIT logsWanted(target);
    });
}

void IncidentsPanel::setLogsAvailable(bool available, const QString &whyNot)
{
    m_logsAvailable = available;
    m_showLogs->setToolTip(available ? tr("Open the Logs tab on the log of what this incident is about, at its start")
                                     : whyNot);
    m_timeline->setLogsAvailable(available);
    updateShowLogs();
}

void IncidentsPanel::updateShowLogs()
{
    if (!m_showLogs)
        return; // during construction
    const bool can = m_logsAvailable && selected();
    m_showLogs->setEnabled(can);
    for (QAction *a : m_table->actions())
        a->setEnabled(can);
}

void IncidentsPanel::showLogsOfSelected()
{
    if (const triage::Incident *i = selected(); i && m_logsAvailable)
        Q_EMIT logsWanted(triage::logTargetFor(*i));
}

void IncidentsPanel::showSelected()
{
    updateShowLogs();
    const triage::Incident *i = selected();
    if (!i) {
        setDetailsHtml({}, m_incidents.isEmpty() ? QString() : tr("<p>Select an incident.</p>"));
        m_runbook->clear();
        m_runbookShown.clear();
    } else {
        QString html = u"<p><b style='color:%1'>%2</b> &nbsp; <b>%3</b>%4</p><p>%5</p><p>%6</p>"_s.arg(
            severityColor(i->severity).name(), triage::toString(i->severity), typeTitle(i->type).toHtmlEscaped(),
            i->subject.isEmpty() ? QString() : u" &nbsp; "_s + i->subject.toHtmlEscaped(), i->summary.toHtmlEscaped(),
            i->isOpen() ? tr("Open since %1.").arg(formatTime(i->start))
                        : tr("From %1 to %2 (%3).")
                              .arg(formatTime(i->start), formatTime(i->end),
                                   formatDuration(double(i->start.msecsTo(i->end)) / 1000)));
        // Read together with what shares its cause: the executor loss it followed, or what followed the loss.
        if (const auto cause = m_causes.constFind(i->id); cause != m_causes.cend())
            html += u"<p>%1</p>"_s.arg(tr("Probably the same cause as <a href='incident:%1'>%2</a>: %3.")
                                           .arg(cause->causeId, linkTitle(cause->causeId).toHtmlEscaped(),
                                                cause->reason.toHtmlEscaped()));
        QStringList effects;
        for (const triage::CommonCause &c : std::as_const(m_causes))
            if (c.causeId == i->id)
                effects.append(u"<a href='incident:%1'>%2</a> (%3)"_s.arg(c.incidentId, linkTitle(c.incidentId).toHtmlEscaped(),
                                                                          c.reason.toHtmlEscaped()));
        if (!effects.isEmpty())
            html += u"<p>%1</p>"_s.arg(tr("Linked incidents with the same cause: %1.").arg(effects.join(u"; "_s)));
        for (const triage::Evidence &e : i->evidence) {
            html += u"<p><b>%1</b>"_s.arg(e.title.toHtmlEscaped());
            if (e.kind == triage::Evidence::Series)
                html += u"<br/><span style='color:#555'>%1</span>"_s.arg(
                    tr("series %1%2, %3").arg(e.series, e.executor.isEmpty() ? tr(" (cluster total)") : u" ("_s + e.executor + u")"_s,
                                              range(e.fromMs, e.toMs))
                        .toHtmlEscaped());
            else if (!e.source.isEmpty() || e.fromMs > 0)
                html += u"<br/><span style='color:#555'>%1</span>"_s.arg(
                    QStringList{e.source, range(e.fromMs, e.toMs)}.join(u"  "_s).trimmed().toHtmlEscaped());
            html += u"</p>"_s;
            if (!e.lines.isEmpty()) {
                QStringList escaped;
                for (const QString &line : e.lines)
                    escaped.append(line.toHtmlEscaped());
                // pre-wrap: a long log line wraps at the pane's edge instead of being cut off.
                html += u"<pre style='background:%1; white-space: pre-wrap'>%2</pre>"_s.arg(
                    presentation::tone(presentation::Tone::CodeSurface).name(), escaped.join(u'\n'));
            }
        }
        setDetailsHtml(i->id, html);
        if (const auto query = m_evidenceChart.show(i))
            Q_EMIT evidenceWanted(i->id, *query);
        if (const QString job = jobOf(*i); i->type == triage::IncidentType::ExecutorOom && !job.isEmpty()
            && !m_plansAsked.contains(i->id)) {
            m_plansAsked.insert(i->id);
            Q_EMIT planWanted(i->id, QJsonObject{{u"action"_s, u"resubmit-larger"_s}, {u"jobId"_s, job}, {u"incidentId"_s, i->id}});
        }
        const auto runbook = m_runbooks.constFind(i->runbook);
        if (runbook != m_runbooks.cend()) {
            if (m_runbookShown != i->runbook) {
                m_runbook->setMarkdown(runbook->second);
                m_runbookShown = i->runbook;
            }
        } else {
            m_runbook->setPlainText(tr("Loading the runbook “%1”…").arg(i->runbook));
            m_runbookShown.clear();
            Q_EMIT runbookWanted(i->runbook);
        }
    }
    if (!i)
        m_evidenceChart.show(nullptr);
    updateActionButtons();
}

void IncidentsPanel::setActionsRefused(const QString &whyNot)
{
    if (whyNot == m_actionsRefused)
        return;
    m_actionsRefused = whyNot;
    updateActionButtons();
}

void IncidentsPanel::updateActionButtons()
{
    const std::pair<QPushButton *, QString> buttons[] = {
        {m_scaleUp, u"scale"_s}, {m_cancelJob, u"cancel-job"_s}, {m_terminate, u"terminate"_s},
        {m_resubmit, u"resubmit-larger"_s}};
    for (const auto &[button, kind] : buttons) {
        const ActionPlan p = plan(kind);
        button->setEnabled(p.possible);
        button->setToolTip(p.possible ? p.change : p.whyNot);
        RolePermissions::explain(button, m_actionsRefused); // the signed-in role may not: said over the plan
    }
}

void IncidentsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (!presentation::isPaletteChange(event))
        return;
    // The table's severity colours and the details pane's take the new palette's column.
    for (int row = 0; row < m_table->rowCount(); ++row)
        for (int column : {int(SeverityColumn), int(TypeColumn)})
            if (QTableWidgetItem *item = m_table->item(row, column))
                item->setForeground(presentation::followPalette(item->foreground().color(), palette()));
    restyleDetails();
    presentation::restyle(m_chartNote, u"color:%1"_s.arg(presentation::mutedText(palette()).name()));
}

void IncidentsPanel::restyleDetails()
{
    if (!m_detailsHtml.isEmpty())
        m_details->setHtml(presentation::themedHtml(m_detailsHtml, palette()));
}

void IncidentsPanel::setDetailsHtml(const QString &incidentId, const QString &html)
{
    // Every refresh (each 2-3 s) used to rewrite the pane and jump it to the top: rewrite only on a change,
    // and then keep what the user was reading where it was (unless another incident is shown).
    if (incidentId == m_detailsFor && html == m_detailsHtml)
        return;
    const bool sameIncident = incidentId == m_detailsFor;
    const int v = m_details->verticalScrollBar()->value(), h = m_details->horizontalScrollBar()->value();
    m_details->setHtml(presentation::themedHtml(html, palette()));
    m_detailsFor = incidentId;
    m_detailsHtml = html;
    if (sameIncident) {
        m_details->verticalScrollBar()->setValue(v);
        m_details->horizontalScrollBar()->setValue(h);
    }
}

std::optional<MetricsQuery> IncidentsPanel::evidenceQuery(const triage::Incident &incident, const QDateTime &now)
{
    return IncidentEvidenceChart::query(incident, now);
}

QString IncidentsPanel::jobOf(const triage::Incident &incident)
{
    return triage::jobOf(incident);
}

void IncidentsPanel::setResubmitPlan(const QString &incidentId, const QJsonObject &plan, const QString &error)
{
    m_planner.setResubmitPlan(incidentId, plan, error);
    if (selectedIncidentId() == incidentId)
        showSelected();
}

void IncidentsPanel::setEvidence(const QString &incidentId, const QList<MetricSeriesData> &series, const QString &error)
{
    m_evidenceChart.setEvidence(incidentId, series, error);
}

QStringList IncidentsPanel::evidenceGroups() const
{
    return m_evidenceChart.groups();
}

void IncidentsPanel::showEvidenceGroup(int index)
{
    m_evidenceChart.showGroup(index);
}

IncidentsPanel::ActionPlan IncidentsPanel::plan(const QString &kind) const
{
    return m_planner.plan(kind, selected());
}

void IncidentsPanel::confirmAndRun(const QString &kind)
{
    const ActionPlan p = plan(kind);
    if (!p.possible)
        return;
    QMessageBox box(QMessageBox::Warning, p.title,
                    tr("%1\n\nThis will be written to the cluster's audit log under the credential this console "
                       "signed in with.")
                        .arg(p.change),
                    QMessageBox::Cancel, this);
    QPushButton *go = box.addButton(p.title, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != go)
        return;
    // No "actor": the runtime records the user the token belongs to, never a name the request brings.
    Q_EMIT actionConfirmed(p.body);
}

} // namespace cdeck
