// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "sidebar.h"

#include "auth/rolepermissions.h"
#include "backend/connection.h"
#include "models/clusterlistmodel.h"
#include "presentation.h"
#include "widgets/clusteritemdelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
QColor connectionColor(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connected:
        return presentation::tone(presentation::Tone::Success);
    case ConnectionState::Connecting:
        return presentation::tone(presentation::Tone::Info);
    case ConnectionState::Unreachable:
    case ConnectionState::Unauthorized:
        return presentation::tone(presentation::Tone::Danger);
    }
    return presentation::tone(presentation::Tone::Neutral);
}

QString stateWord(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connecting:
        return Sidebar::tr("connecting…");
    case ConnectionState::Connected:
        return Sidebar::tr("connected");
    case ConnectionState::Unreachable:
        return Sidebar::tr("unreachable");
    case ConnectionState::Unauthorized:
        return Sidebar::tr("token refused");
    }
    return {};
}
} // namespace

QString Sidebar::stateDot(ConnectionState state)
{
    return u"<span style='color:%1'>●</span>"_s.arg(connectionColor(state).name());
}

Sidebar::Sidebar(bool connectionsEditable, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"sidebar"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);

    // Fifty clusters: narrow by name, id or state, hide the ended ones, order by what matters now.
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"clusterFilter"_s);
    m_filter->setPlaceholderText(tr("Filter clusters (/)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter clusters by name, id or state"));
    m_hideTerminated = new QCheckBox(tr("Hide t&erminated"), this);
    m_hideTerminated->setObjectName(u"hideTerminatedCheck"_s);
    m_order = new QComboBox(this);
    m_order->setObjectName(u"clusterOrderCombo"_s);
    m_order->setAccessibleName(tr("Order clusters"));
    m_order->addItem(tr("Newest first"), int(ClusterListFilter::Order::Newest));
    m_order->addItem(tr("By state, worst first"), int(ClusterListFilter::Order::State));
    m_order->addItem(tr("By cost per hour"), int(ClusterListFilter::Order::Cost));
    auto *options = new QHBoxLayout;
    options->addWidget(m_hideTerminated);
    options->addWidget(m_order, 1);
    outer->addWidget(m_filter);
    outer->addLayout(options);
    connect(m_filter, &QLineEdit::textChanged, this, &Sidebar::applyFilter);
    connect(m_hideTerminated, &QCheckBox::toggled, this, &Sidebar::applyFilter);
    connect(m_order, &QComboBox::currentIndexChanged, this, &Sidebar::applyFilter);
    // Esc in the filter gives the keyboard back to the list.
    m_filter->installEventFilter(this);

    auto *sections = new QWidget(this);
    m_sectionsLayout = new QVBoxLayout(sections);
    m_sectionsLayout->setContentsMargins(0, 0, 0, 0);
    m_sectionsLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(sections);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_launch = new QPushButton(tr("Launch cluster…"), this);
    m_launch->setObjectName(u"launchClusterButton"_s);
    m_addConnection = new QPushButton(tr("Add runtime, Spark or YARN…"), this);
    m_addConnection->setObjectName(u"addRuntimeButton"_s);
    m_addConnection->setVisible(connectionsEditable);
    auto *summary = new QPushButton(tr("Executive summary"), this);
    summary->setObjectName(u"summaryButton"_s);
    auto *slos = new QPushButton(tr("SLOs"), this);
    slos->setObjectName(u"slosButton"_s);
    slos->setToolTip(tr("Service level objectives: SLI, error budget, burn rates and alerts"));
    outer->addWidget(scroll, 1);
    outer->addWidget(slos);
    outer->addWidget(summary);
    outer->addWidget(m_launch);
    outer->addWidget(m_addConnection);
    connect(summary, &QPushButton::clicked, this, &Sidebar::summaryRequested);
    connect(slos, &QPushButton::clicked, this, &Sidebar::slosRequested);
    connect(m_launch, &QPushButton::clicked, this, &Sidebar::launchRequested);
    connect(m_addConnection, &QPushButton::clicked, this, &Sidebar::addConnectionRequested);
}

const Sidebar::Section *Sidebar::sectionOf(const Connection *connection) const
{
    for (const Section &s : m_sections)
        if (s.connection == connection)
            return &s;
    return nullptr;
}

void Sidebar::addConnection(Connection *connection, bool removable)
{
    Section s;
    s.connection = connection;
    s.box = new QWidget(this);
    auto *layout = new QVBoxLayout(s.box);
    layout->setContentsMargins(0, 0, 0, 8);
    auto *headerRow = new QHBoxLayout;
    s.header = new QLabel(s.box);
    s.header->setTextFormat(Qt::RichText);
    s.header->setWordWrap(true);
    headerRow->addWidget(s.header, 1);
    if (removable) {
        auto *remove = new QToolButton(s.box);
        const bool log = connection->kind() == ConnectionKind::EventLog;
        remove->setText(log ? tr("Close") : tr("Remove"));
        remove->setToolTip(log ? tr("Close this event log (the file is not touched)")
                               : tr("Forget this runtime and its stored token (its clusters keep running)"));
        connect(remove, &QToolButton::clicked, this, [this, connection] { Q_EMIT removeRequested(connection); });
        headerRow->addWidget(remove);
    }
    layout->addLayout(headerRow);
    s.proxy = new ClusterListFilter(s.box);
    s.proxy->setSourceModel(connection->clusters());
    s.list = new QListView(s.box);
    s.list->setAccessibleName(tr("Clusters of %1").arg(connection->name()));
    // Rows as tall as their wrapped text, laid out again when the sidebar is resized.
    s.list->setResizeMode(QListView::Adjust);
    s.list->setUniformItemSizes(false);
    s.list->setMouseTracking(true);
    s.list->viewport()->installEventFilter(this);
    s.list->setObjectName(u"clusterList"_s);
    s.list->setModel(s.proxy);
    s.list->setItemDelegate(new ClusterItemDelegate(s.list));
    s.list->setSelectionMode(QAbstractItemView::SingleSelection);
    s.list->setMinimumHeight(120);
    layout->addWidget(s.list, 1);
    m_sectionsLayout->insertWidget(m_sectionsLayout->count() - 1, s.box, 1);
    connect(s.list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this, connection] { onSelectionChanged(connection); });
    m_sections.append(s);
    applyFilter();
}

void Sidebar::removeConnection(Connection *connection)
{
    for (qsizetype i = 0; i < m_sections.size(); ++i) {
        if (m_sections[i].connection == connection) {
            delete m_sections[i].box;
            m_sections.removeAt(i);
            return;
        }
    }
}

void Sidebar::onSelectionChanged(Connection *connection)
{
    const Section *s = sectionOf(connection);
    if (!s)
        return;
    const QModelIndexList rows = s->list->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return; // a deselection: keep showing the last cluster (its row may be re-sorting)
    // One selection across all connections.
    for (Section &other : m_sections)
        if (other.connection != connection) {
            const QSignalBlocker blocker(other.list->selectionModel());
            other.list->clearSelection();
        }
    Q_EMIT clusterSelected(connection, rows.first().data(ClusterListModel::IdRole).toString());
}

bool Sidebar::select(Connection *connection, const QString &clusterId)
{
    const Section *s = sectionOf(connection);
    const int row = connection->clusters()->rowOf(clusterId);
    if (!s || row < 0)
        return false;
    for (Section &other : m_sections) {
        const QSignalBlocker blocker(other.list->selectionModel());
        if (other.connection != connection)
            other.list->clearSelection();
    }
    const QModelIndex index = s->proxy->mapFromSource(connection->clusters()->index(row, 0));
    {
        const QSignalBlocker blocker(s->list->selectionModel());
        s->list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    }
    s->list->viewport()->update();
    s->list->scrollTo(index);
    return true;
}

QString Sidebar::firstClusterId(Connection *connection) const
{
    const Section *s = sectionOf(connection);
    if (!s || s->proxy->rowCount() == 0)
        return {};
    return s->proxy->index(0, 0).data(ClusterListModel::IdRole).toString();
}

void Sidebar::applyFilter()
{
    const auto order = ClusterListFilter::Order(m_order->currentData().toInt());
    for (Section &s : m_sections) {
        s.proxy->setText(m_filter->text());
        s.proxy->setHideTerminated(m_hideTerminated->isChecked());
        s.proxy->setOrder(order);
    }
}

void Sidebar::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool Sidebar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        if (!m_filter->text().isEmpty()) {
            m_filter->clear();
        } else {
            for (Section &s : m_sections)
                if (s.proxy->rowCount() > 0) {
                    s.list->setFocus(Qt::ShortcutFocusReason);
                    break;
                }
        }
        return true;
    }
    // While the pointer is over a list its rows keep their places: a click lands on the row it was aimed at.
    if (event->type() == QEvent::Enter || event->type() == QEvent::Leave) {
        for (Section &s : m_sections)
            if (s.list->viewport() == watched)
                s.proxy->setFrozen(event->type() == QEvent::Enter);
    }
    return QWidget::eventFilter(watched, event);
}

void Sidebar::refresh(Connection *current)
{
    for (Section &s : m_sections) {
        Connection *c = s.connection;
        // A runtime given by --runtime is named by its address: do not say it twice.
        const QString where = c->name() == c->url().authority() ? QString() : c->url().authority().toHtmlEscaped() + u" · "_s;
        s.header->setText(presentation::themedHtml(u"%1 <b>%2</b> <span style='color:gray'>%3%4</span>"_s.arg(
            stateDot(c->state()), c->name().toHtmlEscaped(), where, stateWord(c->state()))));
        s.header->setToolTip(c->stateMessage());
    }
    if (!current)
        return;
    const FeedCapabilities &can = current->capabilities();
    m_launch->setEnabled(can.managesClusters);
    m_launch->setToolTip(can.managesClusters ? QString() : can.whyNoLaunch);
    if (can.managesClusters) // the signed-in role may not launch: disabled, saying why
        RolePermissions::explain(m_launch, RolePermissions::whyNot(current, api::RouteId::ClusterLaunch));
}

} // namespace cdeck
