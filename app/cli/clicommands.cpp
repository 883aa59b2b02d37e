// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "clicommands.h"

#include "core/backend/runtime/runtimeclient.h"
#include "core/cost/costreport.h"
#include "core/dag/dag.h"
#include "core/model/clusterevent.h"
#include "core/model/clusterinfo.h"
#include "core/model/executor.h"
#include "core/model/job.h"
#include "core/security/datapaths.h"
#include "core/security/tokenfile.h"
#include "core/triage/timeline.h"

#ifdef CLUSTERDECK_HAVE_SPARK
#include "core/backend/spark/sparklogcommand.h"
#endif

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

const char *const kUsage = R"(Usage: clusterdeck-cli [--runtime URL] [--token-file FILE] [--json] [--timeout S] COMMAND

Clusters:
  cluster launch --name N --workers K [--instance-type T] [--spot] [--idle-minutes M | --idle-seconds S]
                 [--protect] [--tag k=v]... [--wait]
                 [--min-workers A --max-workers B [POLICY OPTIONS]]   (managed scaling; K defaults to A)
                 [--spot-interruptions-per-hour R] [--spot-fallback-after N] [--spot-fallback-window S]
                 [--bootstrap SCRIPT]... [--bootstrap-timeout S]
  cluster policy ID [--manual | --min-workers A --max-workers B [POLICY OPTIONS]]   (no option: show it)
      POLICY OPTIONS: [--scale-out-cooldown S] [--scale-in-cooldown S] [--max-step N]
                      [--signal adaptive|pending-tasks|memory] [--stabilization S]
  cluster events ID [--type T[,T...]]   (scaling decisions, state changes, spot interruptions, fallbacks)
  cluster timeline ID [--from ISO] [--to ISO]   (one time axis: state, scaling, executors, jobs, stages,
                                                 incidents, actions)
  cluster list
  cluster describe ID
  cluster scale ID --workers K [--wait]
  cluster protect ID (--on|--off)
  cluster terminate ID [--wait]
  executors ID
Telemetry (sampled every second; 1 s points kept 1 h, 1 min buckets 7 d, 1 h buckets 90 d):
  metrics ID [--series NAME]... [--executor EID]... [--from T] [--to T] [--step S]
      T: epoch milliseconds, ISO 8601, or relative to now (-30s, -15m, -2h, -7d); S: ms or 1s, 60s, 5m, 1h.
      Without --series: every stored series. Without --from/--to: the whole history at the finest
      resolution still stored. --json: [{"name", "executor" (null: cluster total), "points": [[ms, value]],
      "gaps": [[fromMs, toMs]]}] (bucket means; gaps are not in points).
Jobs:
  job samples
  job submit ID (--sample NAME | --script PATH) [--arg A]... [--wait]
  job list ID
  job describe ID JOB
  job cancel ID JOB [--wait]
  job dag ID JOB [--json | --dot]   (the job's DAG: task groups and their dependencies)
Incidents (detected on every cluster all the time; each with its evidence and runbook):
  incidents ID                       (open ones first, worst first)
  runbook NAME                       (the runbook's text: executor_oom, executor_lost, ...)
SLOs (per job name or cluster tag; error budget and multiwindow burn-rate alerts, one incident per SLO):
  slo list                           (SLI now, objective, budget left, burn 1h/6h/1d/3d, alert)
  slo add (--job NAME | --tag k=v) --objective 0.99 [--sli success_rate|p95_duration|failed_task_rate|
          freshness] [--window 30d] [--threshold S] [--name N]   (--threshold: p95_duration, freshness)
  slo remove SLO_ID
Fault injection (game days; the loss is recorded as unplanned):
  chaos ID kill-worker [--executor EID]                  (SIGKILL to the worker's whole process group)
  chaos ID stall-worker [--executor EID] [--seconds S]   (SIGSTOP, SIGCONT after S s; default 10)
  chaos ID spot-interruption [--executor EID]            (a spot reclaim: killed, replaced, maybe on-demand)
Cost (per-second billing, one-minute minimum, from the runtime's recorded lifetimes):
  cost [ID] [--by instance|tag|job|day] [--tag-key K] [--from ISO] [--to ISO]
  pricing   (the price catalog the runtime bills with; start the runtime with --pricing FILE for your own)
Offline:
  spark-log PATH --api ENDPOINT   (the JSON Spark's History Server serves at /api/v1/ENDPOINT)
  spark-log PATH --compare-with URL   (first difference per endpoint against a live History Server)

Defaults: the local runtime (http://127.0.0.1:7650) and its token ($XDG_DATA_HOME/clusterdeck/token).
--wait blocks until a stable state (--timeout S, default 300) and exits non-zero if it is not reached.
With --json, stdout is exactly one JSON document.
)";

struct Options
{
    QString runtime = paths::defaultRuntimeUrl();
    QString tokenFile = paths::tokenPath(paths::defaultDataDir());
    bool json = false;
    bool wait = false;
    int timeoutS = 300;
    QStringList words; // the command and its positional arguments
    QMultiMap<QString, QString> values; // --name N, --tag k=v (repeatable)
    QSet<QString> flags; // --spot, --protect, --on, --off
};

class UsageError : public std::exception
{
public:
    explicit UsageError(QString m)
        : message(std::move(m))
    {
    }
    QString message;
};

Options parse(const QStringList &args)
{
    static const QSet<QString> valueOptions{u"--runtime"_s, u"--token-file"_s, u"--timeout"_s,  u"--name"_s,
                                            u"--workers"_s, u"--instance-type"_s, u"--idle-minutes"_s,
                                            u"--idle-seconds"_s, u"--tag"_s, u"--sample"_s, u"--script"_s,
                                            u"--arg"_s, u"--api"_s, u"--compare-with"_s, u"--by"_s, u"--from"_s, u"--to"_s,
                                            u"--tag-key"_s, u"--min-workers"_s, u"--max-workers"_s,
                                            u"--scale-out-cooldown"_s, u"--scale-in-cooldown"_s, u"--max-step"_s,
                                            u"--signal"_s, u"--stabilization"_s, u"--type"_s,
                                            u"--spot-interruptions-per-hour"_s, u"--spot-fallback-after"_s,
                                            u"--spot-fallback-window"_s, u"--bootstrap"_s, u"--bootstrap-timeout"_s,
                                            u"--executor"_s, u"--seconds"_s, u"--job"_s, u"--sli"_s,
                                            u"--objective"_s, u"--window"_s, u"--threshold"_s,
                                            u"--series"_s, u"--step"_s};
    static const QSet<QString> flagOptions{u"--json"_s, u"--wait"_s, u"--spot"_s, u"--protect"_s, u"--on"_s,
                                           u"--off"_s, u"--help"_s, u"-h"_s, u"--dot"_s, u"--manual"_s};
    Options o;
    for (int i = 0; i < args.size(); ++i) {
        QString a = args[i];
        QString inlineValue;
        bool hasInline = false;
        if (a.startsWith(u"--"_s) && a.contains(u'=')) {
            inlineValue = a.mid(a.indexOf(u'=') + 1);
            a = a.left(a.indexOf(u'='));
            hasInline = true;
        }
        if (valueOptions.contains(a)) {
            if (!hasInline && i + 1 >= args.size())
                throw UsageError(a + u" needs a value"_s);
            const QString v = hasInline ? inlineValue : args[++i];
            if (a == "--runtime"_L1)
                o.runtime = v;
            else if (a == "--token-file"_L1)
                o.tokenFile = v;
            else if (a == "--timeout"_L1) {
                bool ok = false;
                o.timeoutS = v.toInt(&ok);
                if (!ok || o.timeoutS < 1)
                    throw UsageError(u"--timeout expects a positive number of seconds"_s);
            } else
                o.values.insert(a, v);
        } else if (flagOptions.contains(a)) {
            if (a == "--json"_L1)
                o.json = true;
            else if (a == "--wait"_L1)
                o.wait = true;
            else
                o.flags.insert(a);
        } else if (a.startsWith(u"-"_s) && a.size() > 1) {
            throw UsageError(u"unknown option "_s + a);
        } else {
            o.words.append(a);
        }
    }
    return o;
}

int intValue(const Options &o, const QString &name)
{
    bool ok = false;
    const int v = o.values.value(name).toInt(&ok);
    if (!o.values.contains(name) || !ok)
        throw UsageError(name + u" expects an integer"_s);
    return v;
}

// The policy options of `cluster launch` and `cluster policy` as the API's scaling object; empty when none given.
QJsonObject policyFromOptions(const Options &o)
{
    if (o.flags.contains(u"--manual"_s))
        return {{u"mode"_s, u"manual"_s}};
    static const QList<std::pair<QString, QString>> numeric{
        {u"--min-workers"_s, u"minWorkers"_s},
        {u"--max-workers"_s, u"maxWorkers"_s},
        {u"--scale-out-cooldown"_s, u"scaleOutCooldownSeconds"_s},
        {u"--scale-in-cooldown"_s, u"scaleInCooldownSeconds"_s},
        {u"--max-step"_s, u"maxStep"_s},
        {u"--stabilization"_s, u"stabilizationSeconds"_s}};
    QJsonObject policy;
    for (const auto &[option, field] : numeric)
        if (o.values.contains(option))
            policy.insert(field, intValue(o, option));
    if (o.values.contains(u"--signal"_s))
        policy.insert(u"signal"_s, o.values.value(u"--signal"_s));
    if (policy.isEmpty())
        return policy;
    if (!policy.contains(u"minWorkers"_s) || !policy.contains(u"maxWorkers"_s))
        throw UsageError(u"managed scaling needs both --min-workers and --max-workers"_s);
    policy.insert(u"mode"_s, u"managed"_s);
    return policy;
}

QString eventValue(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return u"-"_s;
    if (v.isObject())
        return v.toObject().value(u"mode"_s).toString(u"{..}"_s);
    return v.toVariant().toString();
}

void printJson(const QJsonValue &v)
{
    out() << (v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject())).toJson(QJsonDocument::Indented);
    out().flush();
}

QString human(qint64 bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        ++u;
    }
    return u"%1 %2"_s.arg(v, 0, 'f', u == 0 ? 0 : 1).arg(QLatin1StringView(units[u]));
}

void printCluster(const ClusterInfo &c)
{
    out() << c.id << "  " << c.spec.name << "  " << toString(c.state) << "  workers " << c.runningWorkers << "/"
          << c.spec.workers << "  " << c.spec.instanceType << (c.spec.market == Market::Spot ? " spot" : "")
          << (c.spec.terminationProtection ? "  protected" : "") << "\n    " << c.stateReason << "\n";
}

class Cli
{
public:
    explicit Cli(Options o)
        : m_o(std::move(o))
    {
    }

    int exec();

private:
    ApiReply call(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        return m_client->requestBlocking(verb, path, body);
    }
    int fail(const ApiReply &r)
    {
        err() << "clusterdeck-cli: " << r.message() << "\n";
        if (!r.fields.isEmpty())
            for (auto it = r.fields.begin(); it != r.fields.end(); ++it)
                err() << "  " << it.key() << ": " << it.value().toString() << "\n";
        return r.unreachable() ? 3 : 1;
    }
    int done(const QJsonValue &v, const std::function<void()> &text)
    {
        if (m_o.json)
            printJson(v);
        else
            text();
        return 0;
    }
    // Polls path until accept() says the object is stable (1) or never will be (-1).
    int waitFor(const QString &path, const std::function<int(const QJsonValue &)> &accept, QJsonValue *last,
                const QString &what);

    int clusterCommand();
    int jobCommand();
    int executorsCommand();
    int costCommand();
    int chaosCommand();
    int incidentsCommand();
    int runbookCommand();
    int pricingCommand();
    int sloCommand();
    int metricsCommand();

    Options m_o;
    std::unique_ptr<RuntimeClient> m_client;
    QElapsedTimer m_started;
};

int Cli::waitFor(const QString &path, const std::function<int(const QJsonValue &)> &accept, QJsonValue *last,
                 const QString &what)
{
    const QDeadlineTimer deadline(qint64(m_o.timeoutS) * 1000);
    for (;;) {
        const ApiReply r = call("GET", path);
        if (r.ok()) {
            *last = r.body;
            const int verdict = accept(r.body);
            if (verdict != 0)
                return verdict;
        } else if (!r.unreachable()) {
            fail(r);
            return -1;
        }
        if (deadline.hasExpired()) {
            err() << "clusterdeck-cli: timed out after " << m_o.timeoutS << " s waiting for " << what << "\n";
            return -2;
        }
        QEventLoop loop;
        QTimer::singleShot(500, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

int Cli::exec()
{
    if (m_o.flags.contains(u"--help"_s) || m_o.flags.contains(u"-h"_s) || m_o.words.isEmpty()) {
        out() << kUsage;
        return m_o.words.isEmpty() && !m_o.flags.contains(u"--help"_s) && !m_o.flags.contains(u"-h"_s) ? 2 : 0;
    }
    const QString command = m_o.words.value(0);
    if (command == "spark-log"_L1) {
#ifdef CLUSTERDECK_HAVE_SPARK
        QStringList rest = m_o.words.mid(1);
        for (const QString &option : {u"--api"_s, u"--compare-with"_s}) {
            if (m_o.values.contains(option))
                rest << option << m_o.values.value(option);
        }
        return spark::runSparkLogCommand(rest, out(), err());
#else
        err() << "clusterdeck-cli: spark-log is not built in this version\n";
        return 2;
#endif
    }
    QString tokenError;
    const QByteArray token = security::readTokenFile(m_o.tokenFile, &tokenError);
    if (token.isEmpty()) {
        err() << "clusterdeck-cli: " << tokenError << " (is the runtime running? pass --token-file)\n";
        return 3;
    }
    const QUrl url(m_o.runtime);
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)) {
        err() << "clusterdeck-cli: --runtime expects an http(s) URL, got '" << m_o.runtime << "'\n";
        return 2;
    }
    m_client = std::make_unique<RuntimeClient>(url, token);
    if (command == "cluster"_L1)
        return clusterCommand();
    if (command == "job"_L1)
        return jobCommand();
    if (command == "executors"_L1)
        return executorsCommand();
    if (command == "cost"_L1)
        return costCommand();
    if (command == "chaos"_L1)
        return chaosCommand();
    if (command == "incidents"_L1)
        return incidentsCommand();
    if (command == "runbook"_L1)
        return runbookCommand();
    if (command == "pricing"_L1)
        return pricingCommand();
    if (command == "slo"_L1)
        return sloCommand();
    if (command == "metrics"_L1)
        return metricsCommand();
    throw UsageError(u"unknown command '%1'"_s.arg(command));
}

int Cli::clusterCommand()
{
    const QString sub = m_o.words.value(1);
    const QString id = m_o.words.value(2);
    const QString clusterPath = u"/clusters/"_s + encodePathSegment(id);
    auto needId = [&] {
        if (id.isEmpty())
            throw UsageError(u"cluster %1 needs a cluster ID"_s.arg(sub));
    };
    if (sub == "list"_L1) {
        const ApiReply r = call("GET", u"/clusters"_s);
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] {
            const QJsonArray list = r.body.toArray();
            if (list.isEmpty())
                out() << "No clusters.\n";
            for (const QJsonValue &v : list)
                printCluster(ClusterInfo::fromJson(v.toObject()));
        });
    }
    if (sub == "describe"_L1) {
        needId();
        const ApiReply r = call("GET", clusterPath);
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] {
            const ClusterInfo c = ClusterInfo::fromJson(r.body.toObject());
            printCluster(c);
            out() << "  scheduler " << c.schedulerAddress << "  metrics " << c.dashboardUrl << "\n";
            out() << "  scaling " << c.spec.scaling.summary() << "\n  history:\n";
            for (const StateChange &s : c.history)
                out() << "    " << s.at.toString(Qt::ISODateWithMs) << "  " << toString(s.state) << "  " << s.reason
                      << "\n";
        });
    }
    if (sub == "launch"_L1) {
        const QJsonObject policy = policyFromOptions(m_o);
        QJsonObject spec{{u"name"_s, m_o.values.value(u"--name"_s)}};
        if (!policy.isEmpty())
            spec.insert(u"scaling"_s, policy);
        if (policy.isEmpty() || m_o.values.contains(u"--workers"_s))
            spec.insert(u"workers"_s, intValue(m_o, u"--workers"_s));
        QJsonObject spot;
        if (m_o.values.contains(u"--spot-interruptions-per-hour"_s)) {
            bool ok = false;
            const double rate = m_o.values.value(u"--spot-interruptions-per-hour"_s).toDouble(&ok);
            if (!ok)
                throw UsageError(u"--spot-interruptions-per-hour expects a number"_s);
            spot.insert(u"interruptionsPerHour"_s, rate);
        }
        if (m_o.values.contains(u"--spot-fallback-after"_s))
            spot.insert(u"fallbackAfter"_s, intValue(m_o, u"--spot-fallback-after"_s));
        if (m_o.values.contains(u"--spot-fallback-window"_s))
            spot.insert(u"fallbackWindowSeconds"_s, intValue(m_o, u"--spot-fallback-window"_s));
        if (!spot.isEmpty()) {
            if (!m_o.flags.contains(u"--spot"_s))
                throw UsageError(u"the --spot-* options need --spot"_s);
            spec.insert(u"spot"_s, spot);
        }
        QStringList scripts = m_o.values.values(u"--bootstrap"_s);
        std::reverse(scripts.begin(), scripts.end()); // QMultiMap returns the most recent first
        QJsonArray bootstrap;
        for (const QString &script : scripts) {
            QJsonObject action{{u"script"_s, QFileInfo(script).absoluteFilePath()}};
            if (m_o.values.contains(u"--bootstrap-timeout"_s))
                action.insert(u"timeoutSeconds"_s, intValue(m_o, u"--bootstrap-timeout"_s));
            bootstrap.append(action);
        }
        if (!bootstrap.isEmpty())
            spec.insert(u"bootstrapActions"_s, bootstrap);
        if (m_o.values.contains(u"--instance-type"_s))
            spec.insert(u"instanceType"_s, m_o.values.value(u"--instance-type"_s));
        if (m_o.flags.contains(u"--spot"_s))
            spec.insert(u"market"_s, u"spot"_s);
        if (m_o.values.contains(u"--idle-minutes"_s))
            spec.insert(u"idleTimeoutSeconds"_s, intValue(m_o, u"--idle-minutes"_s) * 60);
        if (m_o.values.contains(u"--idle-seconds"_s))
            spec.insert(u"idleTimeoutSeconds"_s, intValue(m_o, u"--idle-seconds"_s));
        if (m_o.flags.contains(u"--protect"_s))
            spec.insert(u"terminationProtection"_s, true);
        QJsonObject tags;
        for (const QString &tag : m_o.values.values(u"--tag"_s)) {
            const int eq = tag.indexOf(u'=');
            if (eq <= 0)
                throw UsageError(u"--tag expects key=value, got '%1'"_s.arg(tag));
            tags.insert(tag.left(eq), tag.mid(eq + 1));
        }
        if (!tags.isEmpty())
            spec.insert(u"tags"_s, tags);
        const ApiReply r = call("POST", u"/clusters"_s, spec);
        if (!r.ok())
            return fail(r);
        QJsonValue last = r.body;
        if (m_o.wait) {
            const QString newId = r.body.toObject().value(u"id"_s).toString();
            if (!m_o.json)
                err() << "Launched " << newId << "; waiting for WAITING (every worker registered)...\n";
            const int verdict = waitFor(u"/clusters/"_s + encodePathSegment(newId), [](const QJsonValue &v) {
                const ClusterInfo c = ClusterInfo::fromJson(v.toObject());
                if (isTerminal(c.state) || c.state == ClusterState::Terminating)
                    return -1;
                // The runtime turns WAITING once every worker has registered, or failed its bootstrap (that one
                // never will): the state says it, the worker count alone cannot.
                return c.state == ClusterState::Waiting ? 1 : 0;
            }, &last, u"the cluster to be WAITING"_s);
            if (verdict < 0) {
                done(last, [&] { printCluster(ClusterInfo::fromJson(last.toObject())); });
                return 1;
            }
        }
        return done(last, [&] { printCluster(ClusterInfo::fromJson(last.toObject())); });
    }
    if (sub == "scale"_L1) {
        needId();
        const int target = intValue(m_o, u"--workers"_s);
        const ApiReply r = call("POST", clusterPath + u"/scale"_s, {{u"workers"_s, target}});
        if (!r.ok())
            return fail(r);
        QJsonValue last = r.body;
        if (m_o.wait) {
            QJsonValue executors;
            const int verdict = waitFor(clusterPath + u"/executors"_s, [target](const QJsonValue &v) {
                int running = 0;
                int unsettled = 0;
                for (const QJsonValue &e : v.toArray()) {
                    const ExecutorStatus s = Executor::fromJson(e.toObject()).status;
                    running += s == ExecutorStatus::Running || s == ExecutorStatus::Paused;
                    unsettled += s == ExecutorStatus::Starting || s == ExecutorStatus::Retiring;
                }
                return running == target && unsettled == 0 ? 1 : 0;
            }, &executors, u"%1 running executors"_s.arg(target));
            const ApiReply final = call("GET", clusterPath);
            if (final.ok())
                last = final.body;
            if (verdict < 0) {
                done(last, [&] { printCluster(ClusterInfo::fromJson(last.toObject())); });
                return 1;
            }
        }
        return done(last, [&] { printCluster(ClusterInfo::fromJson(last.toObject())); });
    }
    if (sub == "policy"_L1) {
        needId();
        const QJsonObject policy = policyFromOptions(m_o);
        const ApiReply r = policy.isEmpty() ? call("GET", clusterPath + u"/policy"_s)
                                            : call("PUT", clusterPath + u"/policy"_s, policy);
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] {
            if (policy.isEmpty()) {
                QList<FieldError> ignored;
                out() << ScalingPolicy::fromJson(r.body.toObject(), &ignored).summary() << "\n";
            } else {
                const ClusterInfo c = ClusterInfo::fromJson(r.body.toObject());
                printCluster(c);
                out() << "  scaling: " << c.spec.scaling.summary() << "\n";
            }
        });
    }
    if (sub == "events"_L1) {
        needId();
        QString path = clusterPath + u"/events"_s;
        if (m_o.values.contains(u"--type"_s))
            path += u"?type="_s + QString::fromLatin1(QUrl::toPercentEncoding(m_o.values.value(u"--type"_s), ","));
        const ApiReply r = call("GET", path);
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] {
            const QJsonArray list = r.body.toArray();
            if (list.isEmpty())
                out() << "No events.\n";
            for (const QJsonValue &v : list) {
                const ClusterEvent e = ClusterEvent::fromJson(v.toObject());
                out() << e.time.toString(Qt::ISODateWithMs) << "  " << QStringLiteral("%1").arg(e.type, -17) << "  "
                      << eventValue(e.from) << " -> " << eventValue(e.to) << "  " << e.reason
                      << (e.executorId.isEmpty() ? QString() : u" ["_s + e.executorId + u']') << "\n";
            }
        });
    }
    if (sub == "timeline"_L1) {
        needId();
        QUrlQuery query;
        for (const QString &option : {u"--from"_s, u"--to"_s}) {
            if (!m_o.values.contains(option))
                continue;
            const QDateTime dt = QDateTime::fromString(m_o.values.value(option), Qt::ISODateWithMs);
            if (!dt.isValid())
                throw UsageError(option + u" expects an ISO 8601 time (2026-11-24T10:00:00Z)"_s);
            query.addQueryItem(option.mid(2), QString::number(dt.toMSecsSinceEpoch()));
        }
        const QString q = query.toString(QUrl::FullyEncoded);
        const ApiReply r = call("GET", clusterPath + u"/timeline"_s + (q.isEmpty() ? QString() : u'?' + q));
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] {
            const triage::Timeline timeline = triage::timelineFromJson(r.body.toArray());
            if (timeline.isEmpty())
                out() << "Nothing on the timeline.\n";
            for (const triage::TimelineEntry &e : timeline)
                out() << e.time.toString(Qt::ISODateWithMs) << "  " << QStringLiteral("%1").arg(toString(e.layer), -8)
                      << "  " << QStringLiteral("%1").arg(e.kind, -16) << "  " << e.text << "\n";
        });
    }
    if (sub == "protect"_L1) {
        needId();
        const bool on = m_o.flags.contains(u"--on"_s);
        if (on == m_o.flags.contains(u"--off"_s))
            throw UsageError(u"cluster protect needs exactly one of --on or --off"_s);
        const ApiReply r = call("PUT", clusterPath + u"/protection"_s, {{u"enabled"_s, on}});
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] { printCluster(ClusterInfo::fromJson(r.body.toObject())); });
    }
    if (sub == "terminate"_L1) {
        needId();
        const ApiReply r = call("DELETE", clusterPath);
        if (!r.ok())
            return fail(r);
        QJsonValue last = r.body;
        if (m_o.wait) {
            const int verdict = waitFor(clusterPath, [](const QJsonValue &v) {
                return isTerminal(ClusterInfo::fromJson(v.toObject()).state) ? 1 : 0;
            }, &last, u"the cluster to be TERMINATED"_s);
            const bool clean = ClusterInfo::fromJson(last.toObject()).state == ClusterState::Terminated;
            done(last, [&] { printCluster(ClusterInfo::fromJson(last.toObject())); });
            return verdict > 0 && clean ? 0 : 1;
        }
        return done(last, [&] { printCluster(ClusterInfo::fromJson(last.toObject())); });
    }
    throw UsageError(u"unknown cluster command '%1'"_s.arg(sub));
}

int Cli::executorsCommand()
{
    const QString id = m_o.words.value(1);
    if (id.isEmpty())
        throw UsageError(u"executors needs a cluster ID"_s);
    const ApiReply r = call("GET", u"/clusters/"_s + encodePathSegment(id) + u"/executors"_s);
    if (!r.ok())
        return fail(r);
    return done(r.body, [&] {
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                     .arg(u"ID"_s, -6).arg(u"STATUS"_s, -9).arg(u"RESTARTS"_s, 8).arg(u"ADDRESS"_s, -24)
                     .arg(u"MANAGED"_s, 10).arg(u"UNMANAGED"_s, 10).arg(u"SPILLED"_s, 10).arg(u"BYTES IN"_s, 10)
                     .arg(u"BYTES OUT"_s, 10);
        for (const QJsonValue &v : r.body.toArray()) {
            const Executor e = Executor::fromJson(v.toObject());
            out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                         .arg(e.id, -6).arg(toString(e.status), -9).arg(e.restarts, 8).arg(e.address, -24)
                         .arg(human(e.memoryManagedBytes), 10).arg(human(e.memoryUnmanagedBytes), 10)
                         .arg(human(e.memorySpilledBytes), 10).arg(human(e.bytesInTotal), 10)
                         .arg(human(e.bytesOutTotal), 10);
        }
    });
}

// "--from -15m", "--from 2026-11-24T10:00:00Z", "--from 1795976634507": epoch milliseconds for the API.
qint64 timeValue(const Options &o, const QString &option, qint64 nowMs)
{
    const QString v = o.values.value(option).trimmed();
    static const QRegularExpression relative(u"^-(\\d+)(s|m|h|d)$"_s);
    if (const QRegularExpressionMatch m = relative.match(v); m.hasMatch()) {
        static const QHash<QString, qint64> unitMs{{u"s"_s, 1000}, {u"m"_s, 60000}, {u"h"_s, 3600000}, {u"d"_s, 86400000}};
        return nowMs - m.captured(1).toLongLong() * unitMs.value(m.captured(2));
    }
    bool isNumber = false;
    const qint64 ms = v.toLongLong(&isNumber);
    if (isNumber && ms >= 0)
        return ms;
    QDateTime dt = QDateTime::fromString(v, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDate::fromString(v, Qt::ISODate).startOfDay(Qt::UTC);
    if (!dt.isValid())
        throw UsageError(option + u" expects epoch milliseconds, an ISO 8601 date or time, or -N(s|m|h|d)"_s);
    return dt.toMSecsSinceEpoch();
}

qint64 stepValue(const QString &text)
{
    static const QRegularExpression withUnit(u"^(\\d+)(ms|s|m|h)?$"_s);
    const QRegularExpressionMatch m = withUnit.match(text.trimmed());
    static const QHash<QString, qint64> unitMs{{u""_s, 1}, {u"ms"_s, 1}, {u"s"_s, 1000}, {u"m"_s, 60000}, {u"h"_s, 3600000}};
    const qint64 step = m.hasMatch() ? m.captured(1).toLongLong() * unitMs.value(m.captured(2)) : 0;
    if (step < 1000)
        throw UsageError(u"--step expects a bucket width of at least 1 s (e.g. 1000, 60s, 5m, 1h)"_s);
    return step;
}

QStringList listValues(const Options &o, const QString &option)
{
    QStringList values;
    for (const QString &v : o.values.values(option))
        for (const QString &part : v.split(u',', Qt::SkipEmptyParts))
            if (!values.contains(part.trimmed()))
                values.append(part.trimmed());
    return values;
}

int Cli::metricsCommand()
{
    const QString id = m_o.words.value(1);
    if (id.isEmpty())
        throw UsageError(u"metrics needs a cluster ID"_s);
    const QString path = u"/clusters/"_s + encodePathSegment(id) + u"/metrics"_s;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QUrlQuery query;
    for (const QString &option : {u"--from"_s, u"--to"_s})
        if (m_o.values.contains(option))
            query.addQueryItem(option.mid(2), QString::number(timeValue(m_o, option, nowMs)));
    if (m_o.values.contains(u"--step"_s))
        query.addQueryItem(u"step"_s, QString::number(stepValue(m_o.values.value(u"--step"_s))));
    QStringList series = listValues(m_o, u"--series"_s);
    const QStringList executors = listValues(m_o, u"--executor"_s);
    if (series.isEmpty()) {
        // Without names the runtime lists what it stores; ask for all of those.
        const ApiReply stored = call("GET", path);
        if (!stored.ok())
            return fail(stored);
        for (const QJsonValue &v : stored.body.toArray()) {
            const QString name = v.toObject().value(u"name"_s).toString();
            if (!name.isEmpty() && !series.contains(name))
                series.append(name);
        }
    }
    QJsonArray result;
    if (!series.isEmpty()) {
        query.addQueryItem(u"series"_s, series.join(u','));
        if (!executors.isEmpty())
            query.addQueryItem(u"executors"_s, executors.join(u','));
        const ApiReply r = call("GET", path + u'?' + query.toString(QUrl::FullyEncoded));
        if (!r.ok())
            return fail(r);
        // The API gives [ms, mean, min, max] per bucket; the CLI's document is [ms, value] with the mean.
        for (const QJsonValue &v : r.body.toArray()) {
            const QJsonObject s = v.toObject();
            QJsonArray points;
            for (const QJsonValue &p : s.value(u"points"_s).toArray()) {
                const QJsonArray bucket = p.toArray();
                points.append(QJsonArray{bucket.at(0), bucket.at(1)});
            }
            result.append(QJsonObject{{u"name"_s, s.value(u"name"_s)},
                                      {u"executor"_s, s.value(u"executor"_s)},
                                      {u"points"_s, points},
                                      {u"gaps"_s, s.value(u"gaps"_s)}});
        }
    }
    return done(result, [&] {
        if (result.isEmpty())
            out() << "No stored series.\n";
        for (const QJsonValue &v : result) {
            const QJsonObject s = v.toObject();
            const QJsonArray points = s.value(u"points"_s).toArray();
            const QString executor = s.value(u"executor"_s).isNull() ? u"total"_s : s.value(u"executor"_s).toString();
            out() << QStringLiteral("%1 %2 %3 points, %4 gaps").arg(s.value(u"name"_s).toString(), -24).arg(executor, -6)
                         .arg(points.size(), 6).arg(s.value(u"gaps"_s).toArray().size());
            if (!points.isEmpty()) {
                const QJsonArray last = points.last().toArray();
                out() << ", last " << QString::number(last.at(1).toDouble(), 'g', 6) << " at "
                      << QDateTime::fromMSecsSinceEpoch(qint64(last.at(0).toDouble()), Qt::UTC).toString(Qt::ISODate);
            }
            out() << "\n";
        }
    });
}

int Cli::incidentsCommand()
{
    const QString id = m_o.words.value(1);
    if (id.isEmpty())
        throw UsageError(u"incidents needs a cluster ID"_s);
    const ApiReply r = call("GET", u"/clusters/"_s + encodePathSegment(id) + u"/incidents"_s);
    if (!r.ok())
        return fail(r);
    return done(r.body, [&] {
        const QJsonArray list = r.body.toArray();
        if (list.isEmpty())
            out() << "No incidents.\n";
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            out() << QStringLiteral("%1 %2 %3 %4\n")
                         .arg(o.value(u"severity"_s).toString(), -9)
                         .arg(o.value(u"type"_s).toString(), -18)
                         .arg(o.value(u"start"_s).toString())
                         .arg(o.value(u"end"_s).isNull() ? u"(open)"_s : u"-> "_s + o.value(u"end"_s).toString())
                  << "    " << o.value(u"summary"_s).toString() << "\n    runbook: " << o.value(u"runbook"_s).toString()
                  << "  (clusterdeck-cli runbook " << o.value(u"runbook"_s).toString() << ")\n";
        }
    });
}

int Cli::sloCommand()
{
    const QString sub = m_o.words.value(1);
    auto number = [](const std::optional<double> &v, char format, int precision, const QString &suffix = {}) {
        return v ? QString::number(*v, format, precision) + suffix : u"-"_s;
    };
    auto optional = [](const QJsonValue &v) { return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt; };
    if (sub == "list"_L1) {
        const ApiReply r = call("GET", u"/slos"_s);
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] {
            const QJsonArray list = r.body.toArray();
            if (list.isEmpty()) {
                out() << "No SLOs. Add one: clusterdeck-cli slo add --job NAME --objective 0.99\n";
                return;
            }
            out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n")
                         .arg(u"ID"_s, -12).arg(u"SLO"_s, -28).arg(u"SLI NOW"_s, -10).arg(u"OBJECTIVE"_s, -10)
                         .arg(u"BUDGET"_s, -8).arg(u"1H"_s, -7).arg(u"6H"_s, -7).arg(u"1D"_s, -7).arg(u"3D"_s, -7)
                         .arg(u"ALERT"_s);
            for (const QJsonValue &v : list) {
                const QJsonObject o = v.toObject();
                const QJsonObject st = o.value(u"status"_s).toObject();
                const QJsonObject burns = st.value(u"burnRates"_s).toObject();
                const QString sli = o.value(u"sli"_s).toString();
                const auto now = optional(st.value(u"sli"_s));
                const QString sliText = sli == "p95_duration"_L1 || sli == "freshness"_L1
                                            ? number(now, 'f', 1, u" s"_s)
                                            : number(now ? std::optional<double>(*now * 100) : std::nullopt, 'f', 2, u"%"_s);
                out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n")
                             .arg(o.value(u"id"_s).toString(), -12)
                             .arg(o.value(u"name"_s).toString().left(28), -28)
                             .arg(sliText, -10)
                             .arg(QString::number(o.value(u"objective"_s).toDouble() * 100, 'g', 4) + u"%"_s, -10)
                             .arg(QString::number(st.value(u"budgetRemaining"_s).toDouble() * 100, 'f', 0) + u"%"_s, -8)
                             .arg(number(optional(burns.value(u"1h"_s)), 'f', 1, u"x"_s), -7)
                             .arg(number(optional(burns.value(u"6h"_s)), 'f', 1, u"x"_s), -7)
                             .arg(number(optional(burns.value(u"1d"_s)), 'f', 1, u"x"_s), -7)
                             .arg(number(optional(burns.value(u"3d"_s)), 'f', 1, u"x"_s), -7)
                             .arg(st.value(u"alert"_s).toString());
                if (!st.value(u"summary"_s).toString().isEmpty())
                    out() << "    " << st.value(u"summary"_s).toString() << "\n";
            }
        });
    }
    if (sub == "add"_L1) {
        QJsonObject body;
        if (m_o.values.contains(u"--job"_s))
            body.insert(u"job"_s, m_o.values.value(u"--job"_s));
        if (m_o.values.contains(u"--tag"_s))
            body.insert(u"tag"_s, m_o.values.value(u"--tag"_s));
        if (m_o.values.contains(u"--sli"_s))
            body.insert(u"sli"_s, m_o.values.value(u"--sli"_s));
        if (m_o.values.contains(u"--window"_s))
            body.insert(u"window"_s, m_o.values.value(u"--window"_s));
        if (m_o.values.contains(u"--name"_s))
            body.insert(u"name"_s, m_o.values.value(u"--name"_s));
        if (!m_o.values.contains(u"--objective"_s))
            throw UsageError(u"slo add needs --objective (0.99, or 99%)"_s);
        QString objective = m_o.values.value(u"--objective"_s).trimmed();
        const bool percent = objective.endsWith(u'%');
        if (percent)
            objective.chop(1);
        bool ok = false;
        const double value = objective.toDouble(&ok);
        if (!ok)
            throw UsageError(u"--objective expects a fraction (0.99) or a percentage (99%)"_s);
        body.insert(u"objective"_s, percent ? value / 100 : value);
        if (m_o.values.contains(u"--threshold"_s)) {
            const double threshold = m_o.values.value(u"--threshold"_s).toDouble(&ok);
            if (!ok)
                throw UsageError(u"--threshold expects seconds"_s);
            body.insert(u"thresholdSeconds"_s, threshold);
        }
        const ApiReply r = call("POST", u"/slos"_s, body);
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] {
            const QJsonObject o = r.body.toObject();
            out() << "Added SLO " << o.value(u"id"_s).toString() << " (" << o.value(u"name"_s).toString() << ")\n";
        });
    }
    if (sub == "remove"_L1) {
        const QString id = m_o.words.value(2);
        if (id.isEmpty())
            throw UsageError(u"slo remove needs an SLO ID (see clusterdeck-cli slo list)"_s);
        const ApiReply r = call("DELETE", u"/slos/"_s + encodePathSegment(id));
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] { out() << "Removed SLO " << id << "\n"; });
    }
    throw UsageError(u"slo needs list, add or remove"_s);
}

int Cli::runbookCommand()
{
    const QString name = m_o.words.value(1);
    if (name.isEmpty())
        throw UsageError(u"runbook needs a name (clusterdeck-cli runbook executor_oom)"_s);
    const ApiReply r = call("GET", u"/runbooks/"_s + encodePathSegment(name));
    if (!r.ok())
        return fail(r);
    return done(r.body, [&] { out() << r.body.toObject().value(u"markdown"_s).toString(); });
}

int Cli::chaosCommand()
{
    const QString id = m_o.words.value(1);
    const QString action = m_o.words.value(2);
    if (id.isEmpty() || (action != "kill-worker"_L1 && action != "stall-worker"_L1 && action != "spot-interruption"_L1))
        throw UsageError(u"chaos needs a cluster ID and kill-worker, stall-worker or spot-interruption"_s);
    QJsonObject body{{u"action"_s, action}};
    if (m_o.values.contains(u"--executor"_s))
        body.insert(u"executor"_s, m_o.values.value(u"--executor"_s));
    if (m_o.values.contains(u"--seconds"_s)) {
        if (action != "stall-worker"_L1)
            throw UsageError(u"--seconds goes with stall-worker"_s);
        body.insert(u"seconds"_s, intValue(m_o, u"--seconds"_s));
    }
    const ApiReply r = call("POST", u"/clusters/"_s + encodePathSegment(id) + u"/chaos"_s, body);
    if (!r.ok())
        return fail(r);
    return done(r.body, [&] {
        const QJsonObject o = r.body.toObject();
        if (action == "spot-interruption"_L1)
            out() << "Spot-interrupted executor " << o.value(u"executor"_s).toString()
                  << ": LOST, a replacement is starting (cluster events " << id << " shows the market it bought)\n";
        else if (action == "kill-worker"_L1)
            out() << "Killed executor " << o.value(u"executor"_s).toString() << " (process group "
                  << qint64(o.value(u"processGroup"_s).toDouble()) << "): it is LOST and will not restart\n";
        else
            out() << "Stalled executor " << o.value(u"executor"_s).toString() << " for "
                  << o.value(u"seconds"_s).toInt() << " s (process group "
                  << qint64(o.value(u"processGroup"_s).toDouble()) << ")\n";
    });
}

int Cli::costCommand()
{
    // The runtime keeps the ledger (recorded lifetimes at the rates of their start); the CLI asks for it.
    const QString clusterId = m_o.words.value(1);
    QUrlQuery query;
    if (m_o.values.contains(u"--by"_s)) {
        if (!cost::costGroupingFromString(m_o.values.value(u"--by"_s)))
            throw UsageError(u"--by expects instance, tag, job or day"_s);
        query.addQueryItem(u"by"_s, m_o.values.value(u"--by"_s));
    }
    if (m_o.values.contains(u"--tag-key"_s))
        query.addQueryItem(u"tagKey"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_o.values.value(u"--tag-key"_s))));
    for (const QString &option : {u"--from"_s, u"--to"_s}) {
        if (!m_o.values.contains(option))
            continue;
        QDateTime dt = QDateTime::fromString(m_o.values.value(option), Qt::ISODateWithMs);
        if (!dt.isValid())
            dt = QDate::fromString(m_o.values.value(option), Qt::ISODate).startOfDay(Qt::UTC);
        if (!dt.isValid())
            throw UsageError(option + u" expects an ISO 8601 date or time"_s);
        query.addQueryItem(option.mid(2), QString::number(dt.toMSecsSinceEpoch()));
    }
    const QString path = clusterId.isEmpty() ? u"/cost"_s : u"/clusters/"_s + encodePathSegment(clusterId) + u"/cost"_s;
    const QString q = query.toString(QUrl::FullyEncoded);
    const ApiReply r = call("GET", q.isEmpty() ? path : path + u'?' + q);
    if (!r.ok())
        return fail(r);
    QJsonObject report = r.body.toObject();
    // The Cost page's extras stay in the API; the CLI prints the ledger.
    for (const QString &extra : {u"meter"_s, u"jobs"_s, u"now"_s})
        report.remove(extra);
    return done(report, [&] {
        out() << QJsonDocument(report).toJson(QJsonDocument::Indented);
    });
}

int Cli::pricingCommand()
{
    const ApiReply r = call("GET", u"/pricing"_s);
    if (!r.ok())
        return fail(r);
    return done(r.body, [&] {
        const QJsonObject o = r.body.toObject();
        out() << "Price catalog " << o.value(u"source"_s).toString() << " (" << o.value(u"currency"_s).toString()
              << ", as of " << o.value(u"asOf"_s).toString() << ")\n";
        out() << QJsonDocument(o.value(u"instanceTypes"_s).toArray()).toJson(QJsonDocument::Indented);
    });
}

int Cli::jobCommand()
{
    const QString sub = m_o.words.value(1);
    const QString id = m_o.words.value(2);
    const QString jobsPath = u"/clusters/"_s + encodePathSegment(id) + u"/jobs"_s;
    auto printJob = [](const Job &j) {
        out() << j.id << "  " << j.name << "  " << toString(j.state)
              << (j.exitCode ? u"  exit %1"_s.arg(*j.exitCode) : QString()) << "  "
              << QString::number(j.durationSeconds(QDateTime::currentDateTimeUtc()), 'f', 1) << " s"
              << (j.stateReason.isEmpty() ? QString() : u"  ("_s + j.stateReason + u")"_s) << "\n";
    };
    if (sub == "samples"_L1) {
        const ApiReply r = call("GET", u"/samples"_s);
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] {
            for (const QJsonValue &v : r.body.toArray())
                out() << v.toObject().value(u"name"_s).toString() << "  "
                      << v.toObject().value(u"description"_s).toString() << "\n";
        });
    }
    if (id.isEmpty())
        throw UsageError(u"job %1 needs a cluster ID"_s.arg(sub));
    if (sub == "list"_L1) {
        const ApiReply r = call("GET", jobsPath);
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] {
            for (const QJsonValue &v : r.body.toArray())
                printJob(Job::fromJson(v.toObject()));
        });
    }
    auto waitJob = [&](const QString &jobId, QJsonValue *last) {
        return waitFor(jobsPath + u"/"_s + encodePathSegment(jobId), [](const QJsonValue &v) {
            return isFinished(Job::fromJson(v.toObject()).state) ? 1 : 0;
        }, last, u"job %1 to finish"_s.arg(jobId));
    };
    auto finish = [&](const QJsonValue &last, int verdict) {
        const Job j = Job::fromJson(last.toObject());
        done(last, [&] {
            printJob(j);
            if (j.state != JobState::Completed && !j.logTail.isEmpty())
                out() << j.logTail << "\n";
        });
        return verdict > 0 && j.state == JobState::Completed ? 0 : 1;
    };
    if (sub == "submit"_L1) {
        QJsonObject body;
        if (m_o.values.contains(u"--sample"_s) == m_o.values.contains(u"--script"_s))
            throw UsageError(u"job submit needs exactly one of --sample NAME or --script PATH"_s);
        if (m_o.values.contains(u"--sample"_s))
            body.insert(u"sample"_s, m_o.values.value(u"--sample"_s));
        else
            body.insert(u"script"_s, QFileInfo(m_o.values.value(u"--script"_s)).absoluteFilePath());
        QStringList args = m_o.values.values(u"--arg"_s);
        std::reverse(args.begin(), args.end()); // QMultiMap returns the most recent first
        body.insert(u"args"_s, QJsonArray::fromStringList(args));
        const ApiReply r = call("POST", jobsPath, body);
        if (!r.ok())
            return fail(r);
        if (!m_o.wait)
            return done(r.body, [&] { printJob(Job::fromJson(r.body.toObject())); });
        QJsonValue last = r.body;
        return finish(last, waitJob(r.body.toObject().value(u"id"_s).toString(), &last));
    }
    const QString jobId = m_o.words.value(3);
    if (jobId.isEmpty())
        throw UsageError(u"job %1 needs a cluster ID and a job ID"_s.arg(sub));
    if (sub == "dag"_L1) {
        const ApiReply r = call("GET", jobsPath + u"/"_s + encodePathSegment(jobId) + u"/dag"_s);
        if (!r.ok())
            return fail(r);
        QString error;
        const auto graph = dag::Dag::fromJson(r.body.toObject(), &error);
        if (!graph) {
            err() << "clusterdeck-cli: the runtime sent a malformed DAG: " << error << "\n";
            return 1;
        }
        if (m_o.flags.contains(u"--dot"_s)) {
            out() << graph->toDot();
            return 0;
        }
        return done(r.body, [&] {
            out() << graph->nodes().size() << " nodes, " << graph->edges().size() << " edges\n";
            for (const dag::DagNode &n : graph->nodes())
                out() << "  " << dag::toString(n.state) << "  " << n.name << "  " << n.taskCount() << " tasks  "
                      << human(n.bytes) << "  " << QString::number(n.durationS, 'f', 1) << " s\n";
        });
    }
    if (sub == "describe"_L1) {
        const ApiReply r = call("GET", jobsPath + u"/"_s + encodePathSegment(jobId));
        if (!r.ok())
            return fail(r);
        return done(r.body, [&] {
            const Job j = Job::fromJson(r.body.toObject());
            printJob(j);
            out() << j.logTail << "\n";
        });
    }
    if (sub == "cancel"_L1) {
        const ApiReply r = call("DELETE", jobsPath + u"/"_s + encodePathSegment(jobId));
        if (!r.ok())
            return fail(r);
        if (!m_o.wait)
            return done(r.body, [&] { printJob(Job::fromJson(r.body.toObject())); });
        QJsonValue last = r.body;
        const int verdict = waitJob(jobId, &last);
        done(last, [&] { printJob(Job::fromJson(last.toObject())); });
        return verdict > 0 && Job::fromJson(last.toObject()).state == JobState::Cancelled ? 0 : 1;
    }
    throw UsageError(u"unknown job command '%1'"_s.arg(sub));
}

} // namespace

int run(const QStringList &args)
{
    try {
        Cli cli(parse(args));
        return cli.exec();
    } catch (const UsageError &e) {
        err() << "clusterdeck-cli: " << e.message << "\n(run clusterdeck-cli --help for the commands)\n";
        return 2;
    }
}

} // namespace cdeck::cli
