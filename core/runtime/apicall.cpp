// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "apicall.h"

#include "core/runtime/supervisor.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace reply {

void sendJson(QHttpServerResponder &responder, const QJsonDocument &doc, Status status)
{
    responder.write(doc.toJson(QJsonDocument::Compact), "application/json", status);
}

void sendError(QHttpServerResponder &responder, Status status, const QString &error, const QString &detail,
               const QJsonObject &fields)
{
    QJsonObject o{{u"error"_s, error}, {u"detail"_s, detail}};
    if (!fields.isEmpty())
        o.insert(u"fields"_s, fields);
    sendJson(responder, QJsonDocument(o), status);
}

void sendJson(ApiCall &call, const QJsonDocument &doc, Status status)
{
    call.status = int(status);
    sendJson(call.responder, doc, status);
}

void fail(ApiCall &call, Status status, const QString &error, const QString &detail, const QJsonObject &fields)
{
    call.status = int(status);
    call.error = detail.isEmpty() ? error : QString(error + u": "_s + detail);
    sendError(call.responder, status, error, detail, fields);
}

void ok(ApiCall &call, const QJsonValue &value, Status status)
{
    sendJson(call, value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()), status);
}

Status statusOf(const Outcome &outcome)
{
    switch (outcome.kind) {
    case Outcome::Ok:
        return Status::Ok;
    case Outcome::Accepted:
        return Status::Accepted;
    case Outcome::Created:
        return Status::Created;
    case Outcome::BadRequest:
        return Status::BadRequest;
    case Outcome::NotFound:
        return Status::NotFound;
    case Outcome::Conflict:
        return Status::Conflict;
    case Outcome::Internal:
        break;
    }
    return Status::InternalServerError;
}

void answer(ApiCall &call, const Outcome &outcome, const QJsonValue &value)
{
    if (outcome.succeeded())
        ok(call, value, statusOf(outcome));
    else
        fail(call, statusOf(outcome), outcome.error, outcome.detail, outcome.fields);
}

} // namespace reply

std::optional<qint64> msParameter(const QUrlQuery &query, const QString &name, QString *bad)
{
    if (!query.hasQueryItem(name))
        return std::nullopt;
    bool ok = false;
    const qint64 v = query.queryItemValue(name).toLongLong(&ok);
    if (!ok || v < 0) {
        *bad = u"%1: expected milliseconds since the epoch (a non-negative integer), got '%2'"_s.arg(
            name, query.queryItemValue(name));
        return std::nullopt;
    }
    return v;
}

} // namespace cdeck
