// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QWidget>

class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace cdeck {

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
    QStringList budgetLines() const; // "team=data: 85.0 % warning", one per budget, as shown
    bool exportCsv(const QString &path, QString *error) const;
    bool exportPdf(const QString &path, QString *error) const;

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
    QLabel *m_waste;
    QLabel *m_perTb;
    QLabel *m_periodNote;
    QChartView *m_daily;
    QChartView *m_byTag;
    QChartView *m_topJobs;
    QChartView *m_wasteChart;
    QVBoxLayout *m_budgets;
    QWidget *m_budgetBox;
    QPushButton *m_csv;
    QPushButton *m_pdf;
};

} // namespace cdeck
