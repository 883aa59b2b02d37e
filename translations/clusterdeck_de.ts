<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>cdeck::AddRuntimeDialog</name>
    <message>
        <source>Add a remote runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. team gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contents of the runtime&apos;s DATA/token file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is stored in a file readable only by you (mode 0600) under the console&apos;s data directory, not in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL must be http(s)://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is required.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::ClusterItemDelegate</name>
    <message>
        <source>ended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 executors · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::ClusterListModel</name>
    <message>
        <source>%1 (%2)
%3 %4
%5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::ClusterSpec</name>
    <message>
        <source>Name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name is %1 characters long; at most %2 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name may hold only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag needs a key (key=value).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag key &apos;%1&apos; must be 1-128 letters, digits, spaces or _.:/=+-@.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag value for &apos;%1&apos; must be at most 256 letters, digits, spaces or _.:/=+-@.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers must be between 1 and %1 for %2 (this machine&apos;s memory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown instance type &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle auto-termination must be between 0 (off) and 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 tags are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market must be &apos;on-demand&apos; or &apos;spot&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag &apos;%1&apos; must have a string value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags must be an object of key: value strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::ConsoleSettings</name>
    <message>
        <source>Cannot create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::ExecutorModel</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 running, %2 ready, %3 in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2, %3)
status: %4 %5
memory: managed %6, unmanaged %7, spilled %8, limit %9
restarts: %10, last report %11</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (managed / unmanaged / spilled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::ExecutorsPanel</name>
    <message>
        <source>Show retired and lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by executor, status or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory bar: &lt;span style=&apos;color:#1f6fc5&apos;&gt;■&lt;/span&gt; managed &lt;span style=&apos;color:#7fb0e6&apos;&gt;■&lt;/span&gt; unmanaged &lt;span style=&apos;color:#c27c0e&apos;&gt;▨&lt;/span&gt; spilled to disk, against the worker&apos;s limit; &lt;span style=&apos;color:#c62828&apos;&gt;■&lt;/span&gt; above 80% (the worker pauses near there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 running&lt;/b&gt;, %2 starting, %3 paused, %4 retiring, %5 retired, &lt;b&gt;%6 lost&lt;/b&gt; · %7 threads · memory %8 of %9, %10 spilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;STALE&lt;/b&gt;: last update %1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · updated %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::JobModel</name>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::JobsPanel</name>
    <message>
        <source>Submit job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script on the runtime&apos;s machine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/absolute/path/to/job.py</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arguments, e.g. --rows 1000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a job to see the last lines of its output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log tail of &lt;b&gt;%1&lt;/b&gt; (%2)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job wrote no output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output yet: the log tail appears here as the job writes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the absolute path of a Python script on the runtime&apos;s machine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::LaunchForm</name>
    <message>
        <source>On-demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spot (priced as spot in cost reports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termination protection: refuse to terminate until turned off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. etl-nightly (letters, digits, - and _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading instance types from the runtime…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One tag per line, key=value
team=data-platform
cost-center=1234</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workers (executors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instance type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle &amp;auto-termination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cluster is one Dask scheduler and its workers (executors) on the runtime&apos;s machine. Problems are shown under each field before anything is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch a cluster on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n thread(s), %2 per worker (like %3)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · at most %2 workers of this type fit in the runtime&apos;s memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In total: %1 threads, %2 of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the runtime&apos;s instance types…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, &apos;%2&apos;, is not key=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instance types yet: the runtime has not answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers must be between 1 and %1 for %2 (the runtime&apos;s memory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runtime refused the cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launching…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::LocalRuntime</name>
    <message>
        <source>%1 not found: install clusterdeck-runtime next to clusterdeck, or start one and pass --runtime.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::MainWindow</name>
    <message>
        <source>ClusterDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add remote runtime…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget this runtime and its stored token (its clusters keep running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answered on %1, so the console started clusterdeck-runtime (pid %2). It keeps running, with its clusters, after the console closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget %1 (%2) and its stored token? Its clusters keep running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add remote runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs can be submitted once the cluster is RUNNING or WAITING (it is %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (stale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 of %3 executors running · %4 · since %5%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling needs a RUNNING or WAITING cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn protection off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn protection on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termination protection is on: the runtime refuses to terminate this cluster. Turn it off first to terminate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runtime configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ The runtime at %1 is not answering (%2) since %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Showing the last data, received at %1, greyed as stale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Retrying every %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ The runtime at %1 refuses the token in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3): </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>connected · %n cluster(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clusters on %1 yet.
Use “Launch cluster…” on the left to start one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cluster on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling %1 to %2 workers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launched %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing termination protection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job submission refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the job failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job submitted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::OverviewPanel</name>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle auto-termination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termination protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State history (newest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 Since %3 (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 after creation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requested, %2 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 thread(s), %3 per worker (like %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after %1 idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ON: terminate is refused until it is turned off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::RuntimeClient</name>
    <message>
        <source>Runtime unreachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::ScaleDialog</name>
    <message>
        <source>Scale %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 workers requested, %2 running (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>+%n executor(s): adds %1 threads and %2 of memory.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>−%n executor(s): retires them gracefully (their data moves to the others first); frees %1 threads and %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::TerminateDialog</name>
    <message>
        <source>Terminate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Terminating &lt;b&gt;%1&lt;/b&gt; stops its scheduler and its %n executor(s); running jobs are interrupted and data held in memory is lost. This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Type the cluster&apos;s name, &lt;b&gt;%1&lt;/b&gt;, to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cdeck::presentation</name>
    <message>
        <source>Starting the scheduler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler up, waiting for the executors to register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running a job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready and idle: accepts jobs and scaling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the executors and the scheduler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminated with errors: see the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ClusterDeck console: clusters, executors and jobs of a clusterdeck-runtime. Without --runtime it opens the local runtime on 127.0.0.1:7650 and starts it when nothing answers there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to this runtime only (never start a local one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runtime&apos;s token file (with --runtime).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the window once its data has arrived, save it as PNG and exit (non-zero if no data within 30 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1440x900).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page for --screenshot: overview, executors, jobs or launch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the cluster with this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefill the launch form&apos;s name (with --page launch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefill the launch form&apos;s workers (with --page launch).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
