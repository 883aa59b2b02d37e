// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;
class QTableWidget;

namespace cdeck {

// One cluster's cost (GET /clusters/{id}/cost): the meter ($/h now, so far), where the money went (jobs,
// idle, the rest), cost by instance, the ledger's lines and each job's share.
class CostPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CostPanel(QWidget *parent = nullptr);

    void setReport(const QString &clusterId, const QJsonObject &report);
    void clear();
    bool hasReport() const { return !m_report.isEmpty(); }
    QJsonObject report() const { return m_report; }

    // Shown figures, for tests: what a user reads.
    QString rateText() const;
    QString totalText() const;
    QString idleText() const;
    QTableWidget *linesTable() const { return m_lines; }
    QTableWidget *jobsTable() const { return m_jobs; }
    bool exportCsv(const QString &path, QString *error) const;

private:
    void exportClicked();

    QString m_clusterId;
    QJsonObject m_report;
    QLabel *m_rate;
    QLabel *m_total;
    QLabel *m_idle;
    QLabel *m_perTb;
    QLabel *m_note;
    QChartView *m_byInstance;
    QChartView *m_breakdown;
    QTableWidget *m_lines;
    QTableWidget *m_jobs;
    QPushButton *m_export;
};

} // namespace cdeck
