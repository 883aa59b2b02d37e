// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "costpanel.h"

#include "ui/cost/costcharts.h"
#include "ui/cost/costexport.h"
#include "ui/presentation.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

QTableWidget *table(const QStringList &headers, const QString &objectName, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    // The first column (instance, job name) takes the spare width; the figures stay next to it.
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->horizontalHeader()->setStretchLastSection(false);
    t->setAlternatingRowColors(true);
    return t;
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString shortTime(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? presentation::formatTime(t) : iso;
}

} // namespace

CostPanel::CostPanel(QWidget *parent)
    : QWidget(parent)
    , m_rate(costview::makeFigure(u"costRate"_s, 1.5, this))
    , m_total(costview::makeFigure(u"costTotal"_s, 1.5, this))
    , m_idle(costview::makeFigure(u"costIdle"_s, 1.5, this))
    , m_perTb(costview::makeFigure(u"costPerTb"_s, 1.5, this))
    , m_note(new QLabel(this))
    , m_byInstance(costview::makeChartView(tr("Cost by instance"), this))
    , m_breakdown(costview::makeChartView(tr("Where the money went"), this))
    , m_lines(table({tr("Instance"), tr("Role"), tr("Type"), tr("Market"), tr("Start"), tr("End"), tr("Billed s"),
                     tr("Rate"), tr("Cost")},
                    u"costLines"_s, this))
    , m_jobs(table({tr("Job"), tr("Id"), tr("Cost")}, u"costJobs"_s, this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
{
    setObjectName(u"costPanel"_s);
    m_export->setObjectName(u"exportClusterCsv"_s);
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, &CostPanel::exportClicked);
    m_note->setObjectName(u"costNote"_s);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(u"color: palette(placeholder-text);"_s);

    auto *tiles = new QHBoxLayout;
    tiles->addWidget(costview::makeFigureTile(tr("Now"), m_rate, false, this));
    tiles->addWidget(costview::makeFigureTile(tr("So far"), m_total, false, this));
    tiles->addWidget(costview::makeFigureTile(tr("Idle share"), m_idle, false, this));
    tiles->addWidget(costview::makeFigureTile(tr("Cost per TB processed"), m_perTb, false, this));
    tiles->addStretch(1);
    tiles->addWidget(m_export, 0, Qt::AlignBottom);

    auto *charts = new QHBoxLayout;
    charts->addWidget(m_byInstance, 1);
    charts->addWidget(m_breakdown, 1);

    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(m_lines);
    tables->addWidget(m_jobs);
    tables->setStretchFactor(0, 3);
    tables->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(tiles);
    layout->addWidget(m_note);
    layout->addLayout(charts, 3);
    layout->addWidget(tables, 2);
    m_lines->setAccessibleName(tr("Ledger lines"));
    m_jobs->setAccessibleName(tr("Cost by job"));
    clear();
}

void CostPanel::clear()
{
    m_report = {};
    m_clusterId.clear();
    for (QLabel *l : {m_rate, m_total, m_idle, m_perTb})
        l->setText(u"—"_s);
    m_note->setText(tr("Waiting for the runtime's ledger…"));
    m_lines->setRowCount(0);
    m_jobs->setRowCount(0);
    m_export->setEnabled(false);
}

QString CostPanel::rateText() const
{
    return m_rate->text();
}

QString CostPanel::totalText() const
{
    return m_total->text();
}

QString CostPanel::idleText() const
{
    return m_idle->text();
}

void CostPanel::setReport(const QString &clusterId, const QJsonObject &report)
{
    m_clusterId = clusterId;
    m_report = report;
    const QString currency = report.value(u"currency"_s).toString();
    const QJsonObject meter = report.value(u"meter"_s).toObject();
    m_rate->setText(costview::formatRate(meter.value(u"ratePerHour"_s).toDouble(), currency));
    m_total->setText(costview::formatMoney(meter.value(u"total"_s).toDouble(), currency));
    const double idle = meter.value(u"idle"_s).toDouble();
    m_idle->setText(u"%1 %  (%2)"_s.arg(meter.value(u"idleShare"_s).toDouble() * 100, 0, 'f', 1)
                        .arg(costview::formatMoney(idle, currency)));
    const QJsonValue perTb = meter.value(u"costPerTerabyte"_s);
    m_perTb->setText(perTb.isNull() ? tr("n/a") : costview::formatMoney(perTb.toDouble(), currency));
    m_perTb->setToolTip(tr("%1 processed (the bytes the jobs' task groups produced)")
                            .arg(presentation::formatBytes(qint64(meter.value(u"bytesProcessed"_s).toDouble()))));
    m_note->setText(tr("Billed per second with a one-minute minimum per instance, from the lifetimes the runtime "
                       "recorded; amounts rounded for display only. Jobs share the workers' cost while they run."));

    const QJsonArray lines = report.value(u"lines"_s).toArray();
    costview::Bars byInstance;
    m_lines->setRowCount(int(lines.size()));
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject l = lines[i].toObject();
        const QString instance = l[u"instance"_s].toString().section(u'/', -1);
        byInstance.append({instance, l[u"cost"_s].toDouble()});
        const bool open = l[u"open"_s].toBool();
        m_lines->setItem(i, 0, cell(instance));
        m_lines->setItem(i, 1, cell(l[u"role"_s].toString()));
        m_lines->setItem(i, 2, cell(l[u"instanceType"_s].toString()));
        m_lines->setItem(i, 3, cell(l[u"market"_s].toString()));
        m_lines->setItem(i, 4, cell(shortTime(l[u"start"_s].toString())));
        m_lines->setItem(i, 5, cell(open ? tr("running") : shortTime(l[u"end"_s].toString())));
        m_lines->setItem(i, 6, cell(QString::number(qint64(l[u"billedSeconds"_s].toDouble())), true));
        m_lines->setItem(i, 7, cell(costview::formatRate(l[u"ratePerHour"_s].toDouble(), currency), true));
        m_lines->setItem(i, 8, cell(costview::formatMoney(l[u"cost"_s].toDouble(), currency, 4), true));
    }
    std::stable_sort(byInstance.begin(), byInstance.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    costview::setHorizontalBars(m_byInstance->chart(), byInstance.mid(0, 12), currency,
                                presentation::tone(presentation::Tone::Info));

    const QJsonArray jobs = report.value(u"jobs"_s).toArray();
    m_jobs->setRowCount(int(jobs.size()));
    for (int i = 0; i < jobs.size(); ++i) {
        const QJsonObject j = jobs[i].toObject();
        m_jobs->setItem(i, 0, cell(j[u"name"_s].toString()));
        m_jobs->setItem(i, 1, cell(j[u"job"_s].toString()));
        m_jobs->setItem(i, 2, cell(costview::formatMoney(j[u"cost"_s].toDouble(), currency, 4), true));
    }
    // Jobs (workers while jobs ran), idle (everything while WAITING), the rest (master while busy, start-up,
    // the one-minute minimum): the three add up to the total.
    const double total = report.value(u"total"_s).toDouble();
    const double busy = meter.value(u"busyExecutorCost"_s).toDouble();
    costview::setPie(m_breakdown->chart(),
                     {{tr("Jobs"), busy}, {tr("Idle"), idle}, {tr("Other"), std::max(0.0, total - busy - idle)}},
                     currency,
                     {presentation::tone(presentation::Tone::Success), presentation::tone(presentation::Tone::Orange),
                      presentation::tone(presentation::Tone::Neutral)});
    m_export->setEnabled(true);
}

bool CostPanel::exportCsv(const QString &path, QString *error) const
{
    return costview::writeTextFile(path, costview::clusterCostCsv(m_report), error);
}

void CostPanel::exportClicked()
{
    costview::exportThroughDialog(this, tr("Export the ledger"), m_clusterId + u"-cost.csv"_s, tr("CSV (*.csv)"),
                                  [this](const QString &path, QString *error) { return exportCsv(path, error); });
}

} // namespace cdeck
