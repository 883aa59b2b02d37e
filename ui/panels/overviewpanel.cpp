// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "overviewpanel.h"

#include "ui/panels/eventlist.h"
#include "ui/presentation.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

OverviewPanel::OverviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_history(new QTreeWidget(this))
    , m_events(new EventList(this))
{
    setObjectName(u"overviewPanel"_s);
    m_state->setObjectName(u"overviewState"_s);
    m_reason->setObjectName(u"overviewReason"_s);
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *cluster = new QGroupBox(tr("Cluster"), this);
    auto *clusterForm = new QFormLayout(cluster);
    m_clusterForm = clusterForm;
    m_id = addRow(clusterForm, tr("Id"));
    m_engine = addRow(clusterForm, tr("Engine"));
    m_engine->setObjectName(u"overviewEngine"_s);
    m_scheduler = addRow(clusterForm, tr("Scheduler"));
    m_dashboard = addRow(clusterForm, tr("Metrics"));
    m_dashboard->setObjectName(u"overviewDashboard"_s);
    m_drivers = addRow(clusterForm, tr("Driver UI"));
    m_drivers->setObjectName(u"overviewDrivers"_s);
    for (QLabel *link : {m_dashboard, m_drivers}) {
        link->setTextFormat(Qt::RichText);
        link->setTextInteractionFlags(Qt::TextBrowserInteraction);
        link->setOpenExternalLinks(true); // the engine's own web UI, in the user's browser
    }
    updateEngineRows(EngineKind::Dask);
    m_created = addRow(clusterForm, tr("Created"));
    m_ready = addRow(clusterForm, tr("Ready"));
    m_ended = addRow(clusterForm, tr("Ended"));
    auto *spec = new QGroupBox(tr("Spec"), this);
    auto *specForm = new QFormLayout(spec);
    m_workers = addRow(specForm, tr("Workers"));
    m_type = addRow(specForm, tr("Instance type"));
    m_market = addRow(specForm, tr("Market"));
    m_market->setObjectName(u"overviewMarket"_s);
    m_idle = addRow(specForm, tr("Idle auto-termination"));
    m_idle->setObjectName(u"overviewIdle"_s);
    m_protection = addRow(specForm, tr("Termination protection"));
    m_tags = addRow(specForm, tr("Tags"));
    m_scaling = addRow(specForm, tr("Scaling"));
    m_scaling->setObjectName(u"overviewScaling"_s);
    m_target = addRow(specForm, tr("Target"));
    m_target->setObjectName(u"overviewTarget"_s);

    m_history->setObjectName(u"historyTree"_s);
    m_history->setAccessibleName(tr("State history"));
    m_events->setAccessibleName(tr("Cluster events"));
    m_history->setHeaderLabels({tr("When"), tr("State"), tr("Reason")});
    m_history->setRootIsDecorated(false);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setStretchLastSection(true);

    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_state);
    stateRow->addWidget(m_reason, 1);
    auto *boxes = new QHBoxLayout;
    boxes->addWidget(cluster, 1);
    boxes->addWidget(spec, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(stateRow);
    layout->addLayout(boxes);
    auto *lists = new QHBoxLayout;
    auto *historyColumn = new QVBoxLayout;
    historyColumn->addWidget(new QLabel(tr("State history (newest first)"), this));
    historyColumn->addWidget(m_history, 1);
    auto *eventsColumn = new QVBoxLayout;
    eventsColumn->addWidget(new QLabel(tr("Events: scaling decisions, spot interruptions, state changes (newest first; "
                                          "hover a reason for its numbers)"),
                                       this));
    eventsColumn->addWidget(m_events, 1);
    lists->addLayout(historyColumn, 2);
    lists->addLayout(eventsColumn, 3);
    layout->addLayout(lists, 1);
}

QLabel *OverviewPanel::addRow(QFormLayout *form, const QString &label)
{
    auto *value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    form->addRow(label, value);
    return value;
}

namespace {
QString link(const QString &url, const QString &text)
{
    return u"<a href=\"%1\">%2</a>"_s.arg(url.toHtmlEscaped(), text.toHtmlEscaped());
}
} // namespace

void OverviewPanel::setConnectionEngine(const QString &engineName)
{
    m_connectionEngine = engineName;
}

void OverviewPanel::updateEngineRows(EngineKind engine)
{
    const bool spark = engine == EngineKind::Spark;
    m_engine->setText(!m_connectionEngine.isEmpty() ? m_connectionEngine
                          : spark                   ? tr("Spark (standalone master and workers)")
                                                    : tr("Dask (scheduler and workers)"));
    if (auto *label = qobject_cast<QLabel *>(m_clusterForm->labelForField(m_scheduler)))
        label->setText(spark ? tr("Master") : tr("Scheduler"));
    if (auto *label = qobject_cast<QLabel *>(m_clusterForm->labelForField(m_dashboard)))
        label->setText(spark ? tr("Master UI") : tr("Metrics"));
    m_drivers->setVisible(spark);
    if (QWidget *label = m_clusterForm->labelForField(m_drivers))
        label->setVisible(spark);
}

void OverviewPanel::setJobs(const JobList &jobs)
{
    QStringList links;
    for (const Job &j : jobs)
        if (j.state == JobState::Running && !j.uiUrl.isEmpty())
            links.append(link(j.uiUrl, tr("%1 (%2)").arg(j.name, j.id)));
    m_drivers->setText(links.isEmpty() ? tr("no application running") : links.join(u"<br>"_s));
}

void OverviewPanel::clear()
{
    setEvents({});
    setCluster({}, std::nullopt);
}

void OverviewPanel::setEvents(const ClusterEventList &events)
{
    m_events->setEvents(events);
    m_spotInterruptions.clear();
    m_fellBack = false;
    for (const ClusterEvent &e : events) {
        if (e.type == QLatin1StringView(ClusterEvent::kSpotInterruption))
            m_spotInterruptions.append(e.time);
        else if (e.type == QLatin1StringView(ClusterEvent::kMarketFallback))
            m_fellBack = true;
    }
    updateMarket();
}

void OverviewPanel::updateMarket()
{
    if (!m_spotCluster && m_spotInterruptions.isEmpty()) {
        m_market->setText(m_marketName);
        return;
    }
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const auto inHour = std::count_if(m_spotInterruptions.cbegin(), m_spotInterruptions.cend(),
                                      [&hourAgo](const QDateTime &at) { return at > hourAgo; });
    QString text = m_marketName + u"; "_s + tr("%n spot interruption(s) in the last hour", nullptr, int(inHour));
    if (m_fellBack)
        text += tr("; fell back to on-demand");
    m_market->setText(text);
}

QString OverviewPanel::idleTerminationText(const ClusterInfo &c, const QDateTime &now)
{
    if (c.spec.idleTimeoutSeconds <= 0)
        return tr("never");
    const QString after = tr("after %1 idle").arg(presentation::formatDuration(double(c.spec.idleTimeoutSeconds)));
    if (isTerminal(c.state) || c.state == ClusterState::Terminating)
        return after;
    if (c.spec.terminationProtection)
        return tr("%1, but termination protection is on: it will not fire").arg(after);
    if (c.state != ClusterState::Waiting || !c.stateChangedAt.isValid())
        return tr("%1; the clock starts when the cluster is WAITING with no job").arg(after);
    // The runtime's idle clock starts when the cluster enters WAITING.
    const QDateTime fires = c.stateChangedAt.addSecs(c.spec.idleTimeoutSeconds);
    const qint64 leftS = now.secsTo(fires);
    return leftS > 0 ? tr("%1: terminates at %2 (in %3) unless a job starts")
                           .arg(after, presentation::formatTime(fires), presentation::formatDuration(double(leftS)))
                     : tr("%1: terminating now (idle since %2)").arg(after, presentation::formatTime(c.stateChangedAt));
}

void OverviewPanel::applyStateColours()
{
    const QColor color = presentation::stateColor(m_shownState);
    presentation::restyle(m_state,
                          u"QLabel { background: %1; color: %2; font-weight: bold; border-radius: 10px;"
                          " padding: 3px 12px; }"_s.arg(color.name(), presentation::textOn(color).name()));
}

void OverviewPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (presentation::isPaletteChange(event))
        applyStateColours();
}

void OverviewPanel::setCluster(const ClusterInfo &c, const std::optional<InstanceType> &type)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_shownState = c.state;
    m_state->setText(presentation::stateText(c.state));
    applyStateColours();
    m_reason->setText(tr("%1 %2 Since %3 (%4).")
                          .arg(presentation::stateMeaning(c.state),
                               c.stateReason.isEmpty() ? QString() : tr("Reason: %1.").arg(c.stateReason),
                               presentation::formatTime(c.stateChangedAt),
                               presentation::formatAge(c.stateChangedAt, now)));
    m_id->setText(c.id);
    m_scheduler->setText(c.schedulerAddress.isEmpty() ? tr("not yet") : c.schedulerAddress);
    // A link while the engine lives; a dead address once the cluster ended is only text.
    m_dashboard->setText(c.dashboardUrl.isEmpty()  ? tr("not yet")
                             : isTerminal(c.state) ? c.dashboardUrl.toHtmlEscaped()
                                                   : link(c.dashboardUrl, c.dashboardUrl));
    if (c.id != m_clusterId)
        setJobs({}); // the previous cluster's applications are not this one's
    updateEngineRows(c.spec.engine);
    m_created->setText(presentation::formatTime(c.createdAt));
    m_ready->setText(c.readyAt.isValid() ? tr("%1 (%2 after creation)")
                                               .arg(presentation::formatTime(c.readyAt),
                                                    presentation::formatDuration(c.createdAt.msecsTo(c.readyAt) / 1000.0))
                                         : tr("not yet"));
    m_ended->setText(c.endedAt.isValid() ? presentation::formatTime(c.endedAt) : tr("still up"));
    // Below the requested count the runtime says why (a replacement starting, backing off or stopped).
    m_workers->setText(
        c.capacityReason.isEmpty()
            ? tr("%1 requested, %2 running").arg(c.spec.workers).arg(c.runningWorkers)
            : tr("%1 requested, %2 running: %3").arg(c.spec.workers).arg(c.runningWorkers).arg(c.capacityReason));
    m_type->setText(type ? tr("%1: %n thread(s), %2 per worker (like %3)", nullptr, type->threads)
                               .arg(type->name)
                               .arg(presentation::formatBytes(type->memoryLimitBytes), type->referenceType)
                         : c.spec.instanceType);
    m_marketName = toString(c.spec.market);
    m_spotCluster = c.spec.market == Market::Spot;
    updateMarket();
    m_idle->setText(idleTerminationText(c, now));
    m_protection->setText(c.spec.terminationProtection ? tr("ON: terminate is refused until it is turned off")
                                                       : tr("off"));
    QStringList tags;
    for (auto it = c.spec.tags.cbegin(); it != c.spec.tags.cend(); ++it)
        tags.append(it.key() + u'=' + it.value());
    m_tags->setText(tags.isEmpty() ? tr("none") : tags.join(u", "_s));
    const ScalingPolicy &policy = c.spec.scaling;
    m_scaling->setText(policy.managed()
                           ? tr("Managed: %1-%2 workers, follows %3; cooldowns %4 s out, %5 s in; step %6; "
                                "scale-in after %7 s of low signal")
                                 .arg(policy.minWorkers)
                                 .arg(policy.maxWorkers)
                                 .arg(toString(policy.signal))
                                 .arg(policy.scaleOutCooldownSeconds)
                                 .arg(policy.scaleInCooldownSeconds)
                                 .arg(policy.maxStep)
                                 .arg(policy.stabilizationSeconds)
                           : tr("Manual: the cluster keeps the workers asked for"));
    const QString targetWorkers = tr("%n worker(s)", nullptr, c.spec.workers);
    m_target->setText(policy.managed() ? tr("%1 (chosen by the policy), %2 running").arg(targetWorkers).arg(c.runningWorkers)
                                       : tr("%1 (asked for), %2 running").arg(targetWorkers).arg(c.runningWorkers));

    if (c.id != m_clusterId) {
        m_clusterId = c.id;
        m_historySize = -1;
    }
    if (int(c.history.size()) != m_historySize) {
        m_historySize = int(c.history.size());
        m_history->clear();
        for (qsizetype i = c.history.size() - 1; i >= 0; --i) {
            const StateChange &s = c.history.at(i);
            auto *item = new QTreeWidgetItem({presentation::formatTime(s.at), presentation::stateText(s.state), s.reason});
            item->setForeground(1, presentation::stateColor(s.state));
            QFont bold = item->font(1);
            bold.setBold(true);
            item->setFont(1, bold);
            m_history->addTopLevelItem(item);
        }
    }
}

} // namespace cdeck
