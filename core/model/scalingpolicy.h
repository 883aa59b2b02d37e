// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cdeck {

struct FieldError;

enum class ScalingMode { Manual, Managed };
// What a managed cluster follows: the scheduler's own adaptive target, the backlog of runnable tasks
// per worker thread, or the share of the workers' memory limit in use.
enum class ScalingSignal { AdaptiveTarget, PendingTasks, MemoryPressure };
QString toString(ScalingMode mode); // "manual" / "managed"
QString toString(ScalingSignal signal); // "adaptive" / "pending-tasks" / "memory"
std::optional<ScalingSignal> scalingSignalFromString(const QString &text);

// A cluster's scaling policy (EMR managed scaling's knobs). Manual keeps today's behaviour: the
// cluster has the workers the user asked for. Managed moves between minWorkers and maxWorkers by itself.
struct ScalingPolicy
{
    ScalingMode mode = ScalingMode::Manual;
    int minWorkers = 1;
    int maxWorkers = 1;
    int scaleOutCooldownSeconds = 60; // counted from the previous scale-out
    int scaleInCooldownSeconds = 300; // counted from the previous scale-in
    int maxStep = 2; // the largest number of workers one action adds or removes
    ScalingSignal signal = ScalingSignal::AdaptiveTarget;
    int stabilizationSeconds = 30; // a scale-in signal must hold this long before it is acted on

    static constexpr int kMaxCooldownSeconds = 24 * 3600;

    bool managed() const { return mode == ScalingMode::Managed; }
    // Field names are prefixed "scaling." so a form can highlight the right one.
    QList<FieldError> validate(int typeMaxWorkers) const;
    QJsonObject toJson() const;
    // Strict: wrong types and unknown fields are errors. Missing fields keep the defaults above.
    static ScalingPolicy fromJson(const QJsonObject &o, QList<FieldError> *errors);
    QString summary() const; // "managed 1-3 workers, adaptive, cooldowns 60 s out / 300 s in"

    friend bool operator==(const ScalingPolicy &, const ScalingPolicy &) = default;
};

// Spot capacity: workers bought as spot can be interrupted; past fallbackAfter interruptions within
// fallbackWindowSeconds the cluster buys on-demand workers for the rest of its life (an EMR instance
// fleet's fallback).
struct SpotSettings
{
    double interruptionsPerHour = 0; // game days: a random interruption rate per spot worker; 0 = none
    int fallbackAfter = 3;
    int fallbackWindowSeconds = 3600;

    QList<FieldError> validate() const;
    QJsonObject toJson() const;
    static SpotSettings fromJson(const QJsonObject &o, QList<FieldError> *errors);
    friend bool operator==(const SpotSettings &, const SpotSettings &) = default;
};

// A script run on a node before its engine process starts (EMR's bootstrap actions).
struct BootstrapAction
{
    enum class Target { All, Workers, Scheduler };
    QString name; // shown in reasons; defaults to the script's file name
    QString script; // absolute path on the runtime's host, run with /bin/sh when not executable
    QStringList args;
    int timeoutSeconds = 300;
    Target on = Target::All;

    bool runsOnScheduler() const { return on != Target::Workers; }
    bool runsOnWorkers() const { return on != Target::Scheduler; }
    QJsonObject toJson() const;
    static BootstrapAction fromJson(const QJsonObject &o, int index, QList<FieldError> *errors);
    friend bool operator==(const BootstrapAction &, const BootstrapAction &) = default;
};
QString toString(BootstrapAction::Target target);

QList<FieldError> validateBootstrapActions(const QList<BootstrapAction> &actions);
QJsonArray bootstrapActionsToJson(const QList<BootstrapAction> &actions);

} // namespace cdeck
