// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// job samples | submit | list | describe | cancel | dag
#include "clicontext.h"

#include "core/dag/dag.h"
#include "core/model/job.h"

#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cdeck::cli {

namespace {

void printJob(const Job &j)
{
    out() << j.id << "  " << j.name << "  " << toString(j.state)
          << (j.exitCode ? u"  exit %1"_s.arg(*j.exitCode) : QString()) << "  "
          << QString::number(j.durationSeconds(QDateTime::currentDateTimeUtc()), 'f', 1) << " s"
          << (j.stateReason.isEmpty() ? QString() : u"  ("_s + j.stateReason + u")"_s) << "\n";
}

// The cluster (id or name) and job of the command line, as the route's parameters.
QStringList clusterAndJob(Context &ctx, const CommandOptions &o)
{
    return {ctx.clusterId(o.word(u"CLUSTER"_s)), o.word(u"JOB"_s)};
}

int waitJob(Context &ctx, const QString &clusterId, const QString &jobId, QJsonValue *last)
{
    return ctx.waitForJob(
        clusterId, jobId, [](const QJsonObject &job) { return isFinished(Job::fromJson(job).state) ? 1 : 0; }, last,
        u"job %1 to finish"_s.arg(jobId));
}

int samples(Context &ctx, const CommandOptions &)
{
    const ApiReply r = ctx.call(api::RouteId::Samples);
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        for (const QJsonValue &v : r.body.toArray())
            out() << v.toObject().value(u"name"_s).toString() << "  " << v.toObject().value(u"description"_s).toString()
                  << "\n";
    });
}

int list(Context &ctx, const CommandOptions &o)
{
    const ApiReply r = ctx.call(api::RouteId::Jobs, {ctx.clusterId(o.word(u"CLUSTER"_s))});
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        for (const QJsonValue &v : r.body.toArray())
            printJob(Job::fromJson(v.toObject()));
    });
}

int submit(Context &ctx, const CommandOptions &o)
{
    QJsonObject body;
    if (o.has(u"--sample"_s) == o.has(u"--script"_s))
        throw UsageError(u"job submit needs exactly one of --sample NAME or --script PATH"_s);
    if (o.has(u"--sample"_s))
        body.insert(u"sample"_s, o.value(u"--sample"_s));
    else
        body.insert(u"script"_s, QFileInfo(o.value(u"--script"_s)).absoluteFilePath());
    body.insert(u"args"_s, QJsonArray::fromStringList(o.values(u"--arg"_s)));
    const QString clusterId = ctx.clusterId(o.word(u"CLUSTER"_s));
    const ApiReply r = ctx.call(api::RouteId::JobSubmit, {clusterId}, body);
    if (!r.ok())
        return ctx.fail(r);
    if (!o.has(u"--wait"_s))
        return ctx.done(r.body, [&] { printJob(Job::fromJson(r.body.toObject())); });
    QJsonValue last = r.body;
    const QString jobId = r.body.toObject().value(u"id"_s).toString();
    const int verdict = waitJob(ctx, clusterId, jobId, &last);
    const Job j = Job::fromJson(last.toObject());
    ctx.done(last, [&] {
        printJob(j);
        if (j.state != JobState::Completed && !j.logTail.isEmpty())
            out() << j.logTail << "\n";
    });
    return verdict > 0 && j.state == JobState::Completed ? ExitOk : ExitFailed;
}

int dagCommand(Context &ctx, const CommandOptions &o)
{
    const ApiReply r = ctx.call(api::RouteId::JobDag, clusterAndJob(ctx, o));
    if (!r.ok())
        return ctx.fail(r);
    QString error;
    const auto graph = dag::Dag::fromJson(r.body.toObject(), &error);
    if (!graph)
        return ctx.error(u"the runtime sent a malformed DAG: "_s + error, ExitFailed);
    if (o.has(u"--dot"_s)) {
        out() << graph->toDot();
        return ExitOk;
    }
    return ctx.done(r.body, [&] {
        out() << graph->nodes().size() << " nodes, " << graph->edges().size() << " edges\n";
        for (const dag::DagNode &n : graph->nodes())
            out() << "  " << dag::toString(n.state) << "  " << n.name << "  " << n.taskCount() << " tasks  "
                  << human(n.bytes) << "  " << QString::number(n.durationS, 'f', 1) << " s\n";
    });
}

int describe(Context &ctx, const CommandOptions &o)
{
    const ApiReply r = ctx.call(api::RouteId::Job, clusterAndJob(ctx, o));
    if (!r.ok())
        return ctx.fail(r);
    return ctx.done(r.body, [&] {
        const Job j = Job::fromJson(r.body.toObject());
        printJob(j);
        out() << j.logTail << "\n";
    });
}

int cancel(Context &ctx, const CommandOptions &o)
{
    const QStringList ids = clusterAndJob(ctx, o);
    const ApiReply r = ctx.call(api::RouteId::JobCancel, ids);
    if (!r.ok())
        return ctx.fail(r);
    if (!o.has(u"--wait"_s))
        return ctx.done(r.body, [&] { printJob(Job::fromJson(r.body.toObject())); });
    QJsonValue last = r.body;
    const int verdict = waitJob(ctx, ids[0], ids[1], &last);
    ctx.done(last, [&] { printJob(Job::fromJson(last.toObject())); });
    return verdict > 0 && Job::fromJson(last.toObject()).state == JobState::Cancelled ? ExitOk : ExitFailed;
}

const char *const kCluster = "a cluster's id or name";

} // namespace

void addJobCommands(CLI::App &root, Context &ctx)
{
    CLI::App &job = addGroup(root, "job", "Submit, list, describe and cancel jobs");
    addCommand(job, ctx, "samples", "The sample jobs the runtime ships", samples);
    addCommand(job, ctx, "submit", "Submit a sample or a script", submit)
        ->positional("CLUSTER", kCluster)
        .value("--sample", "a sample's name (clusterdeck-cli job samples)")
        .value("--script", "a Python script's path")
        .list("--arg", "an argument for the job (repeatable)")
        .flag("--wait", "wait until the job finishes; non-zero unless it completed");
    addCommand(job, ctx, "list", "A cluster's jobs", list)->positional("CLUSTER", kCluster);
    addCommand(job, ctx, "describe", "A job's state and log tail", describe)
        ->positional("CLUSTER", kCluster)
        .positional("JOB", "the job's id");
    addCommand(job, ctx, "cancel", "Cancel a job", cancel)
        ->positional("CLUSTER", kCluster)
        .positional("JOB", "the job's id")
        .flag("--wait", "wait until it is CANCELLED");
    addCommand(job, ctx, "dag", "The job's DAG: task groups and their dependencies (--json, or --dot)", dagCommand)
        ->positional("CLUSTER", kCluster)
        .positional("JOB", "the job's id")
        .flag("--dot", "Graphviz DOT");
}

} // namespace cdeck::cli
