// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/triage/slo.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace cdeck {

class SloDialog;

// The runtime's SLOs (GET /api/v1/slos through RuntimeFeed): one row per SLO with its SLI now, objective,
// error budget left, burn rates over 1 h / 6 h / 1 d / 3 d and the alert (page, ticket or none), worst
// first; the selected SLO's alert summary and the runs that spent its budget below. New, Edit and Remove open
// a SloDialog or a confirmation and ask through saveRequested/deleteRequested (the window sends them to the
// connection's feed); the runtime's answer comes back through showSaveAnswer.
class SlosPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { Slo, Selector, SliNow, Objective, Budget, Burn1h, Burn6h, Burn1d, Burn3d, Alert, ColumnCount };

    explicit SlosPanel(QWidget *parent = nullptr);

    void setSlos(const QList<cdeck::triage::SloStatus> &slos);
    void clear();
    bool hasData() const { return m_hasData; }
    int rowCount() const;
    QString cellText(int row, Column column) const;
    int firingCount() const; // SLOs paging or ticketing
    QString detailText() const;

    static QString sliText(const cdeck::triage::SloStatus &status);
    static QString burnText(const std::optional<double> &rate);

    // Whether this connection keeps SLOs; whyNot is the disabled buttons' tooltip.
    void setEditable(bool editable, const QString &whyNot = {});
    SloDialog *openEditor(bool editSelected); // the dialog shown (nullptr when nothing is selected to edit)
    void removeSelected(); // asks first
    void showSaveAnswer(bool accepted, const QString &message);
    SloDialog *editor() const; // the editor open now, if any
    QPushButton *newButton() const { return m_new; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }
    void selectRow(int row);

Q_SIGNALS:
    void saveRequested(const QJsonObject &definition, const QString &replacing);
    void deleteRequested(const QString &sloId);

private:
    void showDetail();
    void updateButtons();
    const triage::SloStatus *selectedSlo() const;

    QList<cdeck::triage::SloStatus> m_slos;
    bool m_hasData = false;
    QLabel *m_summary;
    QTableWidget *m_table;
    QLabel *m_detail;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_remove;
    bool m_editable = false;
    QPointer<SloDialog> m_editor;
};

} // namespace cdeck
