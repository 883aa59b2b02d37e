// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/clusterfeed.h"
#include "core/model/clusterspec.h"
#include "core/model/instancecatalog.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace cdeck {

// The launch form: every field of ClusterSpec. Validation runs on each edit with ClusterSpec::validate and
// shows each problem under the field it names (only for fields already touched, all of them once Launch is
// pressed); nothing is sent while a problem remains. A refusal from the runtime is shown above the buttons,
// with its per-field messages placed on the fields.
class LaunchForm : public QWidget
{
    Q_OBJECT
public:
    explicit LaunchForm(QWidget *parent = nullptr);

    void setRuntimeName(const QString &name);
    void setInstanceTypes(const QList<InstanceType> &types, const QString &defaultType);
    bool hasInstanceTypes() const { return !m_types.isEmpty(); }
    // What the runtime can launch (GET /engines): an engine it cannot run stays listed, disabled, with the
    // runtime's reason (what to install) beside it. Until this is called only Dask is offered.
    void setEngines(const QList<EngineAvailability> &engines);
    bool engineOffered(EngineKind kind) const; // listed and enabled
    void selectEngine(EngineKind kind); // for --screenshot and tests; ignored when not offered

    ClusterSpec spec() const;
    // Every current problem: the spec's own, plus tag lines that are not key=value. Shows them.
    QList<FieldError> validateAll();
    QString fieldError(const QString &field) const; // the message shown under a field ("" if none)
    QString formMessage() const;

    void showRefusal(const QString &message, const QMap<QString, QString> &fields);
    void setBusy(bool busy);
    void reset();
    void prefill(const QString &name, int workers); // for --screenshot and tests: shows its problems at once
    // For --screenshot and tests: a managed policy (min > max shows its error at once).
    void prefillPolicy(int minWorkers, int maxWorkers, int outCooldownS = 60, int inCooldownS = 300);

Q_SIGNALS:
    void launchRequested(const cdeck::ClusterSpec &spec);
    void cancelled();

private:
    void touch(const QString &field);
    void revalidate();
    void showErrors(const QList<FieldError> &errors, const QMap<QString, QString> &runtimeFields = {});
    QList<FieldError> tagLineErrors() const;
    QMap<QString, QString> parsedTags() const;
    void updateTypeHint();
    void updateEngineHint();
    void updatePolicyEnabled();
    void onLaunch();

    QLabel *m_title;
    QLineEdit *m_name;
    QComboBox *m_engine;
    QLabel *m_engineHint; // why an engine is not offered
    QHash<EngineKind, QString> m_engineMissing; // engine -> the runtime's reason it cannot run it
    QSpinBox *m_workers;
    QLabel *m_workersHint;
    QComboBox *m_type;
    QLabel *m_typeHint;
    QRadioButton *m_onDemand;
    QRadioButton *m_spot;
    QSpinBox *m_idleMinutes;
    QCheckBox *m_protection;
    QPlainTextEdit *m_tags;
    // Scaling policy: manual, or managed between a minimum and a maximum.
    QComboBox *m_scalingMode;
    QSpinBox *m_minWorkers;
    QSpinBox *m_maxWorkers;
    QSpinBox *m_outCooldown;
    QSpinBox *m_inCooldown;
    QSpinBox *m_maxStep;
    QComboBox *m_signal;
    QWidget *m_policyBox;
    QLabel *m_message;
    QPushButton *m_launch;
    QPushButton *m_cancel;
    QHash<QString, QLabel *> m_errorLabels; // by ClusterSpec field name
    QHash<QString, QWidget *> m_fieldWidgets;
    QList<InstanceType> m_types;
    QString m_defaultType;
    QSet<QString> m_touched;
    bool m_showAll = false;
    bool m_busy = false;
};

} // namespace cdeck
