// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QWidget>

class QChartView;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QTableWidget;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace cdeck {

class BudgetActions;

// The executive summary across every cluster of a runtime (GET /cost/summary): spend this period against
// the last, by tag (team), by day, top jobs, waste, budgets and the month-end forecast; CSV and PDF export.
class SummaryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SummaryPanel(QWidget *parent = nullptr);

    void setSummary(const QJsonObject &summary);
    void clear();
    bool hasSummary() const { return !m_summary.isEmpty(); }
    QJsonObject summary() const { return m_summary; }
    // The query the page wants ("from=...&tagKey=team"); changes emit queryChanged.
    QString query() const;

    QString totalText() const;
    QString previousText() const;
    QString forecastText() const;
    QString forecastBasis() const; // what the forecast is based on, as the page says it
    QString changeText() const; // "+12.5 % against the previous period"
    QString wasteText() const; // "$0.1500 · 42.0 % of spend"
    QStringList tagKeysOffered() const;
    QTableWidget *wasteTable() const { return m_wasteTable; }
    QChartView *topJobsChart() const { return m_topJobs; }
    QChartView *dailyChart() const { return m_daily; }
    // "month", "lastMonth", "7d", "24h" or "custom" (from..to, whole UTC days).
    void setPeriod(const QString &key, const QDate &from = {}, const QDate &to = {});
    QStringList budgetLines() const; // "team=data: 85.0 % warning", one per budget, as shown
    bool exportCsv(const QString &path, QString *error) const;
    bool exportPdf(const QString &path, QString *error) const;
    BudgetActions *budgetActions() const { return m_budgetActions; }

Q_SIGNALS:
    void queryChanged();

private:
    void exportCsvClicked();
    void exportPdfClicked();

    QJsonObject m_summary;
    QComboBox *m_period;
    QComboBox *m_tagKey;
    QLabel *m_total;
    QLabel *m_previous;
    QLabel *m_forecast;
    QLabel *m_forecastBasis;
    QLabel *m_change;
    QLabel *m_waste;
    QLabel *m_perTb;
    QLabel *m_periodNote;
    QChartView *m_daily;
    QChartView *m_byTag;
    QChartView *m_topJobs;
    QTableWidget *m_wasteTable;
    QLabel *m_wasteByTag;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QVBoxLayout *m_budgets;
    QWidget *m_budgetBox;
    BudgetActions *m_budgetActions;
    QPushButton *m_csv;
    QPushButton *m_pdf;
};

} // namespace cdeck
