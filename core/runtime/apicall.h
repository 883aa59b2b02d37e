// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/apiroutes.h"
#include "core/runtime/apiserverusers.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <optional>

class QUrlQuery;

namespace cdeck {

class ClusterController;
struct Outcome;

// One authenticated request matched to its route: what a handler works with. ApiServer makes it, a route
// family's handler answers it, and ApiServer audits what it answered.
struct ApiCall
{
    const api::Route &route;
    const QHttpServerRequest &request;
    QHttpServerResponder &responder;
    QStringList parameters; // the route's {parameters}, decoded, in order
    QJsonObject body; // POST/PUT
    Caller caller;
    ClusterController *cluster = nullptr; // routes under /clusters/{id}: that cluster (it exists)
    int status = 0; // the answer's HTTP status, once sent (for the audit)
    QString error; // the answer's error and detail, when refused
    QString target; // what the call created, for its outcome's audit entry (a launch: the new cluster's id)

    QString parameter(qsizetype i) const { return parameters.value(i); }
};

// The answers, shared by every route family. Those taking an ApiCall record the status (and the error) on it
// for the audit entry.
namespace reply {

using Status = QHttpServerResponder::StatusCode;

void sendJson(QHttpServerResponder &responder, const QJsonDocument &doc, Status status);
void sendError(QHttpServerResponder &responder, Status status, const QString &error, const QString &detail,
               const QJsonObject &fields = {});

void sendJson(ApiCall &call, const QJsonDocument &doc, Status status);
void ok(ApiCall &call, const QJsonValue &value, Status status = Status::Ok);
void fail(ApiCall &call, Status status, const QString &error, const QString &detail, const QJsonObject &fields = {});
// The supervisor's outcome: value on success, its error otherwise.
void answer(ApiCall &call, const Outcome &outcome, const QJsonValue &value);
Status statusOf(const Outcome &outcome);

} // namespace reply

// A non-negative integer query parameter (milliseconds); nullopt when absent, *bad set when malformed.
std::optional<qint64> msParameter(const QUrlQuery &query, const QString &name, QString *bad);

} // namespace cdeck
