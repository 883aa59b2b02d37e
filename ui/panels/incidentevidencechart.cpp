// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "incidentevidencechart.h"

#include "incidentwords.h"
#include "ui/presentation.h"
#include "ui/widgets/timechart.h"

#include <QComboBox>
#include <QLabel>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace cdeck {

using presentation::formatBytes;

namespace {

// Evidence series of one unit share a chart: bytes, or counts (tasks, workers, samples).
QString unitOf(const QString &series)
{
    if (series.contains(u"bytes_in_per_s"_s) || series.contains(u"bytes_out_per_s"_s))
        return u"bytes/s"_s;
    return series.contains(u"bytes"_s) ? u"bytes"_s : u"count"_s;
}

// The table's tones (a theme change reaches the chart's lines through followPalette when it paints).
const presentation::Tone kEvidenceColors[]
    = {presentation::Tone::Danger, presentation::Tone::Info,   presentation::Tone::Success,
       presentation::Tone::Purple, presentation::Tone::Orange, presentation::Tone::Teal};

QList<const triage::Evidence *> seriesEvidence(const triage::Incident &incident)
{
    QList<const triage::Evidence *> list;
    for (const triage::Evidence &e : incident.evidence)
        if (e.kind == triage::Evidence::Series && !e.series.isEmpty())
            list.append(&e);
    return list;
}

// The units in the order the evidence names them: the chooser's entries.
QStringList unitsOf(const triage::Incident &incident)
{
    QStringList units;
    for (const triage::Evidence *e : seriesEvidence(incident))
        if (!units.contains(unitOf(e->series)))
            units.append(unitOf(e->series));
    return units;
}

QString queryKey(const MetricsQuery &q)
{
    // The end rounded to 10 s: an open incident's evidence grows every detector round; one fetch per 10 s is enough.
    return q.series.join(u',') + u'|' + q.executors.join(u',') + u'|' + QString::number(q.fromMs) + u'|'
        + QString::number(q.toMs / 10000);
}

} // namespace

IncidentEvidenceChart::IncidentEvidenceChart(TimeChart *chart, QComboBox *unitChooser, QLabel *note)
    : m_chart(chart)
    , m_unitChooser(unitChooser)
    , m_note(note)
{
}

std::optional<MetricsQuery> IncidentEvidenceChart::query(const triage::Incident &incident, const QDateTime &now)
{
    const QList<const triage::Evidence *> list = seriesEvidence(incident);
    if (list.isEmpty())
        return std::nullopt;
    MetricsQuery q;
    qint64 from = std::numeric_limits<qint64>::max();
    qint64 to = 0;
    for (const triage::Evidence *e : list) {
        if (!q.series.contains(e->series))
            q.series.append(e->series);
        const QString executor = e->executor.isEmpty() ? u"total"_s : e->executor;
        if (!q.executors.contains(executor))
            q.executors.append(executor);
        from = std::min(from, e->fromMs > 0 ? e->fromMs : incident.start.toMSecsSinceEpoch());
        to = std::max(to, e->toMs);
    }
    from = std::min(from, incident.start.toMSecsSinceEpoch());
    to = std::max(to, incident.isOpen() ? now.toMSecsSinceEpoch() : incident.end.toMSecsSinceEpoch());
    const qint64 margin = std::max<qint64>(30000, (to - from) / 4);
    q.fromMs = std::max<qint64>(1, from - margin);
    q.toMs = std::min(to + margin, now.toMSecsSinceEpoch());
    if (q.toMs <= q.fromMs)
        q.toMs = q.fromMs + 1000;
    return q;
}

std::optional<MetricsQuery> IncidentEvidenceChart::show(const triage::Incident *incident)
{
    m_shown = incident ? std::optional(*incident) : std::nullopt;
    std::optional<MetricsQuery> ask;
    if (incident)
        if (const auto q = query(*incident, QDateTime::currentDateTimeUtc())) {
            const QString key = queryKey(*q);
            if (m_asked.value(incident->id) != key) {
                m_asked.insert(incident->id, key);
                ask = q;
            }
        }
    draw();
    return ask;
}

void IncidentEvidenceChart::setEvidence(const QString &incidentId, const QList<MetricSeriesData> &series,
                                        const QString &error)
{
    m_answers.insert(incidentId, Answer{series, error, true});
    if (m_shown && m_shown->id == incidentId)
        draw();
}

QStringList IncidentEvidenceChart::groups() const
{
    QStringList groups;
    if (const triage::Incident *i = m_shown ? &*m_shown : nullptr)
        for (const QString &unit : unitsOf(*i)) {
            QStringList titles;
            for (const triage::Evidence *e : seriesEvidence(*i))
                if (unitOf(e->series) == unit)
                    titles.append(e->title);
            groups.append(titles.join(u"; "_s));
        }
    return groups;
}

void IncidentEvidenceChart::showGroup(int index)
{
    m_group = index;
    draw();
}

void IncidentEvidenceChart::clear()
{
    m_shown.reset();
    m_asked.clear();
    m_answers.clear();
    draw();
}

void IncidentEvidenceChart::draw()
{
    const triage::Incident *i = m_shown ? &*m_shown : nullptr;
    const QStringList units = i ? unitsOf(*i) : QStringList();
    const QStringList entries = groups();
    if (m_unitChooser->count() != entries.size() || [&] {
            for (int k = 0; k < entries.size(); ++k)
                if (m_unitChooser->itemText(k) != entries[k])
                    return true;
            return false;
        }()) {
        QSignalBlocker blocker(m_unitChooser);
        m_unitChooser->clear();
        m_unitChooser->addItems(entries);
        m_group = 0;
    }
    m_group = std::clamp(m_group, 0, std::max(0, int(units.size()) - 1));
    m_unitChooser->setCurrentIndex(m_group);
    m_unitChooser->setVisible(entries.size() > 1);
    const auto q = i ? query(*i, QDateTime::currentDateTimeUtc()) : std::nullopt;
    if (!i || !q) {
        m_chart->setMarkers({});
        m_chart->setFrame(0, 1000, {}, 1000);
        m_note->setText(i ? tr("This incident's evidence is in its words, not in a series.") : QString());
        return;
    }
    const Answer answer = m_answers.value(i->id);
    const QString unit = units.value(m_group);
    QList<ChartLine> lines;
    int colour = 0;
    for (const triage::Evidence *e : seriesEvidence(*i)) {
        if (unitOf(e->series) != unit)
            continue;
        ChartLine line;
        line.key = e->series + u'/' + e->executor;
        line.label = e->title;
        line.color = presentation::tone(kEvidenceColors[colour++ % std::size(kEvidenceColors)]);
        line.width = 2;
        for (const MetricSeriesData &s : answer.series)
            if (s.name == e->series && s.executor == e->executor)
                for (const MetricBucket &b : s.points)
                    line.points.append(QPointF(double(b.timestampMs), b.mean));
        lines.append(line);
    }
    if (unit == "bytes"_L1) {
        m_chart->setValueFormatter([](double v) { return formatBytes(qint64(v)); });
        m_chart->setValueUnits(
            {{1.0, tr("bytes")}, {1024.0, tr("KiB")}, {1024.0 * 1024, tr("MiB")}, {1024.0 * 1024 * 1024, tr("GiB")}});
    } else if (unit == "bytes/s"_L1) {
        m_chart->setValueFormatter([](double v) { return formatBytes(qint64(v)) + u"/s"_s; });
        m_chart->setValueUnits({{1.0, tr("B/s")},
                                {1024.0, tr("KiB/s")},
                                {1024.0 * 1024, tr("MiB/s")},
                                {1024.0 * 1024 * 1024, tr("GiB/s")}});
    } else {
        m_chart->setValueFormatter([](double v) { return presentation::formatCount(v); });
        m_chart->setValueUnits({{1.0, tr("count")}});
    }
    QList<ChartMarker> markers{
        {i->start.toMSecsSinceEpoch(), tr("incident start"), incidentwords::severityColor(i->severity)}};
    if (!i->isOpen())
        markers.append({i->end.toMSecsSinceEpoch(), tr("ended"), presentation::tone(presentation::Tone::Neutral)});
    m_chart->setMarkers(markers);
    m_chart->setFrame(q->fromMs, q->toMs, lines, 5000, lines.isEmpty() ? QString() : lines.first().key,
                      tr("no samples"));
    int points = 0;
    for (const ChartLine &l : lines)
        points += int(l.points.size());
    m_note->setText(!answer.arrived               ? tr("loading the series…")
                        : !answer.error.isEmpty() ? tr("series unavailable: %1").arg(answer.error)
                        : points == 0             ? tr("no samples stored for this range")
                                                  : QString());
}

} // namespace cdeck
