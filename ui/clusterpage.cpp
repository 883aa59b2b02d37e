// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clusterpage.h"

#include "auth/rolepermissions.h"
#include "backend/connection.h"
#include "backend/focusedcluster.h"
#include "models/clusterlistmodel.h"
#include "models/executormodel.h"
#include "models/telemetrywindow.h"
#include "logs/logspanel.h"
#include "panels/costpanel.h"
#include "panels/dagpanel.h"
#include "panels/eventlist.h"
#include "panels/executormemorypanel.h"
#include "panels/executorspanel.h"
#include "panels/incidentspanel.h"
#include "panels/jobspanel.h"
#include "panels/overviewpanel.h"
#include "panels/shuffleiopanel.h"
#include "panels/eventlogextraspages.h"
#include "panels/sparkstagepage.h"
#include "panels/sparkstagesview.h"
#include "panels/timelinepanel.h"
#include "presentation.h"
#include "ui/cost/costexport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
ExecutorModel::Flavor flavorOf(const FeedCapabilities &can)
{
    switch (can.executors) {
    case ExecutorKind::SparkExecutors:
        return ExecutorModel::Flavor::Spark;
    case ExecutorKind::YarnNodes:
        return ExecutorModel::Flavor::Yarn;
    case ExecutorKind::DaskWorkers:
        break;
    }
    return ExecutorModel::Flavor::Dask;
}
} // namespace

ClusterPage::ClusterPage(FocusedCluster *focus, QWidget *parent)
    : QWidget(parent)
    , m_focus(focus)
    , m_title(new QLabel(this))
    , m_badge(new QLabel(this))
    , m_stateLine(new QLabel(this))
    , m_protectionNote(new QLabel(this))
    , m_meter(new QLabel(this))
    , m_scale(new QPushButton(tr("Scale…"), this))
    , m_terminate(new QPushButton(tr("Terminate…"), this))
    , m_protection(new QPushButton(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(new OverviewPanel(this))
    , m_executors(new ExecutorsPanel(this))
    , m_jobs(new JobsPanel(this))
    , m_telemetry(new TelemetryWindow(this))
    , m_memory(new ExecutorMemoryPanel(m_telemetry, this))
    , m_shuffle(new ShuffleIoPanel(m_telemetry, this))
    , m_incidents(new IncidentsPanel(this))
    , m_dagPanel(new DagPanel(this))
    , m_timeline(new TimelinePanel(this))
    , m_cost(new CostPanel(this))
    , m_logs(new LogsPanel(this))
{
    setObjectName(u"clusterPage"_s);
    m_title->setObjectName(u"clusterTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_badge->setObjectName(u"clusterBadge"_s);
    m_stateLine->setObjectName(u"clusterStateLine"_s);
    m_stateLine->setWordWrap(true);
    m_protectionNote->setObjectName(u"protectionNote"_s);
    applyColours();
    m_protectionNote->setWordWrap(true);
    m_scale->setObjectName(u"scaleClusterButton"_s);
    m_terminate->setObjectName(u"terminateClusterButton"_s);
    m_protection->setObjectName(u"protectionButton"_s);
    m_meter->setObjectName(u"clusterMeter"_s);
    m_meter->setToolTip(tr("What the cluster costs per hour now, and so far (per-second billing, one-minute minimum)"));

    m_tabs->setObjectName(u"clusterTabs"_s);
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_executors, tr("Executors"));
    m_tabs->addTab(m_jobs, tr("Jobs"));
    m_tabs->addTab(m_memory, tr("Memory"));
    m_tabs->addTab(m_shuffle, tr("Shuffle I/O"));
    m_tabs->addTab(m_incidents, tr("Incidents"));
    m_tabs->addTab(m_dagPanel, tr("DAG"));
    m_tabs->addTab(m_timeline, tr("Timeline"));
    m_tabs->addTab(m_cost, tr("Cost"));
    m_tabs->addTab(m_logs, tr("Logs"));

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_badge);
    titleRow->addStretch();
    titleRow->addWidget(m_meter);
    // An event log's SQL tab and environment, in windows of their own (read again from the log when opened).
    auto *sql = new QPushButton(tr("SQL queries…"), this);
    sql->setObjectName(u"sqlQueriesButton"_s);
    auto *environment = new QPushButton(tr("Environment…"), this);
    environment->setObjectName(u"environmentButton"_s);
    m_logButtons = {sql, environment};
    titleRow->addWidget(sql);
    titleRow->addWidget(environment);
    connect(sql, &QPushButton::clicked, this, [this] { openSqlPage(); });
    connect(environment, &QPushButton::clicked, this, [this] { openEnvironmentPage(); });
    titleRow->addWidget(m_protection);
    titleRow->addWidget(m_scale);
    titleRow->addWidget(m_terminate);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(titleRow);
    layout->addWidget(m_stateLine);
    layout->addWidget(m_protectionNote);
    layout->addWidget(m_tabs, 1);
    wire();
}

void ClusterPage::wire()
{
    connect(m_scale, &QPushButton::clicked, this, &ClusterPage::scaleRequested);
    connect(m_terminate, &QPushButton::clicked, this, &ClusterPage::terminateRequested);
    connect(m_protection, &QPushButton::clicked, this,
            [this] { m_focus->setProtection(!m_cluster.spec.terminationProtection); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateFocus();
        Q_EMIT tabChanged();
    });

    // The page's requests, for the focused cluster.
    connect(m_incidents, &IncidentsPanel::runbookWanted, m_focus, &FocusedCluster::fetchRunbook);
    connect(m_incidents, &IncidentsPanel::planWanted, m_focus, &FocusedCluster::planGuardedAction);
    connect(m_incidents, &IncidentsPanel::evidenceWanted, m_focus, &FocusedCluster::fetchEvidence);
    connect(m_incidents, &IncidentsPanel::actionConfirmed, m_focus, &FocusedCluster::runGuardedAction);
    connect(m_incidents, &IncidentsPanel::logsWanted, this, &ClusterPage::showLogsAt);
    connect(m_timeline, &TimelinePanel::logsWanted, this, &ClusterPage::showLogsAt);
    connect(m_jobs, &JobsPanel::submitRequested, m_focus, &FocusedCluster::submitJob);
    connect(m_jobs, &JobsPanel::cancelRequested, m_focus, &FocusedCluster::cancelJob);
    connect(m_jobs, &JobsPanel::dagRequested, this, &ClusterPage::showJobDag);
    // The charts' "This job" range follows the job selected in the Jobs tab.
    connect(m_jobs, &JobsPanel::jobSelected, this, [this](const Job &job) {
        m_memory->setFocusJob(job);
        m_shuffle->setFocusJob(job);
    });
    connect(m_jobs->stages(), &SparkStagesView::stageSelected, m_focus, &FocusedCluster::setStageFocus);
    connect(m_jobs->stages(), &SparkStagesView::stageOpened, this, &ClusterPage::openStagePage);
    connect(m_dagPanel, &DagPanel::nodeOpened, this, [this](const QString &nodeId) {
        // A Spark job's DAG names its nodes stage-N: open the newest attempt of stage N.
        static const QLatin1StringView prefix("stage-");
        bool ok = false;
        const int stageId = nodeId.startsWith(prefix) ? nodeId.mid(prefix.size()).toInt(&ok) : -1;
        if (!ok)
            return;
        int attempt = -1;
        for (const spark::SparkStageInfo &s : m_jobs->stages()->allStages())
            if (s.stageId == stageId)
                attempt = std::max(attempt, s.attemptId);
        if (attempt >= 0)
            openStagePage(stageId, attempt);
    });
    connect(m_dagPanel, &DagPanel::jobChosen, this, &ClusterPage::updateDagFocus);
    connect(m_telemetry, &TelemetryWindow::requestChanged, this, [this] {
        m_followedTicket = 0; // a new range or cluster: ask again
        updateMetricsFollow();
    });

    // The focused cluster's snapshots (FocusedCluster drops every other cluster's).
    connect(m_focus, &FocusedCluster::clusterReady, this, [this](const ClusterInfo &c) {
        m_haveDetail = true;
        applyCluster(c);
    });
    connect(m_focus, &FocusedCluster::eventsReady, this, [this](const ClusterEventList &events) {
        m_haveEvents = true;
        m_overview->setEvents(events);
        // Scaling actions, spot interruptions and fallbacks as markers on the memory and shuffle charts.
        const QList<ChartMarker> markers = EventList::markersFor(events);
        m_memory->setMarkers(markers);
        m_shuffle->setMarkers(markers);
    });
    connect(m_focus, &FocusedCluster::executorsReady, this, [this](const ExecutorList &list) {
        m_haveExecutors = true;
        m_executors->setExecutors(list);
        m_incidents->setExecutors(list); // the scale plan counts the workers not gone
    });
    connect(m_focus, &FocusedCluster::clusterCostReady, this,
            [this](const QJsonObject &report) { m_cost->setReport(m_focus->clusterId(), report); });
    connect(m_focus, &FocusedCluster::jobsReady, this, [this](const JobList &list) {
        m_haveJobs = true;
        m_jobs->setJobs(list);
        m_overview->setJobs(list);
        m_jobStates.clear();
        for (const Job &j : list)
            m_jobStates.insert(j.id, j.state);
        m_dagPanel->setJobs(list);
        m_timeline->setJobs(list);
        updateDagFocus();
    });
    connect(m_focus, &FocusedCluster::incidentsReady, this, [this](const triage::IncidentList &list) {
        m_incidents->setIncidents(list);
        updateIncidentsTab();
    });
    connect(m_focus, &FocusedCluster::actionPlanReady, m_incidents, &IncidentsPanel::setResubmitPlan);
    connect(m_focus, &FocusedCluster::evidenceReady, m_incidents, &IncidentsPanel::setEvidence);
    connect(m_focus, &FocusedCluster::timelineReady, this, [this](const triage::Timeline &timeline) {
        m_incidents->setTimeline(timeline, QDateTime::currentDateTimeUtc());
    });
    connect(m_focus, &FocusedCluster::runbookReady, m_incidents, &IncidentsPanel::setRunbook);
    connect(m_focus, &FocusedCluster::metricsHistoryReady, m_telemetry, &TelemetryWindow::applyHistory);
    connect(m_focus, &FocusedCluster::metricsBatchReady, m_telemetry, &TelemetryWindow::applyBatch);
    connect(m_focus, &FocusedCluster::metricsLinkChanged, m_telemetry, &TelemetryWindow::setLink);
    connect(m_focus, &FocusedCluster::dagReady, this, [this](const QString &jobId, const dag::Dag &graph) {
        if (isFinished(m_jobStates.value(jobId, JobState::Running)))
            m_finalDags.insert(jobId);
        m_dagPanel->setDag(jobId, graph);
        m_timeline->setDag(jobId, graph);
        updateDagFocus();
    });
    connect(m_focus, &FocusedCluster::dagFailed, m_dagPanel, &DagPanel::setDagError);
    connect(m_focus, &FocusedCluster::stagesReady, m_jobs->stages(), &SparkStagesView::setStages);
    connect(m_focus, &FocusedCluster::taskSummaryReady, m_jobs->stages(), &SparkStagesView::setTaskSummary);
}

Connection *ClusterPage::connection() const
{
    return m_focus->connection();
}

SparkStagePage *ClusterPage::openStagePage(int stageId, int attemptId)
{
    Connection *c = connection();
    if (!c || c->kind() != ConnectionKind::EventLog || stageId < 0)
        return nullptr;
    QPointer<SparkStagePage> &page = m_stagePages[{stageId, attemptId}];
    if (!page) {
        page = new SparkStagePage(this);
        page->setWindowFlag(Qt::Window);
        page->setAttribute(Qt::WA_DeleteOnClose);
        page->resize(1200, 800);
        page->open(c->url().toLocalFile(), stageId, attemptId);
    }
    page->show();
    page->raise();
    page->activateWindow();
    return page;
}

template <typename Page> Page *ClusterPage::openLogWindow(QPointer<QWidget> &slot)
{
    Connection *c = connection();
    if (!c || c->kind() != ConnectionKind::EventLog)
        return nullptr;
    auto *page = qobject_cast<Page *>(slot.data());
    if (!page) {
        page = new Page(this);
        page->setWindowFlag(Qt::Window);
        page->setAttribute(Qt::WA_DeleteOnClose);
        page->resize(1200, 800);
        page->setWindowTitle(page->windowTitle() + u" · "_s + m_cluster.name());
        page->open(c->url().toLocalFile());
        slot = page;
    }
    page->show();
    page->raise();
    page->activateWindow();
    return page;
}

SqlPage *ClusterPage::openSqlPage()
{
    return openLogWindow<SqlPage>(m_sqlPage);
}

EnvironmentPage *ClusterPage::openEnvironmentPage()
{
    return openLogWindow<EnvironmentPage>(m_environmentPage);
}

void ClusterPage::closeStagePages()
{
    for (QWidget *w : {m_sqlPage.data(), m_environmentPage.data()})
        if (w)
            w->close();
    for (const QPointer<SparkStagePage> &page : std::as_const(m_stagePages))
        if (page)
            page->close();
    m_stagePages.clear();
}

void ClusterPage::showCluster(const std::optional<ClusterInfo> &listed, const std::optional<QList<SampleInfo>> &samples)
{
    Connection *c = connection();
    closeStagePages();
    m_haveDetail = m_haveExecutors = m_haveJobs = m_haveEvents = false;
    // The previous cluster's events must not stand for this one's until its own list comes.
    m_overview->setEvents({});
    m_memory->setMarkers({});
    m_shuffle->setMarkers({});
    m_cluster = {};
    if (m_followedTicket != 0) { // the previous cluster's stream is not shown any more
        m_followedTicket = 0;
        m_focus->followMetrics({});
    }
    m_telemetryWanted = telemetryTabShown();
    m_telemetry->setCluster(m_focus->clusterId());
    const FeedCapabilities can = c ? c->capabilities() : FeedCapabilities{};
    m_executors->setFlavor(int(flavorOf(can)));
    m_overview->setConnectionEngine(can.kind == ConnectionKind::Runtime ? QString() : can.engineName);
    for (QWidget *chartTab : {static_cast<QWidget *>(m_memory), static_cast<QWidget *>(m_shuffle)}) {
        const int index = m_tabs->indexOf(chartTab);
        const bool enabled = chartTab == m_memory ? can.memoryCharts : can.shuffleCharts;
        m_tabs->setTabEnabled(index, enabled);
        m_tabs->setTabToolTip(index, enabled ? QString() : can.whyNoCharts);
    }
    // Logs are read from a ClusterDeck runtime (its clusters' scheduler, executor and job logs).
    const bool hasLogs = c && c->managesClusters();
    m_tabs->setTabEnabled(m_tabs->indexOf(m_logs), hasLogs);
    m_tabs->setTabToolTip(m_tabs->indexOf(m_logs), hasLogs ? QString() : tr("Logs are read from a ClusterDeck runtime's clusters"));
    m_logs->setRuntime(hasLogs ? c->url() : QUrl(), hasLogs ? c->tokenFile() : QString());
    m_logs->setCluster(hasLogs ? m_focus->clusterId() : QString());
    m_incidents->setLogsAvailable(hasLogs, tr("Logs are read from a ClusterDeck runtime's clusters"));
    m_timeline->setLogsAvailable(hasLogs);
    m_shuffle->setSparkWording(can.sparkShuffleWording);
    m_jobs->setStagesShown(can.sparkStages);
    m_jobs->setCancelSupported(can.cancelsJobs, can.whyNoCancel);
    m_whyNotCancel.clear();
    m_executors->clear();
    m_jobs->clear();
    m_dagPanel->clear();
    m_timeline->clear();
    m_jobStates.clear();
    m_finalDags.clear();
    m_overview->clear();
    m_haveSamples = samples.has_value();
    m_allSamples = samples.value_or(QList<SampleInfo>{});
    m_samplesEngine.reset();
    offerSamples();
    if (listed)
        applyCluster(*listed);
    updateFocus();
}

void ClusterPage::clear()
{
    m_cluster = {};
    closeStagePages();
    m_overview->clear();
    m_executors->clear();
    m_jobs->clear();
    m_incidents->clear();
    updateIncidentsTab();
    m_telemetryWanted = false;
    m_telemetry->setCluster({});
    m_dagPanel->clear();
    m_timeline->clear();
    m_cost->clear();
    m_meter->clear();
}

void ClusterPage::setInstanceTypes(const QList<InstanceType> &types)
{
    m_types = types;
}

void ClusterPage::setSamples(const QList<SampleInfo> &samples)
{
    m_haveSamples = true;
    m_allSamples = samples;
    m_samplesEngine.reset();
    offerSamples();
}

void ClusterPage::offerSamples()
{
    // The same names exist for every engine: a Spark cluster runs the PySpark ones, a Dask cluster Dask's.
    const EngineKind engine = m_cluster.spec.engine;
    if (m_samplesEngine == engine)
        return;
    m_samplesEngine = engine;
    QList<SampleInfo> offered;
    for (const SampleInfo &s : std::as_const(m_allSamples))
        if (s.engine == engine)
            offered.append(s);
    m_jobs->setSamples(offered);
}

std::optional<InstanceType> ClusterPage::typeOf(const QString &name) const
{
    for (const InstanceType &t : m_types)
        if (t.name == name)
            return t;
    return std::nullopt;
}

void ClusterPage::applyListed(const ClusterInfo &listed)
{
    // The list has no history: keep the detail's, and never step back to an older state.
    if (listed.stateChangedAt >= m_cluster.stateChangedAt || listed.id != m_cluster.id) {
        ClusterInfo c = listed;
        c.history = m_cluster.id == c.id ? m_cluster.history : QList<StateChange>{};
        applyCluster(c);
    }
}

void ClusterPage::applyCluster(const ClusterInfo &cluster)
{
    const bool engineChanged = m_cluster.spec.engine != cluster.spec.engine;
    m_cluster = cluster;
    offerSamples();
    if (engineChanged)
        updateFocus(); // a Spark overview polls the jobs (their driver UIs)
    m_overview->setCluster(cluster, typeOf(cluster.spec.instanceType));
    m_incidents->setCluster(cluster);
    updateHeader();
    updateJobControls(); // also where the header returned early (a server ClusterDeck does not manage)
}

void ClusterPage::updateJobControls()
{
    const Connection *c = connection();
    const ClusterInfo &cluster = m_cluster;
    if (c && !c->capabilities().submitsJobs) {
        m_jobs->setClusterActive(false, c->capabilities().whyNoSubmit);
        return;
    }
    // The signed-in role: a viewer submits nothing, a scientist only on its own clusters.
    const QString whyNotSubmit = RolePermissions::whyNot(c, api::RouteId::JobSubmit, cluster.owner);
    const QString whyNotCancel = RolePermissions::whyNot(c, api::RouteId::JobCancel, cluster.owner);
    if (c && c->capabilities().cancelsJobs && whyNotCancel != m_whyNotCancel) {
        m_whyNotCancel = whyNotCancel;
        m_jobs->setCancelSupported(whyNotCancel.isEmpty(), whyNotCancel);
    }
    if (!whyNotSubmit.isEmpty()) {
        m_jobs->setClusterActive(false, whyNotSubmit);
        return;
    }
    const bool active = isActive(cluster.state);
    m_jobs->setClusterActive(active, active ? QString()
                                            : tr("Jobs can be submitted once the cluster is RUNNING or WAITING "
                                                 "(it is %1).")
                                                  .arg(presentation::stateText(cluster.state)));
}

void ClusterPage::refresh()
{
    const Connection *c = connection();
    if (!c || !m_focus->isSet())
        return;
    if (const auto meter = c->clusters()->meter(m_focus->clusterId())) {
        m_meter->setText(tr("%1 now · %2 so far")
                             .arg(costview::formatRate(meter->ratePerHour, meter->currency),
                                  costview::formatMoney(meter->total, meter->currency)));
        m_incidents->setCostRates(meter->ratePerHour, meter->workerRatePerHour, meter->currency);
    }
    const bool stale = c->state() != ConnectionState::Connected && c->hasClusterList();
    m_executors->setStale(stale);
    m_jobs->setStale(stale);
    m_dagPanel->setStale(stale);
    m_timeline->setStale(stale);
    updateHeader();
}

void ClusterPage::applyColours()
{
    presentation::restyle(m_protectionNote,
                          u"color: %1;"_s.arg(presentation::tone(presentation::Tone::Warning, palette()).name()));
}

void ClusterPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (presentation::isPaletteChange(event)) {
        applyColours();
        updateHeader();
    }
}

void ClusterPage::updateHeader()
{
    const ClusterInfo &c = m_cluster;
    const Connection *connection = this->connection();
    const bool stale = connection && connection->state() != ConnectionState::Connected;
    m_title->setText(c.name());
    for (QPushButton *b : std::as_const(m_logButtons))
        b->setVisible(connection && connection->kind() == ConnectionKind::EventLog);
    m_badge->setText(presentation::stateText(c.state) + (stale ? tr(" (stale)") : QString()));
    // Stale: the state may have moved on, so the badge does not claim it in colour.
    const QColor badge = stale ? presentation::tone(presentation::Tone::Neutral) : presentation::stateColor(c.state);
    presentation::restyle(m_badge,
                          u"QLabel { background: %1; color: %2; font-weight: bold; border-radius: 9px;"
                          " padding: 2px 10px; }"_s.arg(badge.name(), presentation::textOn(badge).name()));
    m_stateLine->setText(tr("%1 · %2 of %3 executors running · %4 · since %5%6")
                             .arg(presentation::stateMeaning(c.state))
                             .arg(c.runningWorkers)
                             .arg(c.spec.workers)
                             .arg(c.spec.instanceType, presentation::formatAge(c.stateChangedAt, QDateTime::currentDateTimeUtc()),
                                  c.stateReason.isEmpty() ? QString() : tr(" · reason: %1").arg(c.stateReason)));
    if (connection && !connection->capabilities().managesClusters) {
        // Watched, not run by ClusterDeck: the buttons stay, disabled, so the user learns why they do nothing.
        const QString why = connection->capabilities().whyNotManaged;
        m_stateLine->setText(tr("%1 · executors running: %2 · since %3%4")
                                 .arg(connection->capabilities().clusterDescription.arg(c.id))
                                 .arg(c.runningWorkers)
                                 .arg(presentation::formatAge(c.stateChangedAt, QDateTime::currentDateTimeUtc()),
                                      c.stateReason.isEmpty() ? QString() : tr(" · %1").arg(c.stateReason)));
        for (QPushButton *b : {m_scale, m_terminate}) {
            b->setVisible(true);
            b->setEnabled(false);
            b->setToolTip(why);
        }
        m_protection->setVisible(false);
        m_protectionNote->setVisible(false);
        return;
    }
    m_terminate->setToolTip(QString());
    const bool live = !isTerminal(c.state) && c.state != ClusterState::Terminating;
    const bool protectedOn = c.spec.terminationProtection;
    m_scale->setEnabled(isActive(c.state) && !stale);
    m_scale->setToolTip(isActive(c.state) ? QString() : tr("Scaling needs a RUNNING or WAITING cluster."));
    // Terminate is not offered at all while protection is on: the note says why and the button next to it
    // turns protection off.
    m_terminate->setVisible(live && !protectedOn);
    m_terminate->setEnabled(!stale);
    m_protection->setVisible(live);
    m_protection->setEnabled(!stale);
    m_protection->setText(protectedOn ? tr("Turn protection off") : tr("Turn protection on"));
    m_protectionNote->setText(tr("Termination protection is on: the runtime refuses to terminate this cluster. "
                                 "Turn it off first to terminate."));
    m_protectionNote->setVisible(live && protectedOn);
    // What the signed-in role may not do on this cluster stays shown, disabled, saying why (the runtime would
    // refuse it with a 403).
    RolePermissions::explain(m_scale, RolePermissions::whyNot(connection, api::RouteId::ClusterScale, c.owner));
    RolePermissions::explain(m_terminate, RolePermissions::whyNot(connection, api::RouteId::ClusterTerminate, c.owner));
    RolePermissions::explain(m_protection,
                             RolePermissions::whyNot(connection, api::RouteId::ClusterProtection, c.owner));
    m_incidents->setActionsRefused(RolePermissions::whyNot(connection, api::RouteId::ClusterActions));
    updateJobControls();
}

void ClusterPage::updateIncidentsTab()
{
    const int open = m_incidents->openCount();
    m_tabs->setTabText(m_tabs->indexOf(m_incidents), open > 0 ? tr("Incidents (%1)").arg(open) : tr("Incidents"));
    Q_EMIT openIncidentsChanged(open);
}

void ClusterPage::setOnScreen(bool onScreen)
{
    m_onScreen = onScreen;
    updateFocus();
}

bool ClusterPage::costShown() const
{
    return m_onScreen && m_focus->isSet() && m_tabs->currentWidget() == m_cost;
}

bool ClusterPage::telemetryTabShown() const
{
    return m_onScreen && (m_tabs->currentWidget() == m_memory || m_tabs->currentWidget() == m_shuffle);
}

void ClusterPage::updateFocus()
{
    // The overview of a Spark cluster links its running applications' driver UIs: it needs the jobs too.
    const bool jobsNeeded = m_tabs->currentWidget() == m_jobs || m_tabs->currentWidget() == m_dagPanel
        || m_tabs->currentWidget() == m_timeline
        || (m_tabs->currentWidget() == m_overview && m_cluster.spec.engine == EngineKind::Spark);
    m_focus->setPagesShown(m_onScreen && m_focus->isSet(), m_tabs->currentWidget() == m_executors, jobsNeeded);
    updateMetricsFollow();
    updateDagFocus();
}

void ClusterPage::updateMetricsFollow()
{
    // Metrics are followed (history + one SSE stream) from the first time a metrics tab is opened for the
    // focused cluster until another cluster is focused, so switching tabs keeps the live window.
    m_telemetryWanted = m_telemetryWanted || telemetryTabShown();
    const bool want = m_focus->isSet() && m_telemetryWanted;
    if (want && m_followedTicket != m_telemetry->ticket()) {
        m_followedTicket = m_telemetry->ticket();
        m_focus->followMetrics(m_telemetry->request());
    } else if (!want && m_followedTicket != 0) {
        m_followedTicket = 0;
        m_focus->followMetrics({});
    }
}

void ClusterPage::updateDagFocus()
{
    // Only the DAGs on screen are polled, and a finished job's only until its final DAG has arrived.
    QStringList jobs;
    const bool shown = m_onScreen && m_focus->isSet();
    if (shown && m_tabs->currentWidget() == m_dagPanel) {
        const QString job = m_dagPanel->currentJob();
        if (!job.isEmpty() && (!m_finalDags.contains(job) || !m_dagPanel->hasLayout()))
            jobs.append(job);
    }
    if (shown && m_tabs->currentWidget() == m_timeline)
        for (const QString &job : m_timeline->jobsNeedingDags())
            if (!m_finalDags.contains(job) && !jobs.contains(job))
                jobs.append(job);
    m_focus->setDagFocus(jobs);
}

void ClusterPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab)); // Tab is in the tabs' order
    updateFocus();
}

void ClusterPage::showLogsAt(const triage::LogTarget &target)
{
    if (!m_tabs->isTabEnabled(int(Tab::Logs)))
        return;
    showTab(Tab::Logs);
    m_logs->showLogsAt(target);
}

void ClusterPage::showJobDag(const QString &jobId)
{
    m_dagPanel->setCurrentJob(jobId);
    m_tabs->setCurrentWidget(m_dagPanel); // updateFocus() follows from the tab change
    updateFocus();
}

bool ClusterPage::isReady(Tab tab) const
{
    const Connection *c = connection();
    if (!c)
        return false;
    switch (tab) {
    case Tab::Overview:
        // Spark and YARN serve no event list: only a ClusterDeck runtime's clusters wait for theirs.
        return m_haveDetail && (m_haveEvents || !c->capabilities().clusterEvents);
    case Tab::Executors:
        return m_haveDetail && m_haveExecutors;
    case Tab::Jobs:
        return m_haveDetail && m_haveJobs && m_haveSamples;
    case Tab::Memory:
    case Tab::Shuffle:
        return m_haveDetail && m_haveEvents && m_telemetry->hasData() && m_telemetry->link() != MetricsLink::Loading;
    case Tab::Dag:
        return m_haveDetail && m_haveJobs && m_dagPanel->hasLayout() && !m_dagPanel->isLayoutPending();
    case Tab::Timeline:
        return m_haveDetail && m_haveJobs && m_timeline->hasAllDags();
    case Tab::Incidents:
        // The list, and the selected incident's runbook once it has come.
        return m_haveDetail && m_incidents->hasData()
            && (m_incidents->selectedIncidentId().isEmpty() || !m_incidents->runbookShown().isEmpty());
    case Tab::Cost:
        return m_haveDetail && m_cost->hasReport();
    case Tab::Logs:
        return m_haveDetail && m_logs->hasLog();
    }
    return true;
}

} // namespace cdeck
