// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/executor.h"

#include <QDateTime>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace cdeck {

class ExecutorModel;

// The Executors tab: a live, sortable and filterable table, one row per executor, memory drawn as a bar.
class ExecutorsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ExecutorsPanel(QWidget *parent = nullptr);

    ExecutorModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setExecutors(const ExecutorList &executors);
    void setStale(bool stale);
    void clear();
    // Titles, legend and summary in the engine's words (see ExecutorModel::Flavor).
    void setFlavor(int flavor);

private:
    void updateSummary();

    ExecutorModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QCheckBox *m_showGone;
    QLabel *m_summary;
    QLabel *m_legend;
    QDateTime m_updatedAt;
    bool m_sized = false;
};

} // namespace cdeck
