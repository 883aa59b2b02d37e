// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QBrush>
#include <QStyledItemDelegate>

namespace cdeck {

// Paints an executor's memory as one bar against its limit: managed (dark), unmanaged (light) and spilled
// (hatched, to the right of the used part), with "used of limit" as text. Brushes are built once (heaptrack's
// chartmodel.h comment: rebuilding them per paint shows in profiles).
class MemoryBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MemoryBarDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QBrush m_managed;
    QBrush m_unmanaged;
    QBrush m_spilled;
    QBrush m_pressure; // above 80% of the limit: Dask pauses the worker there
    QBrush m_gone;
};

} // namespace cdeck
