// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace cdeck {

// EMR's step states.
enum class JobState { Pending, Running, Completed, Failed, CancelPending, Cancelled, Interrupted };
QString toString(JobState state);
std::optional<JobState> jobStateFromString(const QString &text);
bool isFinished(JobState state); // COMPLETED, FAILED, CANCELLED, INTERRUPTED

// What a user submits: a shipped sample (by file stem) or a script path, with arguments.
struct JobRequest
{
    QString sample;
    QString script;
    QStringList args;
    QString name; // optional display name; defaults to the sample or the script's file name

    QJsonObject toJson() const;
    static JobRequest fromJson(const QJsonObject &o, QString *error);
};

// A job (EMR's step): one Python script run under /usr/bin/python3 against a cluster's scheduler.
struct Job
{
    QString id;
    QString clusterId;
    QString name;
    QString sample; // set for samples
    QString script; // the path that ran
    QStringList args;
    JobState state = JobState::Pending;
    QString stateReason;
    std::optional<int> exitCode;
    QDateTime submittedAt;
    QDateTime startedAt;
    QDateTime endedAt;
    QString logTail; // the last lines of its output
    QString uiUrl; // while it runs, the engine's web UI of this job (Spark: its driver's UI); "" otherwise

    double durationSeconds(const QDateTime &now) const; // running jobs count up to now
    QJsonObject toJson() const;
    static Job fromJson(const QJsonObject &o);
    friend bool operator==(const Job &, const Job &) = default;
};

using JobList = QList<Job>;

} // namespace cdeck

Q_DECLARE_METATYPE(cdeck::Job)
