// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "auditpanel.h"

#include "core/backend/runtime/apiroutes.h"
#include "ui/presentation.h"
#include "ui/widgets/recordtable.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <limits>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
// The latest page: every entry below a seq no log reaches.
const QString kLatest = u"before=%1"_s.arg(std::numeric_limits<qint64>::max());
} // namespace

AuditPanel::AuditPanel(QWidget *parent)
    : QWidget(parent)
    , m_user(new QLineEdit(this))
    , m_cluster(new QLineEdit(this))
    , m_action(new QComboBox(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_older(new QPushButton(tr("&Older"), this))
    , m_newer(new QPushButton(tr("&Newer"), this))
    , m_status(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    setObjectName(u"auditPanel"_s);
    m_user->setObjectName(u"auditUserFilter"_s);
    m_user->setPlaceholderText(tr("any user"));
    m_user->setClearButtonEnabled(true);
    m_cluster->setObjectName(u"auditClusterFilter"_s);
    m_cluster->setPlaceholderText(tr("any cluster (its id, e.g. c-1a2b3c4d5e)"));
    m_cluster->setClearButtonEnabled(true);
    m_action->setObjectName(u"auditActionFilter"_s);
    // The API's own action names, from its route table: every call that changes something is audited.
    m_action->addItem(tr("Any action"), QString());
    for (const api::Route &r : api::routes())
        if (r.mutates())
            m_action->addItem(u"%1 %2 (%3)"_s.arg(QLatin1StringView(r.method), QLatin1StringView(r.pattern),
                                                  QLatin1StringView(r.summary)),
                              u"%1 %2"_s.arg(QLatin1StringView(r.method), QLatin1StringView(r.pattern)));
    m_refresh->setObjectName(u"auditRefresh"_s);
    m_refresh->setToolTip(tr("The latest entries with these filters"));
    m_older->setObjectName(u"auditOlder"_s);
    m_newer->setObjectName(u"auditNewer"_s);
    m_status->setObjectName(u"auditStatus"_s);
    m_status->setWordWrap(true);

    auto *filters = new QFormLayout;
    auto *userLabel = new QLabel(tr("&User:"), this);
    userLabel->setBuddy(m_user);
    auto *clusterLabel = new QLabel(tr("Clu&ster:"), this);
    clusterLabel->setBuddy(m_cluster);
    auto *actionLabel = new QLabel(tr("Ac&tion:"), this);
    actionLabel->setBuddy(m_action);
    filters->addRow(userLabel, m_user);
    filters->addRow(clusterLabel, m_cluster);
    filters->addRow(actionLabel, m_action);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_older);
    buttons->addWidget(m_newer);

    m_table->setObjectName(u"auditTable"_s);
    m_table->setHorizontalHeaderLabels({tr("At"), tr("User"), tr("Action"), tr("Target"), tr("Outcome"), tr("Detail")});
    setUpRecordTable(m_table, tr("Audit log"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *title = new QLabel(tr("<b>Audit log</b>: every call that changes something, before it runs (requested) "
                                "and after (succeeded, failed), and every refusal (denied), under the user the "
                                "token belongs to."),
                             this);
    title->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(filters);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    connect(m_refresh, &QPushButton::clicked, this, &AuditPanel::refresh);
    connect(m_user, &QLineEdit::returnPressed, this, &AuditPanel::refresh);
    connect(m_cluster, &QLineEdit::returnPressed, this, &AuditPanel::refresh);
    connect(m_action, &QComboBox::activated, this, &AuditPanel::refresh);
    connect(m_older, &QPushButton::clicked, this, [this] {
        if (!m_entries.isEmpty())
            ask(u"before=%1"_s.arg(m_entries.first().toObject().value(u"seq"_s).toInteger()));
    });
    connect(m_newer, &QPushButton::clicked, this, [this] {
        if (!m_entries.isEmpty())
            ask(u"after=%1"_s.arg(m_entries.last().toObject().value(u"seq"_s).toInteger()));
    });
    clear();
}

void AuditPanel::clear()
{
    m_entries = {};
    m_hasData = false;
    m_query.clear();
    m_table->setRowCount(0);
    m_status->setText(tr("Loading the audit log…"));
    updatePaging();
}

void AuditPanel::refresh()
{
    ask(kLatest);
}

void AuditPanel::ask(const QString &page)
{
    QUrlQuery query;
    if (const QString user = m_user->text().trimmed(); !user.isEmpty())
        query.addQueryItem(u"user"_s, QString::fromLatin1(QUrl::toPercentEncoding(user)));
    if (const QString cluster = m_cluster->text().trimmed(); !cluster.isEmpty())
        query.addQueryItem(u"cluster"_s, QString::fromLatin1(QUrl::toPercentEncoding(cluster)));
    if (const QString action = m_action->currentData().toString(); !action.isEmpty())
        query.addQueryItem(u"action"_s, QString::fromLatin1(QUrl::toPercentEncoding(action)));
    query.addQueryItem(u"limit"_s, QString::number(kPageSize));
    m_page = page;
    m_query = query.toString(QUrl::FullyEncoded) + u'&' + page;
    m_status->setText(tr("Asking the runtime…"));
    Q_EMIT queryRequested(m_query);
}

void AuditPanel::setEntries(const QString &query, const QJsonArray &entries, const QString &error)
{
    if (query != m_query)
        return; // an older question's answer
    if (!error.isEmpty()) {
        m_status->setText(tr("The audit log could not be read: %1").arg(error));
        return; // the last entries stay on screen
    }
    // A page forward past the newest entry is empty: keep what is shown and say so.
    if (entries.isEmpty() && m_hasData && m_page.startsWith("after="_L1)) {
        m_status->setText(tr("No newer entries."));
        m_fullPage = false;
        updatePaging();
        return;
    }
    if (entries.isEmpty() && m_hasData && m_page != kLatest) {
        m_status->setText(tr("No older entries."));
        m_fullPage = false;
        updatePaging();
        return;
    }
    m_entries = entries;
    m_hasData = true;
    m_fullPage = entries.size() >= kPageSize;
    m_table->setRowCount(int(entries.size()));
    // Newest first on screen: the entries come oldest first.
    for (int i = 0; i < int(entries.size()); ++i) {
        const QJsonObject e = entries.at(entries.size() - 1 - i).toObject();
        const QDateTime at = QDateTime::fromString(e.value(u"at"_s).toString(), Qt::ISODateWithMs);
        const QString texts[ColumnCount] = {presentation::formatTime(at.toLocalTime()),
                                            e.value(u"user"_s).toString(),
                                            e.value(u"action"_s).toString(),
                                            e.value(u"target"_s).toString(),
                                            e.value(u"outcome"_s).toString(),
                                            e.value(u"detail"_s).toString()};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(texts[column]);
            item->setToolTip(column == Detail || column == Action ? texts[column] : QString());
            m_table->setItem(i, column, item);
        }
    }
    applyColours();
    if (entries.isEmpty())
        m_status->setText(tr("No audit entries match these filters."));
    else
        m_status->setText(tr("Entries %1 to %2, newest first.")
                              .arg(entries.first().toObject().value(u"seq"_s).toInteger())
                              .arg(entries.last().toObject().value(u"seq"_s).toInteger()));
    updatePaging();
}

void AuditPanel::updatePaging()
{
    // Older: the page is full, or it was asked forward (older ones exist before it). Newer: it is not the latest.
    m_older->setEnabled(m_hasData && !m_entries.isEmpty() && (m_fullPage || m_page.startsWith("after="_L1)));
    m_newer->setEnabled(m_hasData && !m_entries.isEmpty() && m_page != kLatest);
}

void AuditPanel::applyColours()
{
    // A refusal stands out: the danger colours of presentation's table, which meet contrast in both themes.
    const QPalette pal = palette();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const bool denied = rowStandsOut(row);
        for (int column = 0; column < ColumnCount; ++column) {
            QTableWidgetItem *item = m_table->item(row, column);
            if (!item)
                continue;
            item->setData(Qt::ForegroundRole,
                          denied ? QVariant(presentation::tone(presentation::Tone::Danger, pal)) : QVariant());
            item->setData(Qt::BackgroundRole,
                          denied ? QVariant(presentation::tone(presentation::Tone::DangerSurface, pal)) : QVariant());
            QFont font = item->font();
            font.setBold(denied && column == Outcome);
            item->setFont(font);
        }
    }
}

void AuditPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (presentation::isPaletteChange(event))
        applyColours();
}

void AuditPanel::setUserFilter(const QString &user)
{
    m_user->setText(user);
}

void AuditPanel::setClusterFilter(const QString &clusterId)
{
    m_cluster->setText(clusterId);
}

void AuditPanel::setActionFilter(const QString &action)
{
    const int index = m_action->findData(action);
    m_action->setCurrentIndex(index >= 0 ? index : 0);
}

int AuditPanel::rowCount() const
{
    return m_table->rowCount();
}

QString AuditPanel::cellText(int row, Column column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text() : QString();
}

bool AuditPanel::rowStandsOut(int row) const
{
    return cellText(row, Outcome) == "denied"_L1;
}

} // namespace cdeck
