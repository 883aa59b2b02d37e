// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QJsonObject>

#include <optional>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace cdeck {

// The frame of a dialog that edits one of the runtime's records (a budget, an SLO): a form, a line saying
// what is wrong with the input (Save stays off until nothing is), and Save that sends the record and waits
// for the runtime. The dialog stays open until the runtime answered: accepted, it closes; refused, it shows
// the runtime's own message and the input stays as typed, so nothing is lost.
class EditorDialog : public QDialog
{
    Q_OBJECT
public:
    // The runtime's answer to what submitted() sent.
    void showAnswer(bool accepted, const QString &message);
    bool isBusy() const { return m_busy; }
    QString problemText() const; // what is wrong with the input, or the runtime's refusal; "" when nothing
    QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
    // replacing: the record being edited when saving must replace it (its key changed), else "".
    void submitted(const QJsonObject &record, const QString &replacing);

protected:
    explicit EditorDialog(QWidget *parent);
    QFormLayout *form() const { return m_form; }
    // Called whenever the input changes: "" when the input can be sent, else what is wrong, in words.
    virtual QString validate() const = 0;
    virtual QJsonObject record() const = 0;
    virtual QString replacing() const = 0;
    void revalidate();
    // A number as the user typed it: in the user's own way of writing numbers first ("1.234,50" in German),
    // then the C locale's ("1234.50"); nullopt when it is neither, or not finite.
    static std::optional<double> typedNumber(const QString &text);

private:
    void setBusy(bool busy);
    void send();

    QWidget *m_fields;
    QFormLayout *m_form;
    QLabel *m_problem;
    QPushButton *m_save;
    QString m_saveText;
    bool m_busy = false;
};

} // namespace cdeck
