// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "costexport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck::costview {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("cdeck::costview", text, disambiguation, n);
}

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n'))
        return s;
    QString quoted = s;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString csvRow(const QStringList &fields)
{
    QStringList out;
    for (const QString &f : fields)
        out.append(csvField(f));
    return out.join(u',') + u"\r\n"_s;
}

QString amount(double v)
{
    return QString::number(v, 'f', 2);
}

QString displayTime(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? QString(t.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s) : iso;
}

} // namespace

QString formatMoney(double amountValue, const QString &currency, int decimals)
{
    const QLocale l(QLocale::English, QLocale::UnitedStates); // grouping a finance reader expects
    const double rounded = std::round(amountValue * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    const QString number = l.toString(std::abs(rounded), 'f', decimals);
    const QString sign = rounded < 0 ? u"−"_s : QString();
    if (currency == "USD"_L1 || currency.isEmpty())
        return sign + u'$' + number;
    return sign + number + u' ' + currency;
}

QString formatRate(double perHour, const QString &currency)
{
    return formatMoney(perHour, currency, 3) + u"/h"_s;
}

int moneyDecimals(double largestShownTogether)
{
    return std::abs(largestShownTogether) < 1 ? 4 : 2;
}

QString roundingRuleText()
{
    return tr("Amounts are rounded half away from zero to the cent, or to a hundredth of a cent where the largest "
              "amount of a figure, chart or table is under 1.");
}

QString formatMoneyAmong(double amountValue, double largest, const QString &currency)
{
    return formatMoney(amountValue, currency, moneyDecimals(std::max(std::abs(amountValue), std::abs(largest))));
}

QString forecastBasisText(const QJsonObject &f, const QString &currency)
{
    const double mtd = f.value(u"monthToDate"_s).toDouble();
    const double running = f.value(u"running"_s).toDouble();
    const double trend = f.value(u"trend"_s).toDouble();
    const double largest = std::max({mtd, running, trend});
    const int instances = f.value(u"runningInstances"_s).toInt();
    const int hours = int(std::lround(f.value(u"hoursLeft"_s).toDouble()));
    const int days = f.value(u"basisDays"_s).toInt();
    QString text = tr("Month to date %1").arg(formatMoneyAmong(mtd, largest, currency));
    if (instances > 0)
        text += tr(" + %n running instance(s) at %1 for the %2 left", nullptr, instances)
                    .arg(formatRate(f.value(u"runningRatePerHour"_s).toDouble(), currency),
                         tr("%n hour(s)", nullptr, hours))
            + u" ("_s + formatMoneyAmong(running, largest, currency) + u')';
    else
        text += tr(" + nothing running now");
    if (days > 0)
        text += tr(" + the trend of %n complete day(s) of ended instances", nullptr, days) + u" ("_s
            + formatMoneyAmong(trend, largest, currency) + u')';
    else
        text += tr(" (no complete day of ended instances to fit a trend on)");
    return text + u'.';
}

QString topJobLabel(const QJsonObject &job)
{
    const QDateTime started = QDateTime::fromString(job.value(u"started"_s).toString(), Qt::ISODateWithMs);
    QString label = job.value(u"name"_s).toString();
    if (label.isEmpty())
        label = job.value(u"job"_s).toString();
    if (!job.value(u"clusterName"_s).toString().isEmpty())
        label += u" · "_s + job.value(u"clusterName"_s).toString();
    if (started.isValid()) // a run of today by its time, an older one with its day
        label += u" · "_s
            + QLocale().toString(started.toLocalTime(), // the user's month names, as the summary's dates
                                 started.toLocalTime().date() == QDate::currentDate() ? u"HH:mm"_s : u"MMM d HH:mm"_s);
    return label;
}

QString summaryCsv(const QJsonObject &s)
{
    QString out = csvRow({u"section"_s, u"key"_s, u"name"_s, u"amount"_s, u"extra"_s});
    const QString currency = s.value(u"currency"_s).toString();
    out += csvRow({u"period"_s, s.value(u"from"_s).toString(), s.value(u"to"_s).toString(),
                   amount(s.value(u"total"_s).toDouble()), currency});
    const QJsonObject prev = s.value(u"previous"_s).toObject();
    out += csvRow({u"previous period"_s, prev.value(u"from"_s).toString(), prev.value(u"to"_s).toString(),
                   amount(prev.value(u"total"_s).toDouble()), currency});
    for (const QJsonValue &v : s.value(u"daily"_s).toArray())
        out += csvRow({u"day"_s, v[u"key"_s].toString(), QString(), amount(v[u"cost"_s].toDouble()), QString()});
    const QString tagKey = s.value(u"tagKey"_s).toString();
    for (const QJsonValue &v : s.value(u"byTag"_s).toArray())
        out += csvRow({u"tag"_s, tagKey + u'=' + v[u"key"_s].toString(),
                       v[u"key"_s].toString().isEmpty() ? tr("(untagged)") : v[u"key"_s].toString(),
                       amount(v[u"cost"_s].toDouble()), QString()});
    for (const QJsonValue &v : s.value(u"byCluster"_s).toArray())
        out += csvRow({u"cluster"_s, v[u"cluster"_s].toString(), v[u"name"_s].toString(),
                       amount(v[u"cost"_s].toDouble()), QString()});
    for (const QJsonValue &v : s.value(u"topJobs"_s).toArray())
        out += csvRow({u"job"_s, v[u"job"_s].toString(), v[u"name"_s].toString(), amount(v[u"cost"_s].toDouble()),
                       v[u"clusterName"_s].toString()});
    const QJsonObject waste = s.value(u"waste"_s).toObject();
    out += csvRow({u"waste"_s, u"idle"_s, tr("instances billed while waiting for work"),
                   amount(waste.value(u"idle"_s).toDouble()), QString()});
    out += csvRow({u"waste"_s, u"memoryHeadroom"_s, tr("worker memory paid for but unused"),
                   amount(waste.value(u"memoryHeadroom"_s).toDouble()), QString()});
    for (const QJsonValue &v : s.value(u"budgets"_s).toArray())
        out += csvRow({u"budget"_s, v[u"tag"_s].toString(), v[u"level"_s].toString(), amount(v[u"spent"_s].toDouble()),
                       amount(v[u"limit"_s].toDouble())});
    const QJsonObject f = s.value(u"forecast"_s).toObject();
    out += csvRow({u"forecast"_s, u"monthToDate"_s, QString(), amount(f.value(u"monthToDate"_s).toDouble()), QString()});
    out += csvRow({u"forecast"_s, u"monthEnd"_s, QString(), amount(f.value(u"monthEnd"_s).toDouble()),
                   QString::number(f.value(u"basisDays"_s).toInt()) + u" days basis"_s});
    return out;
}

QString clusterCostCsv(const QJsonObject &report)
{
    QString out = csvRow({u"instance"_s, u"role"_s, u"instanceType"_s, u"market"_s, u"start"_s, u"end"_s, u"seconds"_s,
                          u"billedSeconds"_s, u"ratePerHour"_s, u"cost"_s});
    for (const QJsonValue &v : report.value(u"lines"_s).toArray()) {
        const QJsonObject l = v.toObject();
        out += csvRow({l[u"instance"_s].toString(), l[u"role"_s].toString(), l[u"instanceType"_s].toString(),
                       l[u"market"_s].toString(), l[u"start"_s].toString(), l[u"end"_s].toString(),
                       QString::number(l[u"seconds"_s].toDouble(), 'f', 3),
                       QString::number(qint64(l[u"billedSeconds"_s].toDouble())),
                       QString::number(l[u"ratePerHour"_s].toDouble(), 'f', 6),
                       QString::number(l[u"cost"_s].toDouble(), 'f', 6)});
    }
    out += csvRow({u"total"_s, QString(), QString(), QString(), QString(), QString(), QString(), QString(), QString(),
                   QString::number(report.value(u"total"_s).toDouble(), 'f', 6)});
    return out;
}

namespace {

// Lays the report out top to bottom on A4 pages, in device pixels (mm() converts).
class PdfReport
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::costview) // its footer's words, with the rest of the report's

public:
    PdfReport(QPdfWriter &writer, QPainter &painter)
        : m_writer(writer)
        , m_p(painter)
        , m_unit(writer.resolution() / 25.4)
    {
        m_left = mm(18);
        m_width = int(writer.width() - 2 * m_left);
        m_bottom = int(writer.height() - mm(18));
        m_y = mm(16);
    }

    int mm(double v) const { return int(v * m_unit); }
    int width() const { return m_width; }
    int left() const { return m_left; }

    void font(double points, bool bold = false, QColor color = QColor(0x21, 0x21, 0x21))
    {
        QFont f(u"DejaVu Sans"_s);
        f.setPointSizeF(points);
        f.setBold(bold);
        m_p.setFont(f);
        m_p.setPen(color);
    }

    void need(int height)
    {
        if (m_y + height <= m_bottom)
            return;
        footer();
        m_writer.newPage();
        ++m_page;
        m_y = mm(16);
    }

    void text(const QString &s, double points, bool bold = false, QColor color = QColor(0x21, 0x21, 0x21))
    {
        font(points, bold, color);
        const int h = m_p.fontMetrics().height();
        need(h);
        m_p.drawText(QRect(m_left, m_y, m_width, h), Qt::AlignLeft | Qt::AlignVCenter, s);
        m_y += h + mm(1);
    }

    // Text wrapped over as many lines as it needs.
    void paragraph(const QString &s, double points, QColor color = QColor(0x21, 0x21, 0x21))
    {
        font(points, false, color);
        const QRect bounds = m_p.fontMetrics().boundingRect(QRect(0, 0, m_width, 100000), Qt::TextWordWrap, s);
        need(bounds.height());
        m_p.drawText(QRect(m_left, m_y, m_width, bounds.height()), Qt::AlignLeft | Qt::TextWordWrap, s);
        m_y += bounds.height() + mm(1);
    }

    void gap(double millimetres) { m_y += mm(millimetres); }

    void heading(const QString &s)
    {
        gap(4);
        need(mm(16));
        text(s, 13, true, QColor(0x0d, 0x47, 0xa1));
        m_p.setPen(QPen(QColor(0x90, 0xa4, 0xae), mm(0.3)));
        m_p.drawLine(m_left, m_y, m_left + m_width, m_y);
        gap(2);
    }

    // Label | amount | a bar proportional to the largest amount.
    void barRows(const QList<std::pair<QString, double>> &rows, const QString &currency, QColor color)
    {
        double max = 0;
        for (const auto &r : rows)
            max = std::max(max, r.second);
        font(9.5);
        const int h = m_p.fontMetrics().height() + mm(1.5);
        const int labelW = int(m_width * 0.38), amountW = int(m_width * 0.17);
        for (const auto &[label, value] : rows) {
            need(h);
            font(9.5);
            m_p.drawText(QRect(m_left, m_y, labelW - mm(2), h), Qt::AlignLeft | Qt::AlignVCenter,
                         m_p.fontMetrics().elidedText(label, Qt::ElideRight, labelW - mm(2)));
            m_p.drawText(QRect(m_left + labelW, m_y, amountW - mm(2), h), Qt::AlignRight | Qt::AlignVCenter,
                         formatMoneyAmong(value, max, currency));
            const int barMax = m_width - labelW - amountW - mm(2);
            const int w = max > 0 ? int(barMax * value / max) : 0;
            m_p.fillRect(QRect(m_left + labelW + amountW + mm(2), m_y + h / 5, std::max(w, value > 0 ? 1 : 0), h * 3 / 5), color);
            m_y += h;
        }
    }

    // A table: header row, then rows; widths are fractions of the page width; numeric columns right-aligned.
    void table(const QStringList &header, const QList<QStringList> &rows, const QList<double> &widths,
               const QList<bool> &rightAligned)
    {
        font(9.5, true);
        const int h = m_p.fontMetrics().height() + mm(1.5);
        auto drawRow = [&](const QStringList &cells, bool bold, bool shaded) {
            need(h);
            if (shaded)
                m_p.fillRect(QRect(m_left, m_y, m_width, h), QColor(0xf1, 0xf4, 0xf6));
            font(9.5, bold);
            int x = m_left;
            for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i) {
                const int w = int(m_width * widths[i]);
                const QRect cell(x + mm(1), m_y, w - mm(2), h);
                m_p.drawText(cell, (rightAligned.value(i) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                             m_p.fontMetrics().elidedText(cells[i], Qt::ElideRight, cell.width()));
                x += w;
            }
            m_y += h;
        };
        need(h * int(std::min<qsizetype>(rows.size() + 1, 4))); // never a header alone at a page's foot
        drawRow(header, true, true);
        for (qsizetype i = 0; i < rows.size(); ++i)
            drawRow(rows[i], false, i % 2 == 1);
    }

    // Vertical bars, one per day, with the amount of the highest labelled.
    void dailyChart(const QJsonArray &daily, const QString &currency)
    {
        const int h = mm(45);
        need(h + mm(8));
        double max = 0;
        for (const QJsonValue &v : daily)
            max = std::max(max, v[u"cost"_s].toDouble());
        const QRect area(m_left + mm(16), m_y, m_width - mm(16), h);
        m_p.setPen(QPen(QColor(0xb0, 0xbe, 0xc5), mm(0.2)));
        m_p.drawLine(area.bottomLeft(), area.bottomRight());
        font(8, false, QColor(0x60, 0x60, 0x60));
        m_p.drawText(QRect(m_left, area.top(), mm(15), mm(5)), Qt::AlignRight | Qt::AlignTop,
                     formatMoneyAmong(max, max, currency));
        m_p.drawText(QRect(m_left, area.bottom() - mm(5), mm(15), mm(5)), Qt::AlignRight | Qt::AlignBottom,
                     formatMoneyAmong(0, max, currency));
        const int n = int(daily.size());
        if (n > 0 && max > 0) {
            const double slot = std::min(double(area.width()) / n, double(mm(16))); // one day is not a page-wide bar
            for (int i = 0; i < n; ++i) {
                const double v = daily[i][u"cost"_s].toDouble();
                const int bh = int(area.height() * v / max);
                const QRect bar(int(area.left() + i * slot + slot * 0.15), area.bottom() - bh, std::max(1, int(slot * 0.7)), bh);
                m_p.fillRect(bar, QColor(0x19, 0x76, 0xd2));
                if (n <= 16 || i == 0 || i == n - 1) {
                    m_p.drawText(QRect(int(area.left() + i * slot), area.bottom() + mm(1), int(std::max(slot, double(mm(14)))), mm(5)),
                                 Qt::AlignLeft | Qt::AlignTop, daily[i][u"key"_s].toString().mid(5));
                }
            }
        }
        m_y += h + mm(8);
    }

    void footer()
    {
        font(7.5, false, QColor(0x75, 0x75, 0x75));
        const int h = m_p.fontMetrics().height();
        m_p.drawText(QRect(m_left, int(m_writer.height() - mm(12)), m_width - mm(18), h), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("ClusterDeck cost report · per-second billing, one-minute minimum per instance · see "
                        "\"Rounding\" on page 1"));
        m_p.drawText(QRect(m_left, int(m_writer.height() - mm(12)), m_width, h), Qt::AlignRight | Qt::AlignVCenter,
                     tr("Page %1").arg(m_page));
    }

private:
    QPdfWriter &m_writer;
    QPainter &m_p;
    double m_unit;
    int m_left = 0;
    int m_width = 0;
    int m_bottom = 0;
    int m_y = 0;
    int m_page = 1;
};

} // namespace

bool writeSummaryPdf(const QJsonObject &s, const QString &title, const QString &path, QString *error)
{
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly)) {
            *error = tr("cannot write %1: %2").arg(path, probe.errorString());
            return false;
        }
    }
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setTitle(title);
    writer.setCreator(u"ClusterDeck"_s);
    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = tr("cannot write %1").arg(path);
        return false;
    }
    PdfReport r(writer, painter);
    const QString currency = s.value(u"currency"_s).toString();
    const QJsonObject prev = s.value(u"previous"_s).toObject();
    const double total = s.value(u"total"_s).toDouble();
    const double previous = prev.value(u"total"_s).toDouble();

    r.text(title, 20, true, QColor(0x0d, 0x47, 0xa1));
    r.text(tr("Period %1 – %2").arg(displayTime(s.value(u"from"_s).toString()), displayTime(s.value(u"to"_s).toString())),
           9.5, false, QColor(0x55, 0x55, 0x55));
    r.text(tr("Compared with %1 – %2")
               .arg(displayTime(prev.value(u"from"_s).toString()), displayTime(prev.value(u"to"_s).toString())),
           9.5, false, QColor(0x55, 0x55, 0x55));
    r.text(tr("Generated %1 · currency %2").arg(displayTime(s.value(u"now"_s).toString()), currency), 9.5, false,
           QColor(0x55, 0x55, 0x55));

    r.heading(tr("Summary"));
    const QString change = previous > 0 ? QString(QString::number((total - previous) / previous * 100, 'f', 1) + u" %"_s)
                                        : tr("n/a (no spend before)");
    const QJsonObject f = s.value(u"forecast"_s).toObject();
    const QJsonObject waste = s.value(u"waste"_s).toObject();
    const QJsonValue perTb = s.value(u"costPerTerabyte"_s);
    const double wasteTotal = waste.value(u"idle"_s).toDouble() + waste.value(u"memoryHeadroom"_s).toDouble();
    const double largest = std::max({total, previous, f.value(u"monthEnd"_s).toDouble(), wasteTotal,
                                     perTb.isNull() ? 0.0 : perTb.toDouble()});
    const auto money = [&](double v) { return formatMoneyAmong(v, largest, currency); };
    r.table({tr("Figure"), tr("Amount")},
            {{tr("Spend this period"), money(total)},
             {tr("Spend in the previous period"), money(previous)},
             {tr("Change"), change},
             {tr("Month to date"), money(f.value(u"monthToDate"_s).toDouble())},
             {tr("Forecast for the month (basis below)"), money(f.value(u"monthEnd"_s).toDouble())},
             {tr("Idle (instances billed while waiting for work)"), money(waste.value(u"idle"_s).toDouble())},
             {tr("Unused worker memory (over-provisioned)"), money(waste.value(u"memoryHeadroom"_s).toDouble())},
             {tr("Waste, share of spend"), QString::number(waste.value(u"share"_s).toDouble() * 100, 'f', 1) + u" %"_s},
             {tr("Cost per TB processed"), perTb.isNull() ? tr("n/a") : money(perTb.toDouble())}},
            {0.7, 0.3}, {false, true});
    r.paragraph(tr("Forecast: %1").arg(forecastBasisText(f, currency)), 9, QColor(0x55, 0x55, 0x55));
    r.paragraph(tr("Rounding: %1").arg(roundingRuleText()), 9, QColor(0x55, 0x55, 0x55));

    r.heading(tr("Spend by day"));
    r.dailyChart(s.value(u"daily"_s).toArray(), currency);

    r.heading(tr("Spend by %1").arg(s.value(u"tagKey"_s).toString()));
    QList<std::pair<QString, double>> tags;
    for (const QJsonValue &v : s.value(u"byTag"_s).toArray())
        tags.append({v[u"key"_s].toString().isEmpty() ? tr("(untagged)") : v[u"key"_s].toString(), v[u"cost"_s].toDouble()});
    std::stable_sort(tags.begin(), tags.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    r.barRows(tags, currency, QColor(0x43, 0xa0, 0x47));

    r.heading(tr("Spend by cluster"));
    QList<std::pair<QString, double>> clusters;
    for (const QJsonValue &v : s.value(u"byCluster"_s).toArray())
        clusters.append({v[u"name"_s].toString() + u" (" + v[u"cluster"_s].toString() + u')', v[u"cost"_s].toDouble()});
    std::stable_sort(clusters.begin(), clusters.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    r.barRows(clusters, currency, QColor(0x19, 0x76, 0xd2));

    r.heading(tr("Top jobs by cost"));
    QList<QStringList> jobs;
    double jobMax = 0;
    for (const QJsonValue &v : s.value(u"topJobs"_s).toArray())
        jobMax = std::max(jobMax, v[u"cost"_s].toDouble());
    for (const QJsonValue &v : s.value(u"topJobs"_s).toArray()) {
        const QDateTime started = QDateTime::fromString(v[u"started"_s].toString(), Qt::ISODateWithMs);
        jobs.append({v[u"name"_s].toString(), v[u"job"_s].toString(), v[u"clusterName"_s].toString(),
                     started.isValid() ? started.toUTC().toString(u"MM-dd HH:mm"_s) : QString(),
                     formatMoneyAmong(v[u"cost"_s].toDouble(), jobMax, currency)});
    }
    if (jobs.isEmpty())
        r.text(tr("No job ran in this period."), 9.5);
    else
        r.table({tr("Job"), tr("Id"), tr("Cluster"), tr("Started (UTC)"), tr("Cost")}, jobs,
                {0.24, 0.24, 0.2, 0.16, 0.16}, {false, false, false, false, true});

    r.heading(tr("Waste by cluster"));
    QList<QStringList> wasteRows;
    double wasteMax = 0;
    const QJsonArray wasteClusters = waste.value(u"byCluster"_s).toArray();
    for (const QJsonValue &v : wasteClusters)
        wasteMax = std::max(wasteMax, v[u"total"_s].toDouble());
    for (const QJsonValue &v : wasteClusters)
        wasteRows.append({v[u"name"_s].toString(), v[u"tag"_s].toString(),
                          formatMoneyAmong(v[u"idle"_s].toDouble(), wasteMax, currency),
                          formatMoneyAmong(v[u"memoryHeadroom"_s].toDouble(), wasteMax, currency),
                          v[u"action"_s].toString()});
    if (wasteRows.isEmpty()) {
        r.text(tr("No waste in this period."), 9.5);
    } else {
        r.table({tr("Cluster"), s.value(u"tagKey"_s).toString(), tr("Idle"), tr("Unused memory"), tr("What removes it")},
                wasteRows, {0.16, 0.12, 0.12, 0.14, 0.46}, {false, false, true, true, false});
        for (const QJsonValue &v : wasteClusters)
            if (!v[u"action"_s].toString().isEmpty())
                r.paragraph(u"%1: %2"_s.arg(v[u"name"_s].toString(), v[u"action"_s].toString()), 8.5,
                            QColor(0x55, 0x55, 0x55));
    }

    r.heading(tr("Budgets (this calendar month)"));
    QList<QStringList> budgets;
    for (const QJsonValue &v : s.value(u"budgets"_s).toArray()) {
        const QString level = v[u"level"_s].toString();
        const double budgetMax = std::max(v[u"limit"_s].toDouble(), v[u"spent"_s].toDouble());
        budgets.append({v[u"tag"_s].toString(), formatMoneyAmong(v[u"limit"_s].toDouble(), budgetMax, currency),
                        formatMoneyAmong(v[u"spent"_s].toDouble(), budgetMax, currency),
                        QString::number(v[u"fraction"_s].toDouble() * 100, 'f', 1) + u" %"_s,
                        level == "exceeded"_L1 ? tr("EXCEEDED") : level == "warning"_L1 ? tr("warning (80 %+)") : tr("ok")});
    }
    if (budgets.isEmpty())
        r.text(tr("No budgets set."), 9.5);
    else
        r.table({tr("Tag"), tr("Limit"), tr("Spent"), tr("Used"), tr("Status")}, budgets, {0.3, 0.17, 0.17, 0.14, 0.22},
                {false, true, true, true, false});
    r.footer();
    if (!painter.end()) {
        *error = tr("cannot finish %1").arg(path);
        return false;
    }
    return true;
}

bool writeTextFile(const QString &path, const QString &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

QString suggestedExportPath(const QString &name)
{
    QString folder = QSettings().value(u"export/lastFolder"_s).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    return QDir(folder).filePath(name);
}

void rememberExportFolder(const QString &path)
{
    QSettings().setValue(u"export/lastFolder"_s, QFileInfo(path).absolutePath());
}

void exportThroughDialog(QWidget *parent, const QString &title, const QString &suggestedName, const QString &filter,
                         const std::function<bool(const QString &path, QString *error)> &write)
{
    const QString path = QFileDialog::getSaveFileName(parent, title, suggestedExportPath(suggestedName), filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!write(path, &error)) {
        QMessageBox::warning(parent, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
        return;
    }
    rememberExportFolder(path);
    QMessageBox::information(parent, tr("Exported"),
                             tr("Saved %1 (%2 bytes).").arg(QDir::toNativeSeparators(path)).arg(QFileInfo(path).size()));
}

} // namespace cdeck::costview
