// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "metricswire.h"

#include "core/model/jsonutil.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

bool readExecutor(const QJsonValue &v, QString *executor)
{
    if (v.isNull() || v.isUndefined()) {
        executor->clear();
        return true;
    }
    if (!v.isString() || v.toString().isEmpty())
        return false;
    *executor = v.toString();
    return true;
}

void noteError(QString *error, const QString &message)
{
    if (error && error->isEmpty())
        *error = message;
}

} // namespace

QList<MetricSeriesData> parseMetricSeries(const QJsonArray &array, QString *error)
{
    QList<MetricSeriesData> result;
    result.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        MetricSeriesData s;
        s.name = o.value(u"name"_s).toString();
        if (s.name.isEmpty() || !readExecutor(o.value(u"executor"_s), &s.executor)) {
            noteError(error, u"series %1: no name or a bad executor"_s.arg(i));
            continue;
        }
        s.stepMs = json::saturatingInteger(o.value(u"stepMs"_s).toDouble(1000));
        const QJsonArray points = o.value(u"points"_s).toArray();
        s.points.reserve(points.size());
        for (qsizetype j = 0; j < points.size(); ++j) {
            const QJsonArray p = points.at(j).toArray();
            if (p.size() < 4 || !p.at(0).isDouble() || !p.at(1).isDouble() || !p.at(2).isDouble() || !p.at(3).isDouble()) {
                noteError(error, u"series %1 (%2) point %3: expected [epochMs, mean, min, max]"_s.arg(i).arg(s.name).arg(j));
                continue;
            }
            s.points.append({json::saturatingInteger(p.at(0).toDouble()), p.at(1).toDouble(), p.at(2).toDouble(), p.at(3).toDouble()});
        }
        for (const QJsonValue &g : o.value(u"gaps"_s).toArray()) {
            const QJsonArray gap = g.toArray();
            if (gap.size() == 2)
                s.gaps.append({json::saturatingInteger(gap.at(0).toDouble()), json::saturatingInteger(gap.at(1).toDouble())});
        }
        result.append(std::move(s));
    }
    return result;
}

MetricBatch parseMetricBatch(const QByteArray &json, QString *error)
{
    MetricBatch batch;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        noteError(error, u"samples event: not a JSON object (%1)"_s.arg(parseError.errorString()));
        return batch;
    }
    const QJsonObject o = doc.object();
    batch.clusterId = o.value(u"clusterId"_s).toString();
    batch.timestampMs = json::saturatingInteger(o.value(u"timestampMs"_s).toDouble());
    if (batch.timestampMs <= 0)
        noteError(error, u"samples event: no timestampMs"_s);
    const QJsonArray samples = o.value(u"samples"_s).toArray();
    batch.samples.reserve(samples.size());
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const QJsonObject s = samples.at(i).toObject();
        MetricSample sample;
        sample.name = s.value(u"name"_s).toString();
        const QJsonValue value = s.value(u"value"_s);
        if (sample.name.isEmpty() || !value.isDouble() || !readExecutor(s.value(u"executor"_s), &sample.executor)) {
            noteError(error, u"samples event: sample %1 is malformed"_s.arg(i));
            continue;
        }
        sample.value = value.toDouble();
        batch.samples.append(std::move(sample));
    }
    return batch;
}

} // namespace cdeck
