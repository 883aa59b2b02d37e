// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/historycompare.h"

#include "core/backend/spark/eventlogreader.h"
#include "core/backend/spark/sparklogcommand.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace cdeck::spark {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cdeck::spark::HistoryCompare", text);
}

QString show(const QJsonValue &v)
{
    QString text = QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
    text = text.mid(1, text.size() - 2); // the value alone, without the array that lets Qt print a scalar
    return text.size() > 200 ? text.left(200) + u"..."_s : text;
}

struct Fetched
{
    int status = 0; // 0: no answer at all
    QByteArray body;
    QString error;
};

Fetched fetch(QNetworkAccessManager &net, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(60000);
    QNetworkReply *reply = net.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Fetched f;
    f.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    f.body = reply->readAll();
    if (f.status == 0)
        f.error = reply->errorString();
    reply->deleteLater();
    return f;
}

QJsonValue parse(const QByteArray &body, bool *ok)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    *ok = e.error == QJsonParseError::NoError;
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

} // namespace

QJsonValue clearLastUpdated(const QJsonValue &v)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &x : v.toArray())
            out.append(clearLastUpdated(x));
        return out;
    }
    if (!v.isObject())
        return v;
    QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == "lastUpdated"_L1)
            it.value() = u""_s;
        else if (it.key() == "lastUpdatedEpoch"_L1)
            it.value() = 0;
        else
            it.value() = clearLastUpdated(it.value());
    }
    return o;
}

QString firstJsonDifference(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    if (expected.type() != actual.type())
        return u"%1: expected %2, got %3"_s.arg(path, show(expected), show(actual));
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject(), a = actual.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key()))
                return u"%1.%2: missing (expected %3)"_s.arg(path, it.key(), show(it.value()));
            const QString d = firstJsonDifference(it.value(), a.value(it.key()), path + u'.' + it.key());
            if (!d.isEmpty())
                return d;
        }
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!e.contains(it.key()))
                return u"%1.%2: not expected (got %3)"_s.arg(path, it.key(), show(it.value()));
        }
        return {};
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray(), a = actual.toArray();
        if (e.size() != a.size())
            return u"%1: expected %2 elements, got %3"_s.arg(path).arg(e.size()).arg(a.size());
        for (qsizetype i = 0; i < e.size(); ++i) {
            const QString d = firstJsonDifference(e.at(i), a.at(i), u"%1[%2]"_s.arg(path).arg(i));
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    return expected == actual ? QString() : u"%1: expected %2, got %3"_s.arg(path, show(expected), show(actual));
}

QStringList endpointsToCompare(const QString &logPath, QStringList *warnings)
{
    QStringList out{u"applications"_s};
    const HistoryAnswer list = answerHistoryRequest(logPath, u"applications"_s);
    *warnings += list.warnings;
    if (list.status != 200)
        return out;
    for (const QJsonValue &appValue : QJsonDocument::fromJson(list.json).array()) {
        const QJsonObject app = appValue.toObject();
        const QString id = app.value("id"_L1).toString();
        out.append(u"applications/"_s + id);
        for (const QJsonValue &attemptValue : app.value("attempts"_L1).toArray()) {
            const QString attempt = attemptValue.toObject().value("attemptId"_L1).toString();
            const QString base = u"applications/"_s + id + (attempt.isEmpty() ? QString() : u'/' + attempt);
            if (!attempt.isEmpty())
                out.append(base);
            out += {base + u"/jobs"_s,
                    base + u"/stages"_s,
                    base + u"/executors"_s,
                    base + u"/allexecutors"_s,
                    base + u"/environment"_s,
                    base + u"/storage/rdd"_s,
                    base + u"/allmiscellaneousprocess"_s};
            for (const QJsonValue &j :
                 QJsonDocument::fromJson(answerHistoryRequest(logPath, base + u"/jobs"_s).json).array())
                out.append(base + u"/jobs/"_s + QString::number(j.toObject().value("jobId"_L1).toInt()));
            QSet<int> stageIds;
            const QJsonArray stages
                = QJsonDocument::fromJson(answerHistoryRequest(logPath, base + u"/stages"_s).json).array();
            for (const QJsonValue &sv : stages) {
                const QJsonObject s = sv.toObject();
                const QString stage = QString::number(s.value("stageId"_L1).toInt());
                const QString attemptPath = stage + u'/' + QString::number(s.value("attemptId"_L1).toInt());
                if (!stageIds.contains(s.value("stageId"_L1).toInt())) {
                    stageIds.insert(s.value("stageId"_L1).toInt());
                    out.append(base + u"/stages/"_s + stage);
                }
                out += {base + u"/stages/"_s + attemptPath, base + u"/stages/"_s + attemptPath + u"/taskList"_s,
                        base + u"/stages/"_s + attemptPath + u"/taskList?sortBy=-runtime&length=100000"_s,
                        base + u"/stages/"_s + attemptPath + u"/taskSummary"_s};
            }
            out += {base + u"/sql"_s, base + u"/sql?details=false"_s, base + u"/sql?planDescription=false"_s,
                    base + u"/sql?offset=1&length=2"_s};
            for (const QJsonValue &x :
                 QJsonDocument::fromJson(
                     answerHistoryRequest(logPath, base + u"/sql?length=1000000&details=false"_s).json)
                     .array())
                out.append(base + u"/sql/"_s + QString::number(x.toObject().value("id"_L1).toInteger()));
            for (const QJsonValue &r :
                 QJsonDocument::fromJson(answerHistoryRequest(logPath, base + u"/storage/rdd"_s).json).array())
                out.append(base + u"/storage/rdd/"_s + QString::number(r.toObject().value("id"_L1).toInt()));
        }
    }
    return out;
}

int compareWithServer(const QString &logPath, const QString &baseUrl, const QStringList &endpoints, QTextStream &out,
                      QTextStream &err)
{
    QString root = baseUrl.trimmed();
    while (root.endsWith(u'/'))
        root.chop(1);
    if (!root.endsWith("/api/v1"_L1))
        root += "/api/v1"_L1;
    const QUrl rootUrl(root);
    if (!rootUrl.isValid() || (rootUrl.scheme() != "http"_L1 && rootUrl.scheme() != "https"_L1)) {
        err << tr("--compare-with needs an http(s) URL of a History Server, got %1").arg(baseUrl) << Qt::endl;
        return 1;
    }
    QStringList warnings;
    const QStringList list = endpoints.isEmpty() ? endpointsToCompare(logPath, &warnings) : endpoints;
    for (const QString &w : std::as_const(warnings))
        err << tr("warning: %1").arg(w) << u'\n';
    QNetworkAccessManager net;
    int differ = 0;
    for (const QString &endpoint : list) {
        const HistoryAnswer ours = answerHistoryRequest(logPath, endpoint);
        const Fetched theirs = fetch(net, QUrl(root + u'/' + endpoint));
        QString diff;
        if (theirs.status == 0) {
            err << tr("cannot ask %1: %2").arg(root + u'/' + endpoint, theirs.error) << Qt::endl;
            return 1;
        }
        if (theirs.status != ours.status) {
            diff = tr("status: Spark answered %1, we answer %2%3")
                       .arg(theirs.status)
                       .arg(ours.status)
                       .arg(ours.status == 200 ? QString() : u" ("_s + ours.error + u')');
        } else if (ours.status == 200) {
            bool okTheirs = false, okOurs = false;
            const QJsonValue t = parse(theirs.body, &okTheirs), o = parse(ours.json, &okOurs);
            if (!okTheirs)
                diff = tr("Spark's answer is not JSON");
            else
                diff = firstJsonDifference(clearLastUpdated(t), clearLastUpdated(o));
        }
        if (diff.isEmpty()) {
            out << u"same  "_s << endpoint << u'\n';
        } else {
            ++differ;
            out << u"DIFF  "_s << endpoint << u"\n      "_s << diff << u'\n';
        }
    }
    out << tr("%1 endpoints compared, %2 differ").arg(list.size()).arg(differ) << Qt::endl;
    return differ == 0 ? 0 : 1;
}

} // namespace cdeck::spark
