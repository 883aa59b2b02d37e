// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "summarypanel.h"

#include "ui/cost/costcharts.h"
#include "ui/cost/costexport.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

QString dayLabel(const QString &key)
{
    const QDate d = QDate::fromString(key, Qt::ISODate);
    return d.isValid() ? d.toString(u"MMM d"_s) : key;
}

} // namespace

SummaryPanel::SummaryPanel(QWidget *parent)
    : QWidget(parent)
    , m_period(new QComboBox(this))
    , m_tagKey(new QComboBox(this))
    , m_total(costview::makeFigure(u"summaryTotal"_s, 1.6, this))
    , m_previous(costview::makeFigure(u"summaryPrevious"_s, 1.6, this))
    , m_forecast(costview::makeFigure(u"summaryForecast"_s, 1.6, this))
    , m_waste(costview::makeFigure(u"summaryWaste"_s, 1.6, this))
    , m_perTb(costview::makeFigure(u"summaryPerTb"_s, 1.6, this))
    , m_periodNote(new QLabel(this))
    , m_daily(costview::makeChartView(tr("Spend by day"), this))
    , m_byTag(costview::makeChartView(tr("Spend by team"), this))
    , m_topJobs(costview::makeChartView(tr("Top jobs by cost"), this))
    , m_wasteChart(costview::makeChartView(tr("Waste"), this))
    , m_budgets(new QVBoxLayout)
    , m_budgetBox(new QGroupBox(tr("Budgets (this calendar month)"), this))
    , m_csv(new QPushButton(tr("Export CSV…"), this))
    , m_pdf(new QPushButton(tr("Export PDF report…"), this))
{
    setObjectName(u"summaryPanel"_s);
    m_period->setObjectName(u"summaryPeriod"_s);
    m_period->addItem(tr("This month"), u"month"_s);
    m_period->addItem(tr("Last 7 days"), u"7d"_s);
    m_period->addItem(tr("Last 24 hours"), u"24h"_s);
    m_tagKey->setObjectName(u"summaryTagKey"_s);
    m_tagKey->setEditable(true);
    m_tagKey->addItems({u"team"_s, u"project"_s, u"env"_s});
    m_csv->setObjectName(u"exportSummaryCsv"_s);
    m_pdf->setObjectName(u"exportSummaryPdf"_s);
    connect(m_period, &QComboBox::currentIndexChanged, this, &SummaryPanel::queryChanged);
    connect(m_tagKey, &QComboBox::currentTextChanged, this, &SummaryPanel::queryChanged);
    connect(m_csv, &QPushButton::clicked, this, &SummaryPanel::exportCsvClicked);
    connect(m_pdf, &QPushButton::clicked, this, &SummaryPanel::exportPdfClicked);
    m_periodNote->setObjectName(u"summaryPeriodNote"_s);
    m_periodNote->setStyleSheet(u"color: palette(placeholder-text);"_s);

    auto *bar = new QHBoxLayout;
    auto *title = new QLabel(tr("Executive summary"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    title->setFont(tf);
    bar->addWidget(title);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Period"), this));
    bar->addWidget(m_period);
    bar->addWidget(new QLabel(tr("Group by tag"), this));
    bar->addWidget(m_tagKey);
    bar->addStretch(1);
    bar->addWidget(m_csv);
    bar->addWidget(m_pdf);

    auto *tiles = new QHBoxLayout;
    tiles->addWidget(costview::makeFigureTile(tr("Spend this period"), m_total, true, this));
    tiles->addWidget(costview::makeFigureTile(tr("Previous period"), m_previous, true, this));
    tiles->addWidget(costview::makeFigureTile(tr("Forecast, month end"), m_forecast, true, this));
    tiles->addWidget(costview::makeFigureTile(tr("Waste (idle + unused memory)"), m_waste, true, this));
    tiles->addWidget(costview::makeFigureTile(tr("Cost per TB processed"), m_perTb, true, this));

    auto *grid = new QGridLayout;
    grid->addWidget(m_daily, 0, 0);
    grid->addWidget(m_byTag, 0, 1);
    grid->addWidget(m_topJobs, 1, 0);
    grid->addWidget(m_wasteChart, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    m_budgetBox->setObjectName(u"budgetBox"_s);
    m_budgetBox->setLayout(m_budgets);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_periodNote);
    layout->addLayout(tiles);
    layout->addLayout(grid, 1);
    layout->addWidget(m_budgetBox);
    clear();
}

QString SummaryPanel::query() const
{
    const QString period = m_period->currentData().toString();
    QString q = u"tagKey="_s + QString::fromLatin1(QUrl::toPercentEncoding(m_tagKey->currentText().trimmed()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (period == "7d"_L1)
        q += u"&from="_s + QString::number(now.addDays(-7).toMSecsSinceEpoch());
    else if (period == "24h"_L1)
        q += u"&from="_s + QString::number(now.addSecs(-24 * 3600).toMSecsSinceEpoch());
    return q; // "month": the runtime's default, the calendar month so far
}

void SummaryPanel::clear()
{
    m_summary = {};
    for (QLabel *l : {m_total, m_previous, m_forecast, m_waste, m_perTb})
        l->setText(u"—"_s);
    m_periodNote->setText(tr("Waiting for the runtime's ledger…"));
    m_csv->setEnabled(false);
    m_pdf->setEnabled(false);
}

QString SummaryPanel::totalText() const
{
    return m_total->text();
}

QString SummaryPanel::previousText() const
{
    return m_previous->text();
}

QString SummaryPanel::forecastText() const
{
    return m_forecast->text();
}

QStringList SummaryPanel::budgetLines() const
{
    QStringList lines;
    for (const QLabel *l : m_budgetBox->findChildren<QLabel *>(u"budgetLine"_s))
        lines.append(l->text());
    return lines;
}

void SummaryPanel::setSummary(const QJsonObject &s)
{
    m_summary = s;
    const QString currency = s.value(u"currency"_s).toString();
    const double total = s.value(u"total"_s).toDouble();
    const double previous = s.value(u"previous"_s).toObject().value(u"total"_s).toDouble();
    m_total->setText(costview::formatMoney(total, currency));
    m_previous->setText(previous > 0 ? u"%1  (%2%3 %)"_s.arg(costview::formatMoney(previous, currency),
                                                              total >= previous ? u"+"_s : QString())
                                           .arg((total - previous) / previous * 100, 0, 'f', 1)
                                     : costview::formatMoney(previous, currency));
    const QJsonObject f = s.value(u"forecast"_s).toObject();
    m_forecast->setText(costview::formatMoney(f.value(u"monthEnd"_s).toDouble(), currency));
    m_forecast->setToolTip(tr("Month to date %1; trend %2 per day, fitted on %n complete day(s)", nullptr,
                              f.value(u"basisDays"_s).toInt())
                               .arg(costview::formatMoney(f.value(u"monthToDate"_s).toDouble(), currency),
                                    costview::formatMoney(f.value(u"trendPerDay"_s).toDouble(), currency, 4)));
    const QJsonObject waste = s.value(u"waste"_s).toObject();
    const double idle = waste.value(u"idle"_s).toDouble(), memory = waste.value(u"memoryHeadroom"_s).toDouble();
    m_waste->setText(costview::formatMoney(idle + memory, currency));
    const QJsonValue perTb = s.value(u"costPerTerabyte"_s);
    m_perTb->setText(perTb.isNull() ? tr("n/a") : costview::formatMoney(perTb.toDouble(), currency));
    const auto when = [](const QString &iso) {
        return QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime().toString(u"MMM d, HH:mm"_s);
    };
    m_periodNote->setText(tr("%1 – %2, against %3 – %4. Per-second billing with a one-minute minimum; "
                             "amounts from the runtime's ledger, rounded for display.")
                              .arg(when(s.value(u"from"_s).toString()), when(s.value(u"to"_s).toString()),
                                   when(s.value(u"previous"_s).toObject().value(u"from"_s).toString()),
                                   when(s.value(u"previous"_s).toObject().value(u"to"_s).toString())));

    costview::Bars daily;
    for (const QJsonValue &v : s.value(u"daily"_s).toArray())
        daily.append({dayLabel(v[u"key"_s].toString()), v[u"cost"_s].toDouble()});
    costview::setColumns(m_daily->chart(), daily, currency, QColor(0x19, 0x76, 0xd2));

    const QString tagKey = s.value(u"tagKey"_s).toString();
    m_byTag->chart()->setTitle(tr("Spend by %1").arg(tagKey));
    costview::Bars tags;
    for (const QJsonValue &v : s.value(u"byTag"_s).toArray())
        tags.append({v[u"key"_s].toString().isEmpty() ? tr("(untagged)") : v[u"key"_s].toString(), v[u"cost"_s].toDouble()});
    std::stable_sort(tags.begin(), tags.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    costview::setHorizontalBars(m_byTag->chart(), tags.mid(0, 10), currency, QColor(0x43, 0xa0, 0x47));

    costview::Bars jobs;
    for (const QJsonValue &v : s.value(u"topJobs"_s).toArray())
        jobs.append({u"%1 (%2)"_s.arg(v[u"name"_s].toString(), v[u"clusterName"_s].toString()), v[u"cost"_s].toDouble()});
    costview::setHorizontalBars(m_topJobs->chart(), jobs.mid(0, 8), currency, QColor(0x8e, 0x24, 0xaa));

    costview::setPie(m_wasteChart->chart(),
                     {{tr("Idle"), idle}, {tr("Unused memory"), memory}, {tr("Used"), std::max(0.0, total - idle - memory)}},
                     currency, {QColor(0xef, 0x6c, 0x00), QColor(0xfb, 0xc0, 0x2d), QColor(0x43, 0xa0, 0x47)});

    // Budgets: one bar each, coloured by level (80% warning, 100% exceeded).
    while (QLayoutItem *item = m_budgets->takeAt(0)) {
        delete item->widget();
        delete item->layout();
        delete item;
    }
    const QJsonArray budgets = s.value(u"budgets"_s).toArray();
    if (budgets.isEmpty()) {
        auto *none = new QLabel(tr("No budgets set (POST /api/v1/budgets {\"tag\": \"team=data\", \"limit\": 500})."),
                                m_budgetBox);
        none->setStyleSheet(u"color: palette(placeholder-text);"_s);
        m_budgets->addWidget(none);
    }
    for (const QJsonValue &v : budgets) {
        const QJsonObject b = v.toObject();
        const QString level = b[u"level"_s].toString();
        const double fraction = b[u"fraction"_s].toDouble();
        auto *row = new QWidget(m_budgetBox);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(row);
        label->setObjectName(u"budgetLine"_s);
        const QString levelText = level == "exceeded"_L1 ? tr("exceeded") : level == "warning"_L1 ? tr("warning") : tr("ok");
        label->setText(u"%1: %2 %  %3"_s.arg(b[u"tag"_s].toString()).arg(fraction * 100, 0, 'f', 1).arg(levelText));
        label->setMinimumWidth(220);
        auto *progress = new QProgressBar(row);
        progress->setRange(0, 1000);
        progress->setValue(int(std::min(1.0, fraction) * 1000));
        progress->setTextVisible(true);
        progress->setFormat(tr("%1 of %2").arg(costview::formatMoney(b[u"spent"_s].toDouble(), currency),
                                               costview::formatMoney(b[u"limit"_s].toDouble(), currency)));
        const QString color = level == "exceeded"_L1 ? u"#c62828"_s : level == "warning"_L1 ? u"#ef6c00"_s : u"#43a047"_s;
        progress->setStyleSheet(u"QProgressBar::chunk { background: %1; }"_s.arg(color));
        h->addWidget(label);
        h->addWidget(progress, 1);
        m_budgets->addWidget(row);
    }
    m_csv->setEnabled(true);
    m_pdf->setEnabled(true);
}

bool SummaryPanel::exportCsv(const QString &path, QString *error) const
{
    return costview::writeTextFile(path, costview::summaryCsv(m_summary), error);
}

bool SummaryPanel::exportPdf(const QString &path, QString *error) const
{
    return costview::writeSummaryPdf(m_summary, tr("ClusterDeck cost report"), path, error);
}

void SummaryPanel::exportCsvClicked()
{
    costview::exportThroughDialog(this, tr("Export the summary"), u"cost-summary.csv"_s, tr("CSV (*.csv)"),
                                  [this](const QString &path, QString *error) { return exportCsv(path, error); });
}

void SummaryPanel::exportPdfClicked()
{
    costview::exportThroughDialog(this, tr("Export the PDF report"), u"cost-report.pdf"_s, tr("PDF (*.pdf)"),
                                  [this](const QString &path, QString *error) { return exportPdf(path, error); });
}

} // namespace cdeck
