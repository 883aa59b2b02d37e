// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "eventlist.h"

#include "ui/presentation.h"

#include <QHeaderView>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cdeck {

EventList::EventList(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(u"eventList"_s);
    setHeaderLabels({tr("When"), tr("Event"), tr("From → to"), tr("Reason")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
}

QString EventList::typeText(const QString &type)
{
    static const QHash<QString, const char *> names{
        {QLatin1StringView(ClusterEvent::kScaleOut), QT_TR_NOOP("Scale out")},
        {QLatin1StringView(ClusterEvent::kScaleIn), QT_TR_NOOP("Scale in")},
        {QLatin1StringView(ClusterEvent::kScaleRefused), QT_TR_NOOP("Scaling refused")},
        {QLatin1StringView(ClusterEvent::kScaleFailed), QT_TR_NOOP("Scaling failed")},
        {QLatin1StringView(ClusterEvent::kStateChange), QT_TR_NOOP("State")},
        {QLatin1StringView(ClusterEvent::kSpotInterruption), QT_TR_NOOP("Spot interruption")},
        {QLatin1StringView(ClusterEvent::kMarketFallback), QT_TR_NOOP("Fallback to on-demand")},
        {QLatin1StringView(ClusterEvent::kPolicyChange), QT_TR_NOOP("Policy")},
        {QLatin1StringView(ClusterEvent::kBootstrapFailed), QT_TR_NOOP("Bootstrap failed")},
        {QLatin1StringView(ClusterEvent::kWorkerReplaced), QT_TR_NOOP("Worker replaced")}};
    const char *name = names.value(type);
    return name ? tr(name) : type;
}

QColor EventList::typeColor(const QString &type)
{
    using presentation::Tone;
    if (type == QLatin1StringView(ClusterEvent::kScaleOut))
        return presentation::tone(Tone::Success);
    if (type == QLatin1StringView(ClusterEvent::kScaleIn))
        return presentation::tone(Tone::Info);
    if (type == QLatin1StringView(ClusterEvent::kScaleRefused))
        return presentation::tone(Tone::Neutral);
    if (type == QLatin1StringView(ClusterEvent::kScaleFailed) || type == QLatin1StringView(ClusterEvent::kBootstrapFailed))
        return presentation::tone(Tone::Danger);
    if (type == QLatin1StringView(ClusterEvent::kSpotInterruption) || type == QLatin1StringView(ClusterEvent::kMarketFallback))
        return presentation::tone(Tone::Orange);
    return presentation::tone(Tone::Slate);
}

QString EventList::fromTo(const ClusterEvent &e)
{
    auto text = [](const QJsonValue &v) {
        if (v.isObject())
            return v.toObject().value(u"mode"_s).toString();
        if (v.isDouble())
            return QString::number(v.toInt());
        return v.toString();
    };
    const QString from = text(e.from);
    const QString to = text(e.to);
    if (from.isEmpty() && to.isEmpty())
        return {};
    return (from.isEmpty() ? u"–"_s : from) + u" → "_s + (to.isEmpty() ? u"–"_s : to);
}

void EventList::setEvents(const ClusterEventList &events)
{
    const QString clusterId = events.isEmpty() ? QString() : events.first().clusterId;
    const qint64 lastSeq = events.isEmpty() ? 0 : events.last().seq;
    if (clusterId == m_clusterId && lastSeq == m_lastSeq && topLevelItemCount() == events.size())
        return; // nothing new: keep the selection and the scroll position
    m_clusterId = clusterId;
    m_lastSeq = lastSeq;
    clear();
    QList<QTreeWidgetItem *> items;
    for (qsizetype i = events.size() - 1; i >= 0; --i) {
        const ClusterEvent &e = events.at(i);
        auto *item = new QTreeWidgetItem({presentation::formatTime(e.time), typeText(e.type), fromTo(e), e.reason});
        item->setForeground(1, typeColor(e.type));
        QFont bold = item->font(1);
        bold.setBold(e.type != QLatin1StringView(ClusterEvent::kStateChange));
        item->setFont(1, bold);
        if (!e.metrics.isEmpty())
            item->setToolTip(3, QString::fromUtf8(QJsonDocument(e.metrics).toJson(QJsonDocument::Indented)));
        item->setData(0, Qt::UserRole, e.seq);
        items.append(item);
    }
    addTopLevelItems(items);
}

void EventList::changeEvent(QEvent *event)
{
    QTreeWidget::changeEvent(event);
    if (!presentation::isPaletteChange(event))
        return;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = topLevelItem(i);
        item->setForeground(1, presentation::followPalette(item->foreground(1).color(), palette()));
    }
}

QList<ChartMarker> EventList::markersFor(const ClusterEventList &events)
{
    QList<ChartMarker> markers;
    for (const ClusterEvent &e : events) {
        const bool marked = e.type == QLatin1StringView(ClusterEvent::kScaleOut)
            || e.type == QLatin1StringView(ClusterEvent::kScaleIn)
            || e.type == QLatin1StringView(ClusterEvent::kSpotInterruption)
            || e.type == QLatin1StringView(ClusterEvent::kMarketFallback);
        if (!marked)
            continue;
        ChartMarker m;
        m.atMs = e.time.toMSecsSinceEpoch();
        m.label = e.type == QLatin1StringView(ClusterEvent::kSpotInterruption) ? tr("spot %1").arg(e.executorId)
                  : e.type == QLatin1StringView(ClusterEvent::kMarketFallback) ? tr("on-demand")
                                                                              : fromTo(e);
        m.color = typeColor(e.type);
        markers.append(m);
    }
    return markers;
}

} // namespace cdeck
