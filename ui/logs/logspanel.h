// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/runtime/runtimelogs.h"
#include "core/triage/logtarget.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QTableView;
class QPushButton;
class QToolButton;

namespace cdeck {

namespace logs {
class LogByteSource;
class LogModel;
class LogSaver;
} // namespace logs
class LogLineDelegate;

// The Logs tab: pick one of the focused cluster's logs (its scheduler's or master's, an executor's, a
// job's), read it at any size (the model reads byte ranges, never the whole log), follow it live, find
// text (every match highlighted; Enter: next, Shift+Enter: previous), jump to a time, save a copy.
// Self-contained: give it the runtime (setRuntime) and the cluster (setCluster).
class LogsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LogsPanel(QWidget *parent = nullptr);
    ~LogsPanel() override;

    // The runtime whose clusters' logs are shown; an empty URL shows nothing (engines ClusterDeck does
    // not run have no logs here).
    void setRuntime(const QUrl &url, const QString &tokenFile);
    void setCluster(const QString &clusterId);
    void refreshSources();
    // Shows the log this source reads (the caller keeps it), with no source list: a file, in tests.
    void showSource(logs::LogByteSource *source, const QString &label);
    void selectSource(const QString &name); // once the list has it
    void jumpToTime(qint64 msSinceEpoch);
    // "Show logs at this time": opens the first of the target's sources the cluster lists (else the head's
    // log) and, once the log is indexed, shows the first line at or after the target's time (found by a
    // binary search over byte ranges). Following stops, so the line stays in view.
    void showLogsAt(const triage::LogTarget &target);
    void find(const QString &text, bool forward = true);

    logs::LogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *sourceBox() const { return m_sources; }
    QCheckBox *followBox() const { return m_follow; }
    QLineEdit *searchField() const { return m_search; }
    QString statusText() const;
    // A log is open and every byte known of it is indexed (for --screenshot).
    bool hasLog() const;

Q_SIGNALS:
    void sourcesListed(); // the source list arrived (tests, screenshots)

private:
    void openSelected();
    void setFollowing(bool on);
    void updateStatus();
    void save();
    void onFound(int row);
    void applyPendingTarget(); // once the source list is here
    void jumpWhenIndexed(); // once the opened log is indexed

    std::unique_ptr<RuntimeLogs> m_runtime;
    QUrl m_runtimeUrl;
    QString m_tokenFile;
    QString m_clusterId;
    QString m_wanted; // selectSource() before the list arrived
    std::optional<triage::LogTarget> m_pendingTarget; // showLogsAt() before the list arrived
    std::optional<qint64> m_jumpWhenIndexed; // showLogsAt()'s time, until the log it opened is indexed
    QPointer<logs::LogByteSource> m_source; // ours when opened from the list
    bool m_ownsSource = false;
    logs::LogModel *m_model;
    LogLineDelegate *m_delegate;
    QComboBox *m_sources;
    QToolButton *m_refresh;
    QCheckBox *m_follow;
    QLineEdit *m_search;
    QToolButton *m_previous;
    QToolButton *m_next;
    QDateTimeEdit *m_time;
    QPushButton *m_jump;
    QPushButton *m_save;
    QTableView *m_view;
    QLabel *m_status;
    QString m_message; // the last search or source message
    QPointer<logs::LogSaver> m_saver;
};

} // namespace cdeck
