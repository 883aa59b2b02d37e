// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/telemetry/metricstore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <spdlog/spdlog.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck::telemetry {

namespace {

// Level 1: raw -> 1 min; level 2: 1 min -> 1 h. rollup_state holds, per level, the time before
// which every finer row has been folded in (always a whole bucket boundary).
const QList<QStringList> kMigrations = {
    {
        u"CREATE TABLE series (id INTEGER PRIMARY KEY, cluster_id TEXT NOT NULL, executor_id TEXT NOT NULL, "
        "name TEXT NOT NULL, UNIQUE (cluster_id, executor_id, name))"_s,
        u"CREATE TABLE points_raw (series_id INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL, "
        "PRIMARY KEY (series_id, ts)) WITHOUT ROWID"_s,
        u"CREATE TABLE points_1m (series_id INTEGER NOT NULL, ts INTEGER NOT NULL, count INTEGER NOT NULL, "
        "sum REAL NOT NULL, min REAL NOT NULL, max REAL NOT NULL, PRIMARY KEY (series_id, ts)) WITHOUT ROWID"_s,
        u"CREATE TABLE points_1h (series_id INTEGER NOT NULL, ts INTEGER NOT NULL, count INTEGER NOT NULL, "
        "sum REAL NOT NULL, min REAL NOT NULL, max REAL NOT NULL, PRIMARY KEY (series_id, ts)) WITHOUT ROWID"_s,
        u"CREATE TABLE rollup_state (level INTEGER PRIMARY KEY, done_until INTEGER NOT NULL)"_s,
        u"INSERT INTO rollup_state (level, done_until) VALUES (1, 0), (2, 0)"_s,
    },
};

const QString kMergeClause = u" ON CONFLICT (series_id, ts) DO UPDATE SET count = count + excluded.count, "
                             "sum = sum + excluded.sum, min = min(min, excluded.min), max = max(max, excluded.max)"_s;

QString n(qint64 v)
{
    return QString::number(v);
}

auto logger()
{
    auto l = spdlog::get("storage");
    return l ? l : spdlog::default_logger();
}

} // namespace

QList<std::pair<qint64, qint64>> SeriesRange::gaps() const
{
    QList<std::pair<qint64, qint64>> out;
    for (qsizetype i = 1; i < points.size(); ++i) {
        const qint64 expected = points[i - 1].timestampMs + stepMs;
        if (points[i].timestampMs > expected)
            out.append({expected, points[i].timestampMs});
    }
    return out;
}

MetricStore::MetricStore()
    : m_connectionName(u"metricstore-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

MetricStore::~MetricStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int MetricStore::latestSchemaVersion()
{
    return int(kMigrations.size());
}

bool MetricStore::isOpen() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

bool MetricStore::fail(const QString &what, const QString &detail)
{
    m_lastError = what + u": "_s + detail;
    logger()->error("metric store: {}", m_lastError.toStdString());
    return false;
}

bool MetricStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (!q.exec(sql))
        return fail(sql, q.lastError().text());
    return true;
}

bool MetricStore::open(const QString &path, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        m_lastError = u"cannot open %1: %2"_s.arg(path, db.lastError().text());
        if (error)
            *error = m_lastError;
        return false;
    }
    // WAL: the API thread reads while the sampler writes; synchronous=NORMAL is safe with WAL and
    // keeps a 1 s batch cheap.
    if (!exec(u"PRAGMA journal_mode=WAL"_s) || !exec(u"PRAGMA synchronous=NORMAL"_s)) {
        if (error)
            *error = m_lastError;
        db.close();
        return false;
    }
    if (!migrate(error)) {
        db.close();
        return false;
    }
    return true;
}

int MetricStore::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    return q.exec(u"PRAGMA user_version"_s) && q.next() ? q.value(0).toInt() : -1;
}

bool MetricStore::migrate(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    // BEGIN IMMEDIATE: two stores opening the same new file must not both run the migration.
    if (!exec(u"BEGIN IMMEDIATE"_s)) {
        if (error)
            *error = m_lastError;
        return false;
    }
    const int current = schemaVersion();
    if (current < 0 || current > latestSchemaVersion()) {
        exec(u"ROLLBACK"_s);
        m_lastError = u"the metric database has schema version %1, newer than this program understands (%2)"_s
                          .arg(current)
                          .arg(latestSchemaVersion());
        if (error)
            *error = m_lastError;
        return false;
    }
    bool ok = true;
    for (int v = current; ok && v < latestSchemaVersion(); ++v) {
        for (const QString &sql : kMigrations[v])
            ok = ok && exec(sql);
        ok = ok && exec(u"PRAGMA user_version = %1"_s.arg(v + 1));
    }
    if (!ok || !exec(u"COMMIT"_s)) {
        const QString why = m_lastError;
        exec(u"ROLLBACK"_s);
        m_lastError = u"metric database migration failed: %1"_s.arg(why);
        if (error)
            *error = m_lastError;
        return false;
    }
    return true;
}

qint64 MetricStore::seriesId(const QString &clusterId, const QString &executorId, const QString &name, bool create)
{
    const QString cacheKey = clusterId + QChar(0x1f) + executorId + QChar(0x1f) + name;
    if (const auto it = m_seriesIds.constFind(cacheKey); it != m_seriesIds.cend())
        return *it;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery q(db);
    if (create) {
        q.prepare(u"INSERT OR IGNORE INTO series (cluster_id, executor_id, name) VALUES (?, ?, ?)"_s);
        q.addBindValue(clusterId);
        q.addBindValue(executorId.isNull() ? QStringLiteral("") : executorId); // a null QString binds as SQL NULL
        q.addBindValue(name);
        if (!q.exec()) {
            fail(u"creating series %1"_s.arg(name), q.lastError().text());
            return -1;
        }
    }
    q.prepare(u"SELECT id FROM series WHERE cluster_id = ? AND executor_id = ? AND name = ?"_s);
    q.addBindValue(clusterId);
    q.addBindValue(executorId.isNull() ? QStringLiteral("") : executorId); // a null QString binds as SQL NULL
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return -1;
    const qint64 id = q.value(0).toLongLong();
    m_seriesIds.insert(cacheKey, id);
    return id;
}

qint64 MetricStore::watermark(int level) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (!q.exec(u"SELECT done_until FROM rollup_state WHERE level = %1"_s.arg(level)) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool MetricStore::append(const QList<MetricPoint> &batch)
{
    if (batch.isEmpty())
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return fail(u"append"_s, u"the metric store is not open"_s);
    if (!db.transaction())
        return fail(u"append"_s, db.lastError().text());
    const qint64 doneMinute = watermark(1);
    const qint64 doneHour = watermark(2);
    QSqlQuery raw(db);
    raw.prepare(u"INSERT OR IGNORE INTO points_raw (series_id, ts, value) VALUES (?, ?, ?)"_s);
    QSqlQuery late1m(db);
    QSqlQuery late1h(db);
    qsizetype skipped = 0;
    const auto rollbackWith = [&](const QString &why) {
        db.rollback();
        m_seriesIds.clear(); // ids created in the rolled-back transaction are gone
        return fail(u"append"_s, why);
    };
    for (const MetricPoint &p : batch) {
        if (!std::isfinite(p.value)) {
            ++skipped;
            continue;
        }
        if (p.timestampMs < 0 || p.name.isEmpty() || p.clusterId.isEmpty())
            return rollbackWith(u"bad point (cluster '%1', series '%2', time %3)"_s.arg(p.clusterId, p.name).arg(p.timestampMs));
        const qint64 id = seriesId(p.clusterId, p.executorId, p.name, true);
        if (id < 0)
            return rollbackWith(m_lastError);
        raw.bindValue(0, id);
        raw.bindValue(1, p.timestampMs);
        raw.bindValue(2, p.value);
        if (!raw.exec())
            return rollbackWith(raw.lastError().text());
        if (raw.numRowsAffected() != 1 || p.timestampMs >= doneMinute)
            continue; // a duplicate, or not rolled up yet: the next maintain() folds it in
        // Late: its minute (and maybe its hour) was already rolled up; fold it in directly.
        const auto merge = [&](QSqlQuery &q, const QString &table, qint64 bucketMs) {
            if (q.lastQuery().isEmpty())
                q.prepare(u"INSERT INTO "_s + table + u" (series_id, ts, count, sum, min, max) VALUES (?, ?, 1, ?, ?, ?)"_s
                          + kMergeClause);
            q.bindValue(0, id);
            q.bindValue(1, p.timestampMs / bucketMs * bucketMs);
            q.bindValue(2, p.value);
            q.bindValue(3, p.value);
            q.bindValue(4, p.value);
            return q.exec();
        };
        if (!merge(late1m, u"points_1m"_s, kMinuteMs))
            return rollbackWith(late1m.lastError().text());
        if (p.timestampMs < doneHour && !merge(late1h, u"points_1h"_s, kHourMs))
            return rollbackWith(late1h.lastError().text());
    }
    if (!db.commit())
        return rollbackWith(db.lastError().text());
    if (skipped > 0)
        logger()->debug("metric store: {} non-finite values left out as gaps", skipped);
    return true;
}

bool MetricStore::maintain(qint64 nowMs)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return fail(u"maintain"_s, u"the metric store is not open"_s);
    if (!db.transaction())
        return fail(u"maintain"_s, db.lastError().text());
    const auto abort = [&](const QString &why) {
        db.rollback();
        return fail(u"maintain"_s, why);
    };
    QList<qint64> ids;
    {
        QSqlQuery q(db);
        if (!q.exec(u"SELECT id FROM series"_s))
            return abort(q.lastError().text());
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    QSqlQuery q(db);
    // Per series, so every statement walks the (series_id, ts) primary key instead of a table.
    const qint64 doneMinute = watermark(1);
    const qint64 minuteEnd = nowMs / kMinuteMs * kMinuteMs;
    if (minuteEnd > doneMinute) {
        for (qint64 id : ids) {
            const QString sql = u"INSERT INTO points_1m (series_id, ts, count, sum, min, max) "
                                "SELECT series_id, ts / 60000 * 60000 AS b, count(*), sum(value), min(value), max(value) "
                                "FROM points_raw WHERE series_id = %1 AND ts >= %2 AND ts < %3 GROUP BY b"_s
                                    .arg(n(id), n(doneMinute), n(minuteEnd))
                + kMergeClause;
            if (!q.exec(sql))
                return abort(q.lastError().text());
        }
        if (!q.exec(u"UPDATE rollup_state SET done_until = %1 WHERE level = 1"_s.arg(n(minuteEnd))))
            return abort(q.lastError().text());
    }
    const qint64 doneHour = watermark(2);
    const qint64 hourEnd = std::min(nowMs / kHourMs * kHourMs, std::max(minuteEnd, doneMinute));
    if (hourEnd > doneHour) {
        for (qint64 id : ids) {
            const QString sql = u"INSERT INTO points_1h (series_id, ts, count, sum, min, max) "
                                "SELECT series_id, ts / 3600000 * 3600000 AS b, sum(count), sum(sum), min(min), max(max) "
                                "FROM points_1m WHERE series_id = %1 AND ts >= %2 AND ts < %3 GROUP BY b"_s
                                    .arg(n(id), n(doneHour), n(hourEnd))
                + kMergeClause;
            if (!q.exec(sql))
                return abort(q.lastError().text());
        }
        if (!q.exec(u"UPDATE rollup_state SET done_until = %1 WHERE level = 2"_s.arg(n(hourEnd))))
            return abort(q.lastError().text());
    }
    // Retention never outruns the roll-ups: a raw row is only dropped once its minute is folded.
    const qint64 rawBefore = std::min(nowMs - m_retention.rawMs, watermark(1));
    const qint64 minuteBefore = std::min(nowMs - m_retention.minuteMs, watermark(2));
    const qint64 hourBefore = nowMs - m_retention.hourMs;
    for (qint64 id : ids) {
        if (!q.exec(u"DELETE FROM points_raw WHERE series_id = %1 AND ts < %2"_s.arg(n(id), n(rawBefore)))
            || !q.exec(u"DELETE FROM points_1m WHERE series_id = %1 AND ts < %2"_s.arg(n(id), n(minuteBefore)))
            || !q.exec(u"DELETE FROM points_1h WHERE series_id = %1 AND ts < %2"_s.arg(n(id), n(hourBefore))))
            return abort(q.lastError().text());
    }
    if (!db.commit())
        return abort(db.lastError().text());
    return true;
}

QList<SeriesRange> MetricStore::query(const QString &clusterId, const QList<SeriesKey> &series, qint64 fromMs,
                                      qint64 toMs, qint64 stepMs, qint64 nowMs) const
{
    QList<SeriesRange> out;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const bool usable = db.isOpen() && toMs >= fromMs && fromMs >= 0;
    // The finest resolution still holding fromMs, then no finer than the step asks for.
    int level = 0;
    if (fromMs < nowMs - m_retention.minuteMs)
        level = 2;
    else if (fromMs < nowMs - m_retention.rawMs)
        level = 1;
    if (stepMs >= kHourMs)
        level = std::max(level, 2);
    else if (stepMs >= kMinuteMs)
        level = std::max(level, 1);
    const qint64 resolution = level == 2 ? kHourMs : (level == 1 ? kMinuteMs : kRawResolutionMs);
    qint64 step = std::max<qint64>(stepMs, level == 0 ? 1 : resolution);
    if (usable && (toMs - fromMs) / step > kMaxPointsPerSeries)
        step = (toMs - fromMs) / kMaxPointsPerSeries + 1;
    const qint64 from = usable ? fromMs / step * step : 0;
    const qint64 doneMinute = usable ? watermark(1) : 0;
    const qint64 doneHour = usable ? watermark(2) : 0;

    QSqlQuery lookup(db);
    if (usable)
        lookup.prepare(u"SELECT id FROM series WHERE cluster_id = ? AND executor_id = ? AND name = ?"_s);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    for (const SeriesKey &key : series) {
        SeriesRange range{key, step, resolution, {}};
        if (!usable) {
            out.append(range);
            continue;
        }
        lookup.addBindValue(clusterId);
        lookup.addBindValue(key.executorId.isNull() ? QStringLiteral("") : key.executorId);
        lookup.addBindValue(key.name);
        if (!lookup.exec() || !lookup.next()) {
            out.append(range);
            continue;
        }
        const QString id = n(lookup.value(0).toLongLong());
        lookup.finish();
        // Each stored level answers up to its watermark; the finer levels fill in the rest.
        QStringList parts;
        const QString window = u"series_id = %1 AND ts >= %2 AND ts <= %3"_s.arg(id, n(from), n(toMs));
        const QString aggregates = u"SELECT ts, count AS c, sum AS s, min AS mn, max AS mx FROM "_s;
        if (level == 2)
            parts << aggregates + u"points_1h WHERE "_s + window + u" AND ts < "_s + n(doneHour);
        if (level >= 1)
            parts << aggregates + u"points_1m WHERE "_s + window + u" AND ts < "_s + n(doneMinute)
                    + (level == 2 ? u" AND ts >= "_s + n(doneHour) : QString());
        parts << u"SELECT ts, 1 AS c, value AS s, value AS mn, value AS mx FROM points_raw WHERE "_s + window
                + (level >= 1 ? u" AND ts >= "_s + n(doneMinute) : QString());
        const QString sql = u"SELECT ts / %1 * %1 AS b, sum(c), sum(s), min(mn), max(mx) FROM ("_s.arg(n(step))
            + parts.join(u" UNION ALL "_s) + u") GROUP BY b ORDER BY b"_s;
        if (!q.exec(sql)) {
            logger()->error("metric store: query: {}", q.lastError().text().toStdString());
            out.append(range);
            continue;
        }
        while (q.next()) {
            RangePoint p;
            p.timestampMs = q.value(0).toLongLong();
            p.count = q.value(1).toLongLong();
            const double sum = q.value(2).toDouble();
            p.min = q.value(3).toDouble();
            p.max = q.value(4).toDouble();
            p.mean = p.count > 0 ? sum / double(p.count) : 0;
            range.points.append(p);
        }
        out.append(range);
    }
    return out;
}

QList<SeriesKey> MetricStore::seriesOf(const QString &clusterId) const
{
    QList<SeriesKey> out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(u"SELECT executor_id, name FROM series WHERE cluster_id = ? ORDER BY executor_id, name"_s);
    q.addBindValue(clusterId);
    if (q.exec()) {
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString()});
    }
    return out;
}

QStringList MetricStore::clusters() const
{
    QStringList out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (q.exec(u"SELECT DISTINCT cluster_id FROM series ORDER BY cluster_id"_s)) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

qint64 MetricStore::firstTimestamp(const QString &clusterId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(u"SELECT min(t) FROM (SELECT min(ts) AS t FROM points_raw JOIN series ON series.id = series_id "
              "WHERE cluster_id = ? UNION ALL SELECT min(ts) FROM points_1m JOIN series ON series.id = series_id "
              "WHERE cluster_id = ? UNION ALL SELECT min(ts) FROM points_1h JOIN series ON series.id = series_id "
              "WHERE cluster_id = ?)"_s);
    for (int i = 0; i < 3; ++i)
        q.addBindValue(clusterId);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return -1;
    return q.value(0).toLongLong();
}

qint64 MetricStore::rowCount(const QString &table) const
{
    QString t;
    if (table == "raw"_L1)
        t = u"points_raw"_s;
    else if (table == "1m"_L1)
        t = u"points_1m"_s;
    else if (table == "1h"_L1)
        t = u"points_1h"_s;
    else
        return -1;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    return q.exec(u"SELECT count(*) FROM "_s + t) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace cdeck::telemetry
