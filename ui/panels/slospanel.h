// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/triage/slo.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace cdeck {

// The runtime's SLOs (GET /api/v1/slos through RuntimeFeed): one row per SLO with its SLI now, objective,
// error budget left, burn rates over 1 h / 6 h / 1 d / 3 d and the alert (page, ticket or none), worst
// first; the selected SLO's alert summary and the runs that spent its budget below. Read-only: SLOs are
// defined with clusterdeck-cli slo add (or POST /api/v1/slos).
class SlosPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { Slo, Selector, SliNow, Objective, Budget, Burn1h, Burn6h, Burn1d, Burn3d, Alert, ColumnCount };

    explicit SlosPanel(QWidget *parent = nullptr);

    void setSlos(const QList<cdeck::triage::SloStatus> &slos);
    void clear();
    bool hasData() const { return m_hasData; }
    int rowCount() const;
    QString cellText(int row, Column column) const;
    int firingCount() const; // SLOs paging or ticketing
    QString detailText() const;

    static QString sliText(const cdeck::triage::SloStatus &status);
    static QString burnText(const std::optional<double> &rate);

private:
    void showDetail();

    QList<cdeck::triage::SloStatus> m_slos;
    bool m_hasData = false;
    QLabel *m_summary;
    QTableWidget *m_table;
    QLabel *m_detail;
};

} // namespace cdeck
