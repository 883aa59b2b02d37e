// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QUrl>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace cdeck {

// Adds a server to watch: a remote clusterdeck-runtime (URL and token), a Spark UI or History Server, or a
// YARN ResourceManager (URL, and a user name for kills on simple-auth clusters). The token is written to a
// 0600 file by the caller (ConsoleSettings::storeRemoteToken), never to QSettings.
class AddRuntimeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddRuntimeDialog(QWidget *parent = nullptr);

    QString engine() const; // RemoteRuntime::kRuntimeEngine, kSparkEngine or kYarnEngine
    void setEngine(const QString &engine);
    QString name() const;
    QUrl url() const;
    QByteArray token() const;
    QString user() const;
    // Why the input cannot be accepted, one translated line; empty when it can.
    QString problem() const;

private:
    void check();
    void updateEngineRows();

    QComboBox *m_engine;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QLineEdit *m_user;
    QFormLayout *m_form;
    QLabel *m_note;
    QLabel *m_error;
};

} // namespace cdeck
