// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "pagestack.h"

#include "ui/backend/connection.h"
#include "ui/backend/focusedcluster.h"
#include "connectionregistry.h"
#include "ui/forms/launchform.h"
#include "ui/auth/rolepermissions.h"
#include "ui/models/clusterlistmodel.h"
#include "ui/panels/auditpanel.h"
#include "ui/panels/slospanel.h"
#include "ui/panels/summarypanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cdeck {

PageStack::PageStack(FocusedCluster *focus, QWidget *parent)
    : QStackedWidget(parent)
    , m_focus(focus)
    , m_emptyPage(new QWidget(this))
    , m_emptyText(new QLabel(m_emptyPage))
    , m_clusterPage(new ClusterPage(focus, this))
    , m_launchForm(new LaunchForm(this))
    , m_summary(new SummaryPanel(this))
    , m_slos(new SlosPanel(this))
    , m_audit(new AuditPanel(this))
{
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addWidget(m_emptyText);
    addWidget(m_emptyPage);
    addWidget(m_clusterPage);
    addWidget(m_launchForm);
    addWidget(m_summary);
    addWidget(m_slos);
    addWidget(m_audit);
    connect(m_audit, &AuditPanel::queryRequested, this, [this](const QString &query) {
        if (m_auditConnection)
            m_auditConnection->fetchAudit(query);
    });

    connect(m_launchForm, &LaunchForm::cancelled, this,
            [this] { setCurrentWidget(m_focus->isSet() ? static_cast<QWidget *>(m_clusterPage) : m_emptyPage); });
    connect(m_launchForm, &LaunchForm::launchRequested, this, [this](const ClusterSpec &spec) {
        if (!m_launchConnection)
            return;
        m_launchForm->setBusy(true);
        m_launchConnection->launch(spec);
    });
}

Connection *PageStack::summaryConnection() const
{
    return m_summaryConnection;
}

Connection *PageStack::slosConnection() const
{
    return m_slosConnection;
}

Connection *PageStack::auditConnection() const
{
    return m_auditConnection;
}

std::optional<ClusterPage::Tab> PageStack::tabOf(ConsolePage page)
{
    switch (page) {
    case ConsolePage::Overview:
        return ClusterPage::Tab::Overview;
    case ConsolePage::Executors:
        return ClusterPage::Tab::Executors;
    case ConsolePage::Jobs:
        return ClusterPage::Tab::Jobs;
    case ConsolePage::Memory:
        return ClusterPage::Tab::Memory;
    case ConsolePage::Shuffle:
        return ClusterPage::Tab::Shuffle;
    case ConsolePage::Dag:
        return ClusterPage::Tab::Dag;
    case ConsolePage::Timeline:
        return ClusterPage::Tab::Timeline;
    case ConsolePage::Incidents:
        return ClusterPage::Tab::Incidents;
    case ConsolePage::Cost:
        return ClusterPage::Tab::Cost;
    case ConsolePage::Logs:
        return ClusterPage::Tab::Logs;
    case ConsolePage::Launch:
    case ConsolePage::Summary:
    case ConsolePage::Slos:
    case ConsolePage::Audit:
        break;
    }
    return std::nullopt;
}

void PageStack::showClusterPage()
{
    setCurrentWidget(m_clusterPage);
}

void PageStack::showEmptyPage()
{
    setCurrentWidget(m_emptyPage);
}

void PageStack::showLaunchForm(Connection *connection, const ConnectionCatalog &catalog)
{
    m_launchConnection = connection;
    if (!m_launchConnection || !m_launchConnection->managesClusters()
        || !RolePermissions::whyNot(connection, api::RouteId::ClusterLaunch).isEmpty())
        return; // the button is disabled then, its tooltip says why
    m_launchForm->setRuntimeName(m_launchConnection->name());
    if (catalog.types)
        m_launchForm->setInstanceTypes(*catalog.types, catalog.defaultType);
    if (catalog.engines)
        m_launchForm->setEngines(*catalog.engines);
    // Asked on every opening: Spark installed while the console runs is offered the next time.
    m_launchConnection->fetchCatalog();
    if (currentWidget() != m_launchForm)
        m_launchForm->reset();
    setCurrentWidget(m_launchForm);
}

void PageStack::applyCatalog(Connection *connection, const ConnectionCatalog &catalog, ConnectionCatalog::Part part)
{
    const bool launching = connection == m_launchConnection;
    const bool focused = connection == m_focus->connection();
    switch (part) {
    case ConnectionCatalog::Part::Types:
        if (launching)
            m_launchForm->setInstanceTypes(*catalog.types, catalog.defaultType);
        if (focused)
            m_clusterPage->setInstanceTypes(*catalog.types);
        break;
    case ConnectionCatalog::Part::Engines:
        if (launching)
            m_launchForm->setEngines(*catalog.engines);
        break;
    case ConnectionCatalog::Part::Samples:
        if (focused)
            m_clusterPage->setSamples(*catalog.samples);
        break;
    }
}

void PageStack::showSummary(Connection *connection)
{
    if (!connection)
        return;
    if (connection != m_summaryConnection)
        m_summary->clear();
    m_summaryConnection = connection;
    setCurrentWidget(m_summary);
}

void PageStack::showSlos(Connection *connection)
{
    if (!connection)
        return;
    if (connection != m_slosConnection)
        m_slos->clear();
    m_slosConnection = connection;
    setCurrentWidget(m_slos);
}

void PageStack::showAudit(Connection *connection)
{
    if (!connection)
        return;
    if (connection != m_auditConnection)
        m_audit->clear();
    m_auditConnection = connection;
    setCurrentWidget(m_audit);
    m_audit->refresh();
}

void PageStack::forget(Connection *connection)
{
    if (m_launchConnection == connection)
        m_launchConnection = nullptr;
}

void PageStack::watch(Connection *connection)
{
    const ClusterFeed *feed = connection->feed();
    connect(feed, &ClusterFeed::slosReady, this, [this, connection](const QList<triage::SloStatus> &list) {
        if (connection == m_slosConnection)
            m_slos->setSlos(list);
    });
    connect(feed, &ClusterFeed::costSummaryReady, this, [this, connection](const QJsonObject &summary) {
        if (connection == m_summaryConnection)
            m_summary->setSummary(summary);
    });
    connect(feed, &ClusterFeed::auditReady, this,
            [this, connection](const QString &query, const QJsonArray &entries, const QString &error) {
                if (connection == m_auditConnection)
                    m_audit->setEntries(query, entries, error);
            });
}

void PageStack::updatePolling(const QList<Connection *> &connections)
{
    // The cluster page tells its connection what to poll for the focused cluster; the stack the rest.
    m_clusterPage->setOnScreen(currentWidget() == m_clusterPage);
    for (Connection *c : connections) {
        c->setCostFocus(c == m_focus->connection() && m_clusterPage->costShown(),
                        c == m_summaryConnection && currentWidget() == m_summary, m_summary->query());
        c->setSlosFocus(c == m_slosConnection && currentWidget() == m_slos);
    }
}

void PageStack::updateEmptyText(Connection *c)
{
    if (!c->hasClusterList())
        m_emptyText->setText(tr("Connecting to %1…").arg(c->url().toString()));
    else if (c->clusters()->rowCount() == 0 && !c->managesClusters())
        m_emptyText->setText(tr("%1 lists no applications yet.").arg(c->name()));
    else if (c->clusters()->rowCount() == 0) {
        // A role that cannot launch is not told to: it is told why the button is disabled.
        const QString whyNotLaunch = RolePermissions::whyNot(c, api::RouteId::ClusterLaunch);
        m_emptyText->setText(
            whyNotLaunch.isEmpty()
                ? tr("No clusters on %1 yet.\nUse “Launch cluster…” on the left to start one.").arg(c->name())
                : tr("No clusters on %1 yet.\n%2").arg(c->name(), whyNotLaunch));
    } else
        m_emptyText->setText(tr("Select a cluster on the left."));
}

bool PageStack::isReady(ConsolePage page, Connection *c) const
{
    if (!c || !c->hasClusterList())
        return false;
    if (page == ConsolePage::Launch)
        return m_launchForm->hasInstanceTypes();
    if (page == ConsolePage::Summary)
        return m_summary->hasSummary();
    if (page == ConsolePage::Slos)
        return m_slos->hasData();
    if (page == ConsolePage::Audit)
        return m_audit->hasData();
    if (!m_focus->isSet())
        return c->clusters()->rowCount() == 0 || currentWidget() == m_emptyPage;
    return m_clusterPage->isReady(*tabOf(page));
}

} // namespace cdeck
