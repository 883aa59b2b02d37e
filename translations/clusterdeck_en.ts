<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>cdeck::ClusterActions</name>
    <message numerus="yes">
        <source>Scaling %1 to %n worker(s)…</source>
        <translation>
            <numerusform>Scaling %1 to %n worker…</numerusform>
            <numerusform>Scaling %1 to %n workers…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::ClusterListModel</name>
    <message numerus="yes">
        <source>%n open incident(s)</source>
        <translation>
            <numerusform>%n open incident</numerusform>
            <numerusform>%n open incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::ConnectionStatus</name>
    <message numerus="yes">
        <source>connected · %n cluster(s), %1 live · updated %2</source>
        <translation>
            <numerusform>connected · %n cluster, %1 live · updated %2</numerusform>
            <numerusform>connected · %n clusters, %1 live · updated %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::DagPanel</name>
    <message numerus="yes">
        <source>%1 of %n task(s) done (%2%)</source>
        <translation>
            <numerusform>%1 of %n task done (%2%)</numerusform>
            <numerusform>%1 of %n tasks done (%2%)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A folded fan-out of %n task group(s):</source>
        <translation>
            <numerusform>A folded fan-out of %n task group:</numerusform>
            <numerusform>A folded fan-out of %n task groups:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Laying out %n task group(s)…</source>
        <translation>
            <numerusform>Laying out %n task group…</numerusform>
            <numerusform>Laying out %n task groups…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task group(s)</source>
        <translation>
            <numerusform>%n task group</numerusform>
            <numerusform>%n task groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation>
            <numerusform>%n edge</numerusform>
            <numerusform>%n edges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown after folding fan-outs</source>
        <translation>
            <numerusform>%n shown after folding fan-outs</numerusform>
            <numerusform>%n shown after folding fan-outs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::EnvironmentPage</name>
    <message numerus="yes">
        <source>%n entries: runtime, properties and classpath.</source>
        <translation>
            <numerusform>%n entry: runtime, properties and classpath.</numerusform>
            <numerusform>%n entries: runtime, properties and classpath.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::EventLogFeed</name>
    <message numerus="yes">
        <source>%n executor(s) over the application&apos;s life, at most %1 at once</source>
        <translation>
            <numerusform>%n executor over the application&apos;s life, at most %1 at once</numerusform>
            <numerusform>%n executors over the application&apos;s life, at most %1 at once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mean task run time: %1 over %n finished task(s).</source>
        <translation>
            <numerusform>Mean task run time: %1 over %n finished task.</numerusform>
            <numerusform>Mean task run time: %1 over %n finished tasks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were not JSON events and were skipped.</source>
        <translation>
            <numerusform>%n line was not a JSON event and was skipped.</numerusform>
            <numerusform>%n lines were not JSON events and were skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::ExecutorMemoryPanel</name>
    <message numerus="yes">
        <source>Cluster: %1 in use of %2 · spilled %3 · %n executor(s)</source>
        <translation>
            <numerusform>Cluster: %1 in use of %2 · spilled %3 · %n executor</numerusform>
            <numerusform>Cluster: %1 in use of %2 · spilled %3 · %n executors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::ExecutorModel</name>
    <message numerus="yes">
        <source>%1 (%2)
state: %3 %4
allocated %5 of %6 to %n container(s)
last health report %7</source>
        <translation>
            <numerusform>%1 (%2)
state: %3 %4
allocated %5 of %6 to %n container
last health report %7</numerusform>
            <numerusform>%1 (%2)
state: %3 %4
allocated %5 of %6 to %n containers
last health report %7</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::ExecutorsPanel</name>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n core</numerusform>
            <numerusform>%n cores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vcore(s)</source>
        <translation>
            <numerusform>%n vcore</numerusform>
            <numerusform>%n vcores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::IncidentTimeline</name>
    <message numerus="yes">
        <source>%n bar(s)</source>
        <translation>
            <numerusform>%n bar</numerusform>
            <numerusform>%n bars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s)</source>
        <translation>
            <numerusform>%n mark</numerusform>
            <numerusform>%n marks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::IncidentsPanel</name>
    <message numerus="yes">
        <source>%n incident(s), all over.</source>
        <translation>
            <numerusform>%n incident, over.</numerusform>
            <numerusform>%n incidents, all over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n open incident(s)&lt;/b&gt;, worst first.</source>
        <translation>
            <numerusform>&lt;b&gt;%n open incident&lt;/b&gt;.</numerusform>
            <numerusform>&lt;b&gt;%n open incidents&lt;/b&gt;, worst first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cluster&apos;s scaling policy allows at most %n worker(s): raise its maximum first.</source>
        <translation>
            <numerusform>The cluster&apos;s scaling policy allows at most %n worker: raise its maximum first.</numerusform>
            <numerusform>The cluster&apos;s scaling policy allows at most %n workers: raise its maximum first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Starts %n new worker(s) (%1)</source>
        <translation>
            <numerusform>Starts %n new worker (%1)</numerusform>
            <numerusform>Starts %n new workers (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) now</source>
        <translation>
            <numerusform>%n worker now</numerusform>
            <numerusform>%n workers now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%1 requested, %n missing: they start too).</source>
        <translation>
            <numerusform>(%1 requested, %n missing: it starts too).</numerusform>
            <numerusform>(%1 requested, %n missing: they start too).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cluster %1 (%2): %3 → TERMINATED. Its %n worker(s) and scheduler stop and stop costing money; its history and incidents stay.</source>
        <translation>
            <numerusform>Cluster %1 (%2): %3 → TERMINATED. Its %n worker and scheduler stop and stop costing money; its history and incidents stay.</numerusform>
            <numerusform>Cluster %1 (%2): %3 → TERMINATED. Its %n workers and scheduler stop and stop costing money; its history and incidents stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::LaunchForm</name>
    <message numerus="yes">
        <source>%1: %n thread(s), %2 per worker (like %3)</source>
        <translation>
            <numerusform>%1: %n thread, %2 per worker (like %3)</numerusform>
            <numerusform>%1: %n threads, %2 per worker (like %3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · at most %n worker(s) of this type fit in the runtime&apos;s memory</source>
        <translation>
            <numerusform>%1 · at most %n worker of this type fits in the runtime&apos;s memory</numerusform>
            <numerusform>%1 · at most %n workers of this type fit in the runtime&apos;s memory</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::OverviewPanel</name>
    <message numerus="yes">
        <source>%n spot interruption(s) in the last hour</source>
        <translation>
            <numerusform>%n spot interruption in the last hour</numerusform>
            <numerusform>%n spot interruptions in the last hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n thread(s), %2 per worker (like %3)</source>
        <translation>
            <numerusform>%1: %n thread, %2 per worker (like %3)</numerusform>
            <numerusform>%1: %n threads, %2 per worker (like %3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::ScaleDialog</name>
    <message numerus="yes">
        <source>%n worker(s) requested, %1 running (%2)</source>
        <translation>
            <numerusform>%n worker requested, %1 running (%2)</numerusform>
            <numerusform>%n workers requested, %1 running (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n executor(s): adds %1 and %2 of memory.</source>
        <translation>
            <numerusform>+%n executor: adds %1 and %2 of memory.</numerusform>
            <numerusform>+%n executors: adds %1 and %2 of memory.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>−%n executor(s): retires them gracefully (their data moves to the others first); frees %1 and %2.</source>
        <translation>
            <numerusform>−%n executor: retires it gracefully (its data moves to the others first); frees %1 and %2.</numerusform>
            <numerusform>−%n executors: retires them gracefully (their data moves to the others first); frees %1 and %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::SlosPanel</name>
    <message numerus="yes">
        <source>%n SLO(s)</source>
        <translation>
            <numerusform>%n SLO</numerusform>
            <numerusform>%n SLOs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n alerting</source>
        <translation>
            <numerusform>, %n alerting</numerusform>
            <numerusform>, %n alerting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::SparkStagePage</name>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complete</source>
        <translation>
            <numerusform>%n complete</numerusform>
            <numerusform>%n complete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n killed</source>
        <translation>
            <numerusform>%n killed</numerusform>
            <numerusform>%n killed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Summary metrics of %n successful task(s)</source>
        <translation>
            <numerusform>Summary metrics of %n successful task</numerusform>
            <numerusform>Summary metrics of %n successful tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed task(s), by reason</source>
        <translation>
            <numerusform>%n failed task, by reason</numerusform>
            <numerusform>%n failed tasks, by reason</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n task(s)</source>
        <translation>
            <numerusform>Showing %1 of %n task</numerusform>
            <numerusform>Showing %1 of %n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::SparkStagesView</name>
    <message numerus="yes">
        <source>&lt;b&gt;Stages of job %1&lt;/b&gt; (%n stage attempt(s))</source>
        <translation>
            <numerusform>&lt;b&gt;Stages of job %1&lt;/b&gt; (%n stage attempt)</numerusform>
            <numerusform>&lt;b&gt;Stages of job %1&lt;/b&gt; (%n stage attempts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::SqlPage</name>
    <message numerus="yes">
        <source>%n SQL execution(s). Select one to see its plan; select an operator for its metrics.</source>
        <translation>
            <numerusform>%n SQL execution. Select one to see its plan; select an operator for its metrics.</numerusform>
            <numerusform>%n SQL executions. Select one to see its plan; select an operator for its metrics.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::SummaryPanel</name>
    <message numerus="yes">
        <source>Spend by day (%n day(s), UTC)</source>
        <translation>
            <numerusform>Spend by day (%n day, UTC)</numerusform>
            <numerusform>Spend by day (%n days, UTC)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::TerminateDialog</name>
    <message numerus="yes">
        <source>Terminating &lt;b&gt;%1&lt;/b&gt; stops its scheduler and its %n executor(s); running jobs are interrupted and data held in memory is lost. This cannot be undone.</source>
        <translation>
            <numerusform>Terminating &lt;b&gt;%1&lt;/b&gt; stops its scheduler and its %n executor; running jobs are interrupted and data held in memory is lost. This cannot be undone.</numerusform>
            <numerusform>Terminating &lt;b&gt;%1&lt;/b&gt; stops its scheduler and its %n executors; running jobs are interrupted and data held in memory is lost. This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::TimelineChart</name>
    <message numerus="yes">
        <source>%n task(s) retried</source>
        <translation>
            <numerusform>%n task retried</numerusform>
            <numerusform>%n tasks retried</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::TimelinePanel</name>
    <message numerus="yes">
        <source>… %n more task group(s)</source>
        <translation>
            <numerusform>… %n more task group</numerusform>
            <numerusform>… %n more task groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 · %n task(s)</source>
        <translation>
            <numerusform>%1 · %2 · %3 · %n task</numerusform>
            <numerusform>%1 · %2 · %3 · %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n erred</source>
        <translation>
            <numerusform>%n erred</numerusform>
            <numerusform>%n erred</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retried or rescheduled</source>
        <translation>
            <numerusform>%n retried or rescheduled</numerusform>
            <numerusform>%n retried or rescheduled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task group(s)</source>
        <translation>
            <numerusform>%n task group</numerusform>
            <numerusform>%n task groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed task group(s)</source>
        <translation>
            <numerusform>%n failed task group</numerusform>
            <numerusform>%n failed task groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>↻ %n task(s) retried or rescheduled</source>
        <translation>
            <numerusform>↻ %n task retried or rescheduled</numerusform>
            <numerusform>↻ %n tasks retried or rescheduled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::costview</name>
    <message numerus="yes">
        <source> + %n running instance(s) at %1 for the %2 left</source>
        <translation>
            <numerusform> + %n running instance at %1 for the %2 left</numerusform>
            <numerusform> + %n running instances at %1 for the %2 left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> + the trend of %n complete day(s) of ended instances</source>
        <translation>
            <numerusform> + the trend of %n complete day of ended instances</numerusform>
            <numerusform> + the trend of %n complete days of ended instances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::spark::EventLogReader</name>
    <message numerus="yes">
        <source>%n damaged line(s) skipped</source>
        <translation>
            <numerusform>%n damaged line skipped</numerusform>
            <numerusform>%n damaged lines skipped</numerusform>
        </translation>
    </message>
</context>
</TS>
