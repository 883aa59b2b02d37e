// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/job.h"
#include "core/backend/clusterfeed.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace cdeck {

class JobModel;
class SparkStagesView;

// The Jobs tab: submit a sample or a script with arguments; the jobs with state, duration and exit code;
// the selected job's log tail; cancel.
class JobsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit JobsPanel(QWidget *parent = nullptr);

    JobModel *model() const { return m_model; }
    void setSamples(const QList<SampleInfo> &samples);
    void setJobs(const JobList &jobs);
    void setStale(bool stale);
    void setClusterActive(bool active, const QString &whyNot);
    // Engines that cannot cancel a job (Spark's REST API) keep the button disabled, saying why in its tooltip.
    void setCancelSupported(bool supported, const QString &whyNot);
    void clear();
    // Spark connections and event logs: the selected job's stages (with the selected stage's details) take the
    // place of the log tail, which Spark does not keep.
    void setStagesShown(bool shown);
    bool stagesShown() const { return m_stagesShown; }
    SparkStagesView *stages() const { return m_stages; }
    bool selectJob(const QString &jobId);
    // From a sample's description (its docstring): the first sentence, for the list, and what its usage line
    // says the arguments are ("[SCALE] (SCALE multiplies the number of rows; default 1)"), for the box.
    static QString sampleSummary(const QString &description);
    static QString sampleUsage(const QString &description);

Q_SIGNALS:
    void submitRequested(const cdeck::JobRequest &request);
    void cancelRequested(const QString &jobId);
    void dagRequested(const QString &jobId); // "Show DAG" or a double-click on a job
    void jobSelected(const cdeck::Job &job); // the selected job, again as it changes (an empty Job: none)

private:
    void updateSelection();
    void updateArgsPlaceholder();
    void onSubmit();
    QString selectedJobId() const;

    JobModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_source;
    QLineEdit *m_script;
    QLineEdit *m_args;
    QPushButton *m_submit;
    QLabel *m_submitHint;
    QWidget *m_submitRow; // hidden where jobs are not submitted through ClusterDeck's form (Spark stages mode)
    QTableView *m_view;
    QLabel *m_logTitle;
    QPlainTextEdit *m_log;
    QPushButton *m_cancel;
    QPushButton *m_showDag;
    bool m_active = false;
    bool m_cancelSupported = true;
    SparkStagesView *m_stages;
    bool m_stagesShown = false;
};

} // namespace cdeck
