// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// A cluster's logs over the API, on a real runtime with real Dask: the list of sources, byte ranges
// checked against the files on disk, hostile names and ranges, and following a live executor's log
// while a job writes to it (Server-Sent Events), to the job log's end.
#include "core/backend/runtime/sseparser.h"
#include "runtimeprocess.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

struct Http
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A job whose tasks write marked lines into the worker's own log (the distributed.worker logger goes to
// the worker's stderr, which is logs/w1.log), one every 0.3 s.
constexpr int kMarkers = 12;
const char *kLoggingJob = R"PY(
import logging, os, time
from dask.distributed import Client

def mark(i):
    time.sleep(0.3)
    logging.getLogger("distributed.worker").warning("clusterdeck-follow-marker %d", i)
    return i

client = Client(os.environ["DASK_SCHEDULER_ADDRESS"], timeout="30s")
print("submitting", flush=True)
for i in range(%1):
    client.submit(mark, i, pure=False).result()
print("all markers written", flush=True)
)PY";

} // namespace

class TstLogsIntegration : public QObject
{
    Q_OBJECT
private:
    test::RuntimeProcess m_runtime;
    QString m_clusterId;
    QString m_jobId;
    QTemporaryDir m_scripts;
    QNetworkAccessManager m_network;

    Http get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool token = true,
             const QByteArray &verb = "GET")
    {
        QNetworkRequest request(QUrl(m_runtime.url() + u"/api/v1"_s + path, QUrl::StrictMode));
        if (token)
            request.setRawHeader("Authorization", "Bearer " + m_runtime.token());
        for (const auto &[k, v] : headers)
            request.setRawHeader(k, v);
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        Http r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        for (const auto &[k, v] : reply->rawHeaderPairs())
            r.headers.insert(k.toLower(), v);
        reply->deleteLater();
        return r;
    }

    // The request line exactly as written (QNetworkAccessManager would resolve "..": a client can send it as is).
    int rawGetStatus(const QByteArray &path, QByteArray *body)
    {
        QTcpSocket socket;
        const QUrl base(m_runtime.url());
        socket.connectToHost(base.host(), quint16(base.port()));
        if (!socket.waitForConnected(5000))
            return -1;
        socket.write("GET " + path + " HTTP/1.1\r\nHost: " + base.host().toLatin1() + "\r\nAuthorization: Bearer "
                     + m_runtime.token() + "\r\nConnection: close\r\n\r\n");
        QByteArray all;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
            all += socket.readAll();
        all += socket.readAll();
        *body = all;
        const QList<QByteArray> statusLine = all.left(all.indexOf("\r\n")).split(' ');
        return statusLine.size() >= 2 ? statusLine[1].toInt() : -1;
    }

    QString logsPath() const { return u"/clusters/"_s + m_clusterId + u"/logs"_s; }
    QString logFile(const QString &name) const { return m_runtime.clusterDir(m_clusterId) + u"/logs/"_s + name + u".log"_s; }

    // Follows a log until until() holds or timeoutMs passes; returns the events received.
    QList<SseEvent> follow(const QString &source, const QString &query, const std::function<bool(const QList<SseEvent> &)> &until,
                           int timeoutMs, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                           const std::function<void()> &onOpen = {}, bool *closedByServer = nullptr)
    {
        QNetworkRequest request(QUrl(m_runtime.url() + u"/api/v1"_s + logsPath() + u'/' + source + u'?' + query));
        request.setRawHeader("Authorization", "Bearer " + m_runtime.token());
        request.setRawHeader("Accept", "text/event-stream");
        for (const auto &[k, v] : headers)
            request.setRawHeader(k, v);
        QNetworkReply *reply = m_network.get(request);
        SseParser parser;
        QList<SseEvent> events;
        QEventLoop loop;
        bool opened = false;
        auto check = [&] {
            if (!opened && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                opened = true;
                if (onOpen)
                    onOpen();
            }
            if (reply->isOpen())
                events += parser.feed(reply->readAll());
            if (until(events))
                loop.quit();
        };
        connect(reply, &QNetworkReply::readyRead, &loop, check);
        connect(reply, &QNetworkReply::metaDataChanged, &loop, check);
        connect(reply, &QNetworkReply::finished, &loop, [&] {
            check();
            if (closedByServer)
                *closedByServer = true;
            loop.quit();
        });
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        reply->abort();
        reply->deleteLater();
        return events;
    }

    static QJsonObject dataOf(const SseEvent &e) { return QJsonDocument::fromJson(e.data).object(); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        const ApiReply launched = m_runtime.api("POST", u"/clusters"_s, {{u"name"_s, u"logs"_s}, {u"workers"_s, 1}});
        QCOMPARE(launched.httpStatus, 201);
        m_clusterId = launched.body.toObject().value(u"id"_s).toString();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_runtime.api("GET", u"/clusters/"_s + m_clusterId).body.toObject().value(u"state"_s).toString(), u"WAITING"_s,
            180000);
    }

    void cleanupTestCase()
    {
        if (!m_clusterId.isEmpty() && m_runtime.isRunning())
            m_runtime.cli({u"cluster"_s, u"terminate"_s, m_clusterId, u"--wait"_s, u"--timeout"_s, u"60"_s});
        m_runtime.stopAndReap();
    }

    void listsTheSchedulerAndEachExecutor()
    {
        const Http r = get(logsPath());
        QCOMPARE(r.status, 200);
        const QJsonArray list = QJsonDocument::fromJson(r.body).array();
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &v : list)
            byName.insert(v.toObject().value(u"source"_s).toString(), v.toObject());
        QVERIFY2(byName.contains(u"scheduler"_s) && byName.contains(u"w1"_s), r.body.constData());
        QCOMPARE(byName[u"scheduler"_s].value(u"kind"_s).toString(), u"head"_s);
        QCOMPARE(byName[u"w1"_s].value(u"kind"_s).toString(), u"executor"_s);
        QVERIFY(byName[u"w1"_s].value(u"live"_s).toBool());
        QVERIFY(byName[u"scheduler"_s].value(u"size"_s).toDouble() > 0);
        QCOMPARE(qint64(byName[u"scheduler"_s].value(u"size"_s).toDouble()), QFileInfo(logFile(u"scheduler"_s)).size());
    }

    void rangesAreTheBytesOnDisk()
    {
        const QString path = u"/scheduler"_s;
        const Http whole = get(logsPath() + path);
        QCOMPARE(whole.status, 200);
        QVERIFY(whole.body.contains("distributed.scheduler"));
        QVERIFY(readFile(logFile(u"scheduler"_s)).startsWith(whole.body));
        QCOMPARE(whole.headers.value("accept-ranges"), "bytes");

        const Http first = get(logsPath() + path, {{"Range", "bytes=0-99"}});
        QCOMPARE(first.status, 206);
        QCOMPARE(first.body, readFile(logFile(u"scheduler"_s)).left(100));
        QVERIFY2(first.headers.value("content-range").startsWith("bytes 0-99/"), first.headers.value("content-range"));

        const Http tail = get(logsPath() + path, {{"Range", "bytes=-64"}});
        QCOMPARE(tail.status, 206);
        QCOMPARE(tail.body.size(), 64);
        const QRegularExpressionMatch m = QRegularExpression(u"^bytes (\\d+)-(\\d+)/(\\d+)$"_s)
                                              .match(QString::fromLatin1(tail.headers.value("content-range")));
        QVERIFY(m.hasMatch());
        QCOMPARE(m.captured(2).toLongLong() + 1, m.captured(3).toLongLong()); // it ends at the end
        QCOMPARE(tail.body, readFile(logFile(u"scheduler"_s)).mid(m.captured(1).toLongLong(), 64));

        const qint64 size = QFileInfo(logFile(u"scheduler"_s)).size();
        const Http beyond = get(logsPath() + path, {{"Range", "bytes=" + QByteArray::number(size + 100000) + "-"}});
        QCOMPARE(beyond.status, 416);
        QVERIFY(beyond.headers.value("content-range").startsWith("bytes */"));
        QCOMPARE(beyond.json().value(u"error"_s).toString(), u"range not satisfiable"_s);

        for (const QByteArray bad : {"bytes=10-5", "bytes=0-1,4-5", "lines=1-2", "bytes=abc-", "bytes=-"}) {
            const Http r = get(logsPath() + path, {{"Range", bad}});
            QVERIFY2(r.status == 400, bad.constData());
            QCOMPARE(r.json().value(u"error"_s).toString(), u"invalid range"_s);
        }
    }

    void hostileNamesFindNothing_data()
    {
        QTest::addColumn<QString>("source");
        for (const char *s : {"nope", "..", "%2e%2e", "..%2F..%2Ftoken", "..%2Ftoken", "scheduler.log", "logs%2Fscheduler",
                              "w1%00", "%2Fetc%2Fpasswd", "W1", "scheduler%20"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }
    void hostileNamesFindNothing()
    {
        QFETCH(QString, source);
        QByteArray body;
        const int status = rawGetStatus(u"/api/v1"_s.toLatin1() + logsPath().toLatin1() + '/' + source.toLatin1(), &body);
        QVERIFY2(status == 404, qPrintable(QString::number(status) + u' ' + QString::fromUtf8(body.right(300))));
        QVERIFY(body.contains("log source not found") || body.contains("not found"));
        QVERIFY(!body.contains(m_runtime.token()));
    }

    void onlyGetAndOnlyWithTheToken()
    {
        QCOMPARE(get(logsPath() + u"/scheduler"_s, {}, false).status, 401);
        QCOMPARE(get(logsPath() + u"/scheduler"_s, {}, true, "POST").status, 405);
        QCOMPARE(get(logsPath() + u"/scheduler"_s, {}, true, "DELETE").status, 405);
        QCOMPARE(get(u"/clusters/c-nosuch/logs"_s).status, 404);
        QCOMPARE(get(logsPath() + u"/scheduler?follow=1&from=-5"_s).status, 400);
        QCOMPARE(get(logsPath() + u"/scheduler?follow=1&from=999999999999"_s).status, 416);
    }

    // The end-to-end case: a job runs, its tasks write into the executor's log, and the follow delivers
    // every line as it is written, in order, without gaps, the same bytes as on disk.
    void followsALiveExecutorLogWhileAJobRuns()
    {
        const QString script = m_scripts.filePath(u"log_markers.py"_s);
        {
            QFile f(script);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QString::fromLatin1(kLoggingJob).arg(kMarkers).toUtf8());
        }
        QFile::setPermissions(script, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther | QFile::WriteOwner);
        const qint64 startSize = QFileInfo(logFile(u"w1"_s)).size();
        QString text;
        auto allMarkers = [&](const QList<SseEvent> &events) {
            text.clear();
            for (const SseEvent &e : events)
                if (e.type == "append")
                    text += dataOf(e).value(u"text"_s).toString();
            return text.contains(u"clusterdeck-follow-marker %1"_s.arg(kMarkers - 1));
        };
        const QList<SseEvent> events = follow(u"w1"_s, u"from=end"_s, allMarkers, 120000, {}, [&] {
            const ApiReply submitted = m_runtime.api("POST", u"/clusters/"_s + m_clusterId + u"/jobs"_s,
                                                     {{u"script"_s, script}, {u"name"_s, u"markers"_s}});
            QVERIFY2(submitted.httpStatus == 201, qPrintable(submitted.message()));
            m_jobId = submitted.body.toObject().value(u"id"_s).toString();
        });
        QVERIFY2(allMarkers(events), qPrintable(u"followed text:\n"_s + text.right(2000)));
        // Contiguous: each event starts where the one before ended, its id is its end.
        qint64 at = -1;
        int appends = 0;
        for (const SseEvent &e : events) {
            if (e.type != "append")
                continue;
            const QJsonObject d = dataOf(e);
            const qint64 offset = qint64(d.value(u"offset"_s).toDouble());
            const qint64 end = qint64(d.value(u"end"_s).toDouble());
            if (at < 0)
                QVERIFY(offset >= startSize); // from the end, as asked
            else
                QCOMPARE(offset, at);
            QCOMPARE(e.id, QByteArray::number(end));
            at = end;
            ++appends;
        }
        QVERIFY2(appends >= 2, "the markers came in one event: the follow did not follow them as they were written");
        // The markers arrived in order, and the text is what the file holds at those offsets.
        int last = -1;
        for (const QRegularExpressionMatch &m : QRegularExpression(u"clusterdeck-follow-marker (\\d+)"_s).globalMatch(text)) {
            QCOMPARE(m.captured(1).toInt(), last + 1);
            last = m.captured(1).toInt();
        }
        QCOMPARE(last, kMarkers - 1);
        const qint64 first = qint64(dataOf(*std::find_if(events.cbegin(), events.cend(), [](const SseEvent &e) {
                                               return e.type == "append";
                                           })).value(u"offset"_s).toDouble());
        QCOMPARE(text.toUtf8(), readFile(logFile(u"w1"_s)).mid(first, at - first));
    }

    void followingAJobLogEndsWithTheJob()
    {
        QVERIFY(!m_jobId.isEmpty());
        bool closed = false;
        const QList<SseEvent> events = follow(
            m_jobId, u"from=0"_s,
            [](const QList<SseEvent> &es) { return !es.isEmpty() && es.last().type == "end"; }, 120000, {}, {}, &closed);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last().type, QByteArray("end"));
        QCOMPARE(dataOf(events.last()).value(u"state"_s).toString(), u"COMPLETED"_s);
        QString text;
        for (const SseEvent &e : events)
            if (e.type == "append")
                text += dataOf(e).value(u"text"_s).toString();
        const QString jobLog = m_runtime.clusterDir(m_clusterId) + u"/jobs/"_s + m_jobId + u".log"_s;
        QCOMPARE(text.toUtf8(), readFile(jobLog));
        QVERIFY(text.contains(u"all markers written"_s));

        // A reconnect resumes after the last event it saw.
        const QList<SseEvent> resumed = follow(
            m_jobId, QString(), [](const QList<SseEvent> &es) { return !es.isEmpty() && es.last().type == "end"; }, 30000,
            {{"Last-Event-ID", "10"}});
        QVERIFY(!resumed.isEmpty() && resumed.first().type == "append");
        QCOMPARE(dataOf(resumed.first()).value(u"offset"_s).toDouble(), 10.0);
    }

    // clusterdeck-cli logs: the head's log by default, --tail, --list, -f to the end of a finished job's log.
    void theCliPrintsListsTailsAndFollows()
    {
        QVERIFY(!m_jobId.isEmpty());
        auto run = [&](const QStringList &args, QByteArray *out, QByteArray *err = nullptr) {
            QProcess p;
            p.start(qEnvironmentVariable("CLUSTERDECK_BIN_DIR") + u"/clusterdeck-cli"_s,
                    QStringList{u"--runtime"_s, m_runtime.url(), u"--token-file"_s, m_runtime.tokenFile()} + args);
            if (!p.waitForFinished(60000))
                return -1;
            *out = p.readAllStandardOutput();
            if (err)
                *err = p.readAllStandardError();
            return p.exitCode();
        };
        QByteArray out, err;
        QCOMPARE(run({u"logs"_s, m_clusterId, u"--list"_s, u"--json"_s}, &out), 0);
        QStringList names;
        for (const QJsonValue &v : QJsonDocument::fromJson(out).array())
            names.append(v.toObject().value(u"source"_s).toString());
        QVERIFY2(names.contains(u"scheduler"_s) && names.contains(u"w1"_s) && names.contains(m_jobId), out.constData());

        QCOMPARE(run({u"logs"_s, m_clusterId}, &out), 0); // no source: the scheduler's
        QVERIFY(!out.isEmpty());
        QVERIFY(readFile(logFile(u"scheduler"_s)).startsWith(out));

        const QString jobLog = m_runtime.clusterDir(m_clusterId) + u"/jobs/"_s + m_jobId + u".log"_s;
        const QByteArray job = readFile(jobLog);
        QCOMPARE(run({u"logs"_s, m_clusterId, m_jobId, u"--tail"_s, u"2"_s}, &out), 0);
        const QList<QByteArray> lines = job.trimmed().split('\n');
        QCOMPARE(out, lines[lines.size() - 2] + '\n' + lines.last() + '\n');

        QCOMPARE(run({u"logs"_s, m_clusterId, m_jobId, u"-f"_s}, &out, &err), 0); // the job ended: -f ends too
        QCOMPARE(out, job);
        QVERIFY2(err.contains("will not grow"), err.constData());

        QCOMPARE(run({u"logs"_s, m_clusterId, u"nope"_s}, &out, &err), 1);
        QVERIFY2(err.contains("no log 'nope'"), err.constData());
    }

    void aLogReplacedByASymlinkIsNotServed()
    {
        QVERIFY(!m_jobId.isEmpty());
        const QString jobLog = m_runtime.clusterDir(m_clusterId) + u"/jobs/"_s + m_jobId + u".log"_s;
        QVERIFY(QFile::remove(jobLog));
        QVERIFY(QFile::link(m_runtime.tokenFile(), jobLog));
        const Http r = get(logsPath() + u'/' + m_jobId);
        QCOMPARE(r.status, 500);
        QVERIFY2(r.json().value(u"detail"_s).toString().contains(u"symbolic link"_s), r.body.constData());
        QVERIFY(!r.body.contains(m_runtime.token()));
        const Http followed = get(logsPath() + u'/' + m_jobId + u"?follow=1&from=0"_s);
        QVERIFY(!followed.body.contains(m_runtime.token()));
    }
};

QTEST_GUILESS_MAIN(TstLogsIntegration)
#include "tst_logs_integration.moc"
