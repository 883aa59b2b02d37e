// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "editordialog.h"

#include "core/triage/slo.h"

class QComboBox;
class QLineEdit;
class QRadioButton;

namespace cdeck {

// Defines one of the runtime's SLOs as its API does (POST /api/v1/slos, SloDefinition): the runs of a job name
// or of the clusters carrying a tag, the SLI (success rate, P95 duration, failed task rate, freshness), the
// objective, the window, and the threshold the duration and freshness SLIs need. The API has no update: saving
// an edited SLO adds the new definition and then removes the old one (a new id; its open incident ends).
class SloDialog : public EditorDialog
{
    Q_OBJECT
public:
    // existing.id empty: a new SLO.
    explicit SloDialog(const triage::SloDefinition &existing = {}, QWidget *parent = nullptr);

    QLineEdit *nameField() const { return m_name; }
    QRadioButton *byJobButton() const { return m_byJob; }
    QRadioButton *byTagButton() const { return m_byTag; }
    QLineEdit *jobField() const { return m_job; }
    QLineEdit *tagField() const { return m_tag; }
    QComboBox *sliBox() const { return m_sli; }
    QLineEdit *objectiveField() const { return m_objective; }
    QLineEdit *windowField() const { return m_window; }
    QLineEdit *thresholdField() const { return m_threshold; }
    QJsonObject record() const override; // a SloDefinition's JSON

protected:
    QString validate() const override;
    QString replacing() const override { return m_editedId; }

private:
    triage::SliKind sli() const;
    bool needsThreshold() const;
    std::optional<double> number(const QLineEdit *field) const;
    void updateFields();

    QString m_editedId;
    QLineEdit *m_name;
    QRadioButton *m_byJob;
    QRadioButton *m_byTag;
    QLineEdit *m_job;
    QLineEdit *m_tag;
    QComboBox *m_sli;
    QLineEdit *m_objective;
    QLineEdit *m_window;
    QLineEdit *m_threshold;
};

} // namespace cdeck
