// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/stagedetail.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
class QTimer;

namespace cdeck {

class StageTasksModel;

// The stage page Spark users live in, for one stage attempt of an event log: the summary quantiles of its
// successful tasks (min, 25th, median, 75th, max), the per-executor sums, the failure reasons of its failed
// tasks, and the tasks table (sortable by any column, filtered by status and executor). Opened from the Jobs
// tab's stages (double-click or Enter) and from the DAG; the tasks are read again from the log for this stage
// on a worker thread, so the console's first read stays small.
class SparkStagePage : public QWidget
{
    Q_OBJECT
public:
    explicit SparkStagePage(QWidget *parent = nullptr);
    ~SparkStagePage() override;

    // Starts reading the stage's tasks from the log; a read in progress is cancelled.
    void open(const QString &logPath, int stageId, int attemptId);
    // Shows a stage already read (tests, and open()'s result).
    void showDetail(const spark::StageDetail &detail);

    int stageId() const { return m_stageId; }
    int attemptId() const { return m_attemptId; }
    bool isLoaded() const { return m_loaded; }
    QString errorText() const { return m_error; }

    StageTasksModel *tasksModel() const { return m_tasksModel; }
    QTableView *tasksView() const { return m_tasksView; }
    QTableWidget *summaryTable() const { return m_summary; }
    QTableWidget *executorTable() const { return m_executors; }
    QTableWidget *failureTable() const { return m_failures; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    QComboBox *executorFilter() const { return m_executorFilter; }

Q_SIGNALS:
    void loaded(); // the detail is on screen, or the error is
    void loadProgress(int percent);

private:
    void cancelRead();
    void fillSummary(const std::optional<spark::TaskSummary> &summary);
    void fillExecutors(const spark::StageDetail &detail);
    void fillFailures(const spark::StageDetail &detail);
    void fillFilters();
    void updateCount();
    void showError(const QString &error);

    int m_stageId = -1;
    int m_attemptId = 0;
    bool m_loaded = false;
    QString m_error;
    quint64 m_ticket = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;

    QLabel *m_title;
    QLabel *m_stateLine;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
    QTableWidget *m_summary;
    QTableWidget *m_executors;
    QLabel *m_summaryTitle;
    QLabel *m_failuresTitle;
    QTableWidget *m_failures;
    QComboBox *m_statusFilter;
    QComboBox *m_executorFilter;
    QLabel *m_count;
    StageTasksModel *m_tasksModel;
    QTableView *m_tasksView;
    QTimer *m_progressTimer;
    std::shared_ptr<std::atomic<qint64>> m_bytesRead; // written by the read's worker
    qint64 m_bytesTotal = 1;
};

} // namespace cdeck
