// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "summarypanel.h"

#include "ui/cost/costcharts.h"
#include "ui/cost/costexport.h"
#include "ui/panels/budgetactions.h"
#include "ui/presentation.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QDateEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

// "Dec 7" for a short period; a month's 31 bars only have room for the day of the month.
QString dayLabel(const QString &key, qsizetype days)
{
    const QDate d = QDate::fromString(key, Qt::ISODate);
    if (!d.isValid())
        return key;
    // In the console's language: "Dec 7", "7. Dez." (QDate::toString alone speaks English).
    return days > 14
        ? QString::number(d.day())
        : QLocale().toString(d, QCoreApplication::translate("cdeck::SummaryPanel", "MMM d", "date format"));
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setToolTip(text);
    return item;
}

} // namespace

SummaryPanel::SummaryPanel(QWidget *parent)
    : QWidget(parent)
    , m_period(new QComboBox(this))
    , m_tagKey(new QComboBox(this))
    , m_total(costview::makeFigure(u"summaryTotal"_s, 1.6, this))
    , m_previous(costview::makeFigure(u"summaryPrevious"_s, 1.6, this))
    , m_forecast(costview::makeFigure(u"summaryForecast"_s, 1.6, this))
    , m_forecastBasis(new QLabel(this))
    , m_change(new QLabel(this))
    , m_waste(costview::makeFigure(u"summaryWaste"_s, 1.6, this))
    , m_perTb(costview::makeFigure(u"summaryPerTb"_s, 1.6, this))
    , m_periodNote(new QLabel(this))
    , m_daily(costview::makeChartView(tr("Spend by day"), this))
    , m_byTag(costview::makeChartView(tr("Spend by team"), this))
    , m_topJobs(costview::makeChartView(tr("Top jobs by cost"), this))
    , m_wasteTable(new QTableWidget(0, 6, this))
    , m_wasteByTag(new QLabel(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_budgets(new QVBoxLayout)
    , m_budgetBox(new QGroupBox(tr("Budgets (this calendar month)"), this))
    , m_budgetActions(new BudgetActions(m_budgetBox))
    , m_csv(new QPushButton(tr("Export CSV…"), this))
    , m_pdf(new QPushButton(tr("Export PDF report…"), this))
{
    setObjectName(u"summaryPanel"_s);
    m_period->setObjectName(u"summaryPeriod"_s);
    m_period->addItem(tr("This month"), u"month"_s);
    m_period->addItem(tr("Last month"), u"lastMonth"_s);
    m_period->addItem(tr("Last 7 days"), u"7d"_s);
    m_period->addItem(tr("Last 24 hours"), u"24h"_s);
    m_period->addItem(tr("Custom range"), u"custom"_s);
    m_tagKey->setObjectName(u"summaryTagKey"_s);
    m_tagKey->setToolTip(tr("The tag keys the runtime's clusters carry"));
    m_tagKey->addItem(u"team"_s); // until the runtime says which keys its clusters carry
    m_tagKey->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // Whole UTC days, as the ledger's days are.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        edit->setMaximumDate(today);
        edit->setVisible(false);
        edit->setToolTip(tr("UTC days, both included"));
    }
    m_from->setObjectName(u"summaryFrom"_s);
    m_to->setObjectName(u"summaryTo"_s);
    m_from->setDate(today.addDays(-13));
    m_to->setDate(today);
    m_csv->setObjectName(u"exportSummaryCsv"_s);
    m_pdf->setObjectName(u"exportSummaryPdf"_s);
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_period->currentData().toString() == "custom"_L1;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        Q_EMIT queryChanged();
    });
    connect(m_tagKey, &QComboBox::currentTextChanged, this, &SummaryPanel::queryChanged);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_period->currentData().toString() == "custom"_L1)
                Q_EMIT queryChanged();
        });
    connect(m_csv, &QPushButton::clicked, this, &SummaryPanel::exportCsvClicked);
    connect(m_pdf, &QPushButton::clicked, this, &SummaryPanel::exportPdfClicked);
    m_periodNote->setObjectName(u"summaryPeriodNote"_s);
    m_periodNote->setStyleSheet(u"color: palette(placeholder-text);"_s);
    m_periodNote->setWordWrap(true);
    m_forecastBasis->setObjectName(u"summaryForecastBasis"_s);
    m_forecastBasis->setWordWrap(true);
    m_change->setObjectName(u"summaryChange"_s);
    m_wasteByTag->setObjectName(u"summaryWasteByTag"_s);
    m_wasteByTag->setWordWrap(true);

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
    bar->addWidget(m_from);
    bar->addWidget(m_to);
    bar->addWidget(new QLabel(tr("Group by tag"), this));
    bar->addWidget(m_tagKey);
    bar->addStretch(1);
    bar->addWidget(m_csv);
    bar->addWidget(m_pdf);

    auto *tiles = new QHBoxLayout;
    tiles->addWidget(costview::makeFigureTile(tr("Spend this period"), m_total, true, this));
    QWidget *previousTile = costview::makeFigureTile(tr("Previous period"), m_previous, true, this);
    previousTile->layout()->addWidget(m_change);
    tiles->addWidget(previousTile);
    QWidget *forecastTile = costview::makeFigureTile(tr("Forecast, month end"), m_forecast, true, this);
    forecastTile->layout()->addWidget(m_forecastBasis);
    tiles->addWidget(forecastTile, 2);
    tiles->addWidget(costview::makeFigureTile(tr("Waste (idle + unused memory)"), m_waste, true, this));
    tiles->addWidget(costview::makeFigureTile(tr("Cost per TB processed"), m_perTb, true, this));

    m_wasteTable->setObjectName(u"summaryWasteTable"_s);
    m_wasteTable->setAccessibleName(tr("Waste by cluster"));
    m_period->setAccessibleName(tr("Period"));
    m_tagKey->setAccessibleName(tr("Group by tag"));
    m_wasteTable->setHorizontalHeaderLabels(
        {tr("Cluster"), tr("Team"), tr("Idle"), tr("Memory"), tr("Share"), tr("What removes it")});
    // Short headers leave the action its room; the tooltips say what the figures are.
    m_wasteTable->horizontalHeaderItem(3)->setToolTip(tr("Worker memory paid for but unused"));
    m_wasteTable->horizontalHeaderItem(4)->setToolTip(tr("Waste as a share of the cluster's spend in the period"));
    m_wasteTable->verticalHeader()->hide();
    // The action wraps in the last column; the figures take what they need.
    m_wasteTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_wasteTable->horizontalHeader()->setSectionResizeMode(5, QHeaderView::Stretch);
    m_wasteTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_wasteTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_wasteTable->setTextElideMode(Qt::ElideNone);
    m_wasteTable->setWordWrap(true);
    m_wasteTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *wasteBox = new QGroupBox(tr("Waste by cluster, and what removes it"), this);
    auto *wasteLayout = new QVBoxLayout(wasteBox);
    wasteLayout->addWidget(m_wasteByTag);
    wasteLayout->addWidget(m_wasteTable, 1);

    auto *grid = new QGridLayout;
    grid->addWidget(m_daily, 0, 0);
    grid->addWidget(m_byTag, 0, 1);
    grid->addWidget(m_topJobs, 1, 0);
    grid->addWidget(wasteBox, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    m_budgetBox->setObjectName(u"budgetBox"_s);
    auto *budgetLayout = new QVBoxLayout(m_budgetBox);
    budgetLayout->addLayout(m_budgets);
    budgetLayout->addWidget(m_budgetActions);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_periodNote);
    layout->addLayout(tiles);
    layout->addLayout(grid, 1);
    layout->addWidget(m_budgetBox);
    clear();
}

void SummaryPanel::setPeriod(const QString &key, const QDate &from, const QDate &to)
{
    const QSignalBlocker blockFrom(m_from), blockTo(m_to);
    if (from.isValid())
        m_from->setDate(from);
    if (to.isValid())
        m_to->setDate(to);
    const int index = m_period->findData(key);
    if (index >= 0)
        m_period->setCurrentIndex(index);
}

QString SummaryPanel::query() const
{
    const QString period = m_period->currentData().toString();
    QString q = u"tagKey="_s + QString::fromLatin1(QUrl::toPercentEncoding(m_tagKey->currentText().trimmed()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto ms = [](const QDateTime &t) { return QString::number(t.toMSecsSinceEpoch()); };
    const QDate thisMonth(now.date().year(), now.date().month(), 1);
    if (period == "7d"_L1) {
        q += u"&from="_s + ms(now.addDays(-7));
    } else if (period == "24h"_L1) {
        q += u"&from="_s + ms(now.addSecs(-24 * 3600));
    } else if (period == "lastMonth"_L1) {
        q += u"&from="_s + ms(thisMonth.addMonths(-1).startOfDay(Qt::UTC)) + u"&to="_s + ms(thisMonth.startOfDay(Qt::UTC));
    } else if (period == "custom"_L1) {
        const QDate first = std::min(m_from->date(), m_to->date()), last = std::max(m_from->date(), m_to->date());
        q += u"&from="_s + ms(first.startOfDay(Qt::UTC)) + u"&to="_s + ms(std::min(now, last.addDays(1).startOfDay(Qt::UTC)));
    }
    return q; // "month": the runtime's default, the calendar month so far
}

void SummaryPanel::clear()
{
    m_summary = {};
    for (QLabel *l : {m_total, m_previous, m_forecast, m_waste, m_perTb})
        l->setText(u"—"_s);
    m_forecastBasis->clear();
    m_change->clear();
    m_wasteByTag->clear();
    m_wasteTable->setRowCount(0);
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

QString SummaryPanel::forecastBasis() const
{
    return m_forecastBasis->text();
}

QString SummaryPanel::changeText() const
{
    return m_change->text();
}

QString SummaryPanel::wasteText() const
{
    return m_waste->text();
}

QStringList SummaryPanel::tagKeysOffered() const
{
    QStringList keys;
    for (int i = 0; i < m_tagKey->count(); ++i)
        keys.append(m_tagKey->itemText(i));
    return keys;
}

void SummaryPanel::setSummary(const QJsonObject &s)
{
    m_summary = s;
    const QString currency = s.value(u"currency"_s).toString();
    const double total = s.value(u"total"_s).toDouble();
    const double previous = s.value(u"previous"_s).toObject().value(u"total"_s).toDouble();
    const QJsonObject f = s.value(u"forecast"_s).toObject();
    const QJsonObject waste = s.value(u"waste"_s).toObject();
    const double idle = waste.value(u"idle"_s).toDouble(), memory = waste.value(u"memoryHeadroom"_s).toDouble();
    const QJsonValue perTb = s.value(u"costPerTerabyte"_s);
    // The tiles are read together: one rounding for all of them.
    const double largest = std::max({total, previous, f.value(u"monthEnd"_s).toDouble(), idle + memory,
                                     perTb.isNull() ? 0.0 : perTb.toDouble()});
    const auto money = [&](double v) { return costview::formatMoneyAmong(v, largest, currency); };
    m_total->setText(money(total));
    m_previous->setText(money(previous));
    m_change->setText(previous > 0 ? tr("%1%2 % against the previous period")
                                         .arg(total >= previous ? u"+"_s : u"−"_s)
                                         .arg(std::abs(total - previous) / previous * 100, 0, 'f', 1)
                                   : tr("no spend in the previous period"));
    m_forecast->setText(money(f.value(u"monthEnd"_s).toDouble()));
    m_forecastBasis->setText(costview::forecastBasisText(f, currency));
    m_waste->setText(tr("%1 · %2 % of spend").arg(money(idle + memory)).arg(waste.value(u"share"_s).toDouble() * 100, 0, 'f', 1));
    m_perTb->setText(perTb.isNull() ? tr("n/a") : money(perTb.toDouble()));
    const auto when = [](const QString &iso) {
        return QLocale().toString(QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime(),
                                  QCoreApplication::translate("cdeck::SummaryPanel", "MMM d, HH:mm", "date format"));
    };
    m_periodNote->setText(tr("%1 – %2, against %3 – %4. Per-second billing with a one-minute minimum; "
                             "amounts from the runtime's ledger. %5")
                              .arg(when(s.value(u"from"_s).toString()), when(s.value(u"to"_s).toString()),
                                   when(s.value(u"previous"_s).toObject().value(u"from"_s).toString()),
                                   when(s.value(u"previous"_s).toObject().value(u"to"_s).toString()),
                                   costview::roundingRuleText()));

    // The keys the clusters really carry, the current one kept (and still offered) when none carries it.
    {
        const QSignalBlocker block(m_tagKey);
        const QString current = s.value(u"tagKey"_s).toString().isEmpty() ? m_tagKey->currentText()
                                                                           : s.value(u"tagKey"_s).toString();
        QStringList keys;
        for (const QJsonValue &k : s.value(u"tagKeys"_s).toArray())
            keys.append(k.toString());
        if (!current.isEmpty() && !keys.contains(current))
            keys.prepend(current);
        if (keys != tagKeysOffered()) {
            m_tagKey->clear();
            m_tagKey->addItems(keys);
        }
        m_tagKey->setCurrentText(current);
    }

    costview::Bars daily;
    const QJsonArray days = s.value(u"daily"_s).toArray();
    for (const QJsonValue &v : days)
        daily.append({dayLabel(v[u"key"_s].toString(), days.size()), v[u"cost"_s].toDouble()});
    costview::setColumns(m_daily->chart(), daily, currency, presentation::tone(presentation::Tone::Info));
    m_daily->chart()->setTitle(tr("Spend by day (%n day(s), UTC)", nullptr, int(days.size())));

    const QString tagKey = s.value(u"tagKey"_s).toString();
    m_byTag->chart()->setTitle(tr("Spend by %1").arg(tagKey));
    costview::Bars tags;
    for (const QJsonValue &v : s.value(u"byTag"_s).toArray())
        tags.append({v[u"key"_s].toString().isEmpty() ? tr("(untagged)") : v[u"key"_s].toString(), v[u"cost"_s].toDouble()});
    std::stable_sort(tags.begin(), tags.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    costview::setHorizontalBars(m_byTag->chart(), tags.mid(0, 10), currency,
                                presentation::tone(presentation::Tone::Success));

    // Label and amount from the same record; the start time tells runs of one job on one cluster apart.
    costview::Bars jobs;
    for (const QJsonValue &v : s.value(u"topJobs"_s).toArray())
        jobs.append({costview::topJobLabel(v.toObject()), v[u"cost"_s].toDouble()});
    costview::setHorizontalBars(m_topJobs->chart(), jobs.mid(0, 8), currency,
                                presentation::tone(presentation::Tone::Purple));

    // Waste: per cluster with what would remove it, and per value of the grouping tag.
    m_wasteTable->setHorizontalHeaderItem(1, new QTableWidgetItem(tagKey));
    const QJsonArray wasteRows = waste.value(u"byCluster"_s).toArray();
    double wasteMax = 0;
    for (const QJsonValue &v : wasteRows)
        wasteMax = std::max(wasteMax, v[u"total"_s].toDouble());
    m_wasteTable->setRowCount(int(wasteRows.size()));
    for (int i = 0; i < wasteRows.size(); ++i) {
        const QJsonObject w = wasteRows[i].toObject();
        const double clusterCost = w[u"cost"_s].toDouble();
        m_wasteTable->setItem(i, 0, cell(w[u"name"_s].toString()));
        m_wasteTable->setItem(i, 1, cell(w[u"tag"_s].toString().isEmpty() ? tr("(untagged)") : w[u"tag"_s].toString()));
        m_wasteTable->setItem(i, 2, cell(costview::formatMoneyAmong(w[u"idle"_s].toDouble(), wasteMax, currency), true));
        m_wasteTable->setItem(i, 3, cell(costview::formatMoneyAmong(w[u"memoryHeadroom"_s].toDouble(), wasteMax, currency), true));
        m_wasteTable->setItem(i, 4, cell(clusterCost > 0 ? u"%1 %"_s.arg(w[u"total"_s].toDouble() / clusterCost * 100, 0, 'f', 1)
                                                         : QString(), true));
        m_wasteTable->setItem(i, 5, cell(w[u"action"_s].toString()));
    }
    QStringList byTag;
    double tagMax = 0;
    for (const QJsonValue &v : waste.value(u"byTag"_s).toArray())
        tagMax = std::max(tagMax, v[u"cost"_s].toDouble());
    for (const QJsonValue &v : waste.value(u"byTag"_s).toArray())
        byTag.append(u"%1 %2"_s.arg(v[u"key"_s].toString().isEmpty() ? tr("(untagged)") : v[u"key"_s].toString(),
                                     costview::formatMoneyAmong(v[u"cost"_s].toDouble(), tagMax, currency)));
    m_wasteByTag->setText(wasteRows.isEmpty() ? tr("No waste in this period.")
                                              : tr("By %1: %2. Idle %3, unused memory %4.")
                                                    .arg(tagKey, byTag.join(u", "_s), money(idle), money(memory)));

    // Budgets: one bar each, coloured by level (80% warning, 100% exceeded).
    while (QLayoutItem *item = m_budgets->takeAt(0)) {
        delete item->widget();
        delete item->layout();
        delete item;
    }
    const QJsonArray budgets = s.value(u"budgets"_s).toArray();
    if (budgets.isEmpty()) {
        auto *none = new QLabel(tr("No budgets set. Add one to see a team's spending against its monthly limit."),
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
        const double budgetMax = std::max(b[u"spent"_s].toDouble(), b[u"limit"_s].toDouble());
        progress->setFormat(tr("%1 of %2").arg(costview::formatMoneyAmong(b[u"spent"_s].toDouble(), budgetMax, currency),
                                               costview::formatMoneyAmong(b[u"limit"_s].toDouble(), budgetMax, currency)));
        using presentation::Tone;
        const QString color = presentation::tone(level == "exceeded"_L1      ? Tone::Danger
                                                     : level == "warning"_L1 ? Tone::Orange
                                                                             : Tone::Success)
                                  .name();
        progress->setStyleSheet(u"QProgressBar::chunk { background: %1; }"_s.arg(color));
        h->addWidget(label);
        h->addWidget(progress, 1);
        m_budgets->addWidget(row);
    }
    m_budgetActions->setBudgets(budgets, currency);
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
