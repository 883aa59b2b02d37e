// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backend/spark/eventlogextras.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace cdeck {

class DagPanel;

// Reads an event log's extras (environment, SQL executions) on a worker thread for the pages below; the page
// shows "Reading…" until they come, and nothing of a read it has given up (a newer one, or the page closed).
class EventLogExtrasRead : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~EventLogExtrasRead() override;
    void start(const QString &path, bool withSql);

Q_SIGNALS:
    void finished(const cdeck::spark::EventLogExtras &extras, const QString &error); // error "" when read

private:
    quint64 m_ticket = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

// The environment of an application (Spark's Environment tab): runtime, Spark, Hadoop, system and metrics
// properties and the classpath, one table, filtered as you type over section, name and value.
class EnvironmentPage : public QWidget
{
    Q_OBJECT
public:
    explicit EnvironmentPage(QWidget *parent = nullptr);
    void open(const QString &logPath);
    void setEnvironment(const QJsonObject &environment);

    QLineEdit *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void loaded();

private:
    EventLogExtrasRead *m_read;
    QLabel *m_state;
    QLineEdit *m_filter;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    bool m_loaded = false;
};

// Spark's SQL tab for an event log: the executions (id, description, status, duration, jobs) and the selected
// one's physical plan as a graph in the DAG view, with the selected operator's metrics.
class SqlPage : public QWidget
{
    Q_OBJECT
public:
    explicit SqlPage(QWidget *parent = nullptr);
    void open(const QString &logPath);
    void setExecutions(const QMap<qint64, spark::SqlExecution> &executions);
    bool showExecution(qint64 id);

    QTableWidget *executionsTable() const { return m_executions; }
    DagPanel *planPanel() const { return m_plan; }
    QTableWidget *metricsTable() const { return m_metrics; }
    bool isLoaded() const { return m_loaded; }
    qint64 shownExecution() const { return m_shown; }

Q_SIGNALS:
    void loaded();

private:
    void showMetrics();

    EventLogExtrasRead *m_read;
    QLabel *m_state;
    QTableWidget *m_executions;
    DagPanel *m_plan;
    QTableWidget *m_metrics;
    QMap<qint64, spark::SqlExecution> m_data;
    qint64 m_shown = -1;
    bool m_loaded = false;
    bool m_selectRootOnLayout = false;
};

} // namespace cdeck

Q_DECLARE_METATYPE(cdeck::spark::EventLogExtras)
