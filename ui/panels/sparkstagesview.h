// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/sparkrestclient.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <optional>

class QLabel;
class QTableView;
class QTextBrowser;

namespace cdeck {

// A task quantile as the stage views show it: a duration, a size, or a count.
QString formatTaskQuantile(double value, spark::TaskQuantileRow::Unit unit);

// The stage attempts one Spark job ran (or all of the application's), one row each, keyed by (stage, attempt).
// A new snapshot with the same rows only changes cells, so the selection and scroll position stay.
class SparkStageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StageColumn,
        NameColumn,
        StatusColumn,
        TasksColumn,
        InputColumn,
        OutputColumn,
        ShuffleReadColumn,
        ShuffleWriteColumn,
        SpillColumn,
        RunTimeColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, StageIdRole, AttemptIdRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<spark::SparkStageInfo> &rows);
    const QList<spark::SparkStageInfo> &rows() const { return m_rows; }
    int rowOf(int stageId, int attemptId) const;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<spark::SparkStageInfo> m_rows;
};

// The Jobs tab's lower half on Spark: the selected job's stages (status, tasks complete/failed, input/output,
// shuffle read/write, spill, executor run time) and the selected stage's details with its task summary
// quantiles (from Spark's taskSummary endpoint; an event log says why it has none).
class SparkStagesView : public QWidget
{
    Q_OBJECT
public:
    explicit SparkStagesView(QWidget *parent = nullptr);

    void setStages(const QList<spark::SparkStageInfo> &stages); // every stage attempt of the application
    void setJob(const QString &jobId); // the stages of that job; "" for none
    const QList<spark::SparkStageInfo> &allStages() const { return m_all; }
    void setTaskSummary(int stageId, int attemptId, const spark::TaskSummary &summary, const QString &error);
    void clear();

    SparkStageModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    bool selectStage(int stageId, int attemptId);
    std::optional<std::pair<int, int>> selectedStage() const;
    QString detailsText() const; // the details pane as plain text (tests)

Q_SIGNALS:
    void stageSelected(int stageId, int attemptId); // -1, 0 when none
    void stageOpened(int stageId, int attemptId); // double-click or Enter: the stage page

protected:
    void changeEvent(QEvent *event) override;

private:
    void refilter();
    void updateDetails();

    QList<spark::SparkStageInfo> m_all;
    QString m_jobId;
    SparkStageModel *m_model;
    QTableView *m_view;
    QLabel *m_title;
    QTextBrowser *m_details;
    std::optional<std::pair<int, int>> m_summaryFor;
    spark::TaskSummary m_summary;
    QString m_summaryError;
    std::pair<int, int> m_lastEmitted{-1, 0};
};

} // namespace cdeck
