<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>cdeck::AboutDialog</name>
    <message>
        <source>ClusterDeck %1
Qt %2 (built with %3)
%4 (%5)</source>
        <translation>ClusterDeck %1
Qt %2 (gebaut mit %3)
%4 (%5)</translation>
    </message>
    <message>
        <source>About ClusterDeck</source>
        <translation>Über ClusterDeck</translation>
    </message>
    <message>
        <source>&lt;h2&gt;ClusterDeck&lt;/h2&gt;&lt;p&gt;Launch, watch, triage and cost data-processing clusters.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;ClusterDeck&lt;/h2&gt;&lt;p&gt;Cluster für die Datenverarbeitung starten, beobachten, Vorfälle analysieren und Kosten im Blick behalten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Documentation: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;br&gt;Licensed under the Apache License 2.0.</source>
        <translation>Dokumentation: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;br&gt;Lizenziert unter der Apache License 2.0.</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>Versionen &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>cdeck::AddRuntimeDialog</name>
    <message>
        <source>e.g. team gateway</source>
        <translation>z. B. Team-Gateway</translation>
    </message>
    <message>
        <source>contents of the runtime&apos;s DATA/token file</source>
        <translation>Inhalt der Datei DATA/token der Runtime</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>The token is stored in a file readable only by you (mode 0600) under the console&apos;s data directory, not in the settings file.</source>
        <translation>Das Token wird in einer nur für Sie lesbaren Datei (Modus 0600) im Datenverzeichnis der Konsole gespeichert, nicht in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>The URL must be http(s)://host:port.</source>
        <translation>Die URL muss die Form http(s)://host:port haben.</translation>
    </message>
    <message>
        <source>The token is required.</source>
        <translation>Das Token ist erforderlich.</translation>
    </message>
    <message>
        <source>Add a runtime, Spark or YARN server</source>
        <translation>Runtime, Spark- oder YARN-Server hinzufügen</translation>
    </message>
    <message>
        <source>ClusterDeck runtime</source>
        <translation>ClusterDeck-Runtime</translation>
    </message>
    <message>
        <source>Spark UI or History Server</source>
        <translation>Spark UI oder History Server</translation>
    </message>
    <message>
        <source>YARN ResourceManager</source>
        <translation>YARN ResourceManager</translation>
    </message>
    <message>
        <source>optional: user.name for killing applications (simple auth)</source>
        <translation>optional: user.name zum Beenden von Anwendungen (Simple Auth)</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>The ResourceManager&apos;s nodes show as executors and its applications as jobs; cancelling a job kills the application. ClusterDeck does not launch, scale or terminate YARN clusters.</source>
        <translation>Die Knoten des ResourceManagers erscheinen als Executors, seine Anwendungen als Jobs; einen Job abzubrechen beendet die Anwendung. ClusterDeck startet, skaliert und beendet keine YARN-Cluster.</translation>
    </message>
    <message>
        <source>Each application shows as a cluster, with its executors and jobs. ClusterDeck does not launch, scale or terminate Spark applications.</source>
        <translation>Jede Anwendung erscheint als Cluster, mit ihren Executors und Jobs. ClusterDeck startet, skaliert und beendet keine Spark-Anwendungen.</translation>
    </message>
    <message>
        <source>Give the server&apos;s URL, e.g. %1.</source>
        <translation>Geben Sie die URL des Servers an, z. B. %1.</translation>
    </message>
    <message>
        <source>The URL must be the server&apos;s base address, without ?query or #fragment.</source>
        <translation>Die URL muss die Basisadresse des Servers sein, ohne ?Query und #Fragment.</translation>
    </message>
    <message>
        <source>Give the Spark server&apos;s base URL, without /api/v1: ClusterDeck adds it.</source>
        <translation>Geben Sie die Basis-URL des Spark-Servers ohne /api/v1 an: ClusterDeck ergänzt es.</translation>
    </message>
    <message>
        <source>Give the ResourceManager&apos;s base URL, without /ws/v1: ClusterDeck adds it.</source>
        <translation>Geben Sie die Basis-URL des ResourceManagers ohne /ws/v1 an: ClusterDeck ergänzt es.</translation>
    </message>
    <message>
        <source>The user name must not contain spaces or any of / ? &amp; # =.</source>
        <translation>Der Benutzername darf weder Leerzeichen noch eines der Zeichen / ? &amp; # = enthalten.</translation>
    </message>
</context>
<context>
    <name>cdeck::AuditPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Older</source>
        <translation>Ä&amp;ltere</translation>
    </message>
    <message>
        <source>&amp;Newer</source>
        <translation>&amp;Neuere</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>beliebiger Benutzer</translation>
    </message>
    <message>
        <source>any cluster (its id, e.g. c-1a2b3c4d5e)</source>
        <translation>beliebiger Cluster (seine ID, z. B. c-1a2b3c4d5e)</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Jede Aktion</translation>
    </message>
    <message>
        <source>The latest entries with these filters</source>
        <translation>Die neuesten Einträge mit diesen Filtern</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Clu&amp;ster:</source>
        <translation>Clu&amp;ster:</translation>
    </message>
    <message>
        <source>Ac&amp;tion:</source>
        <translation>Ak&amp;tion:</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>&lt;b&gt;Audit log&lt;/b&gt;: every call that changes something, before it runs (requested) and after (succeeded, failed), and every refusal (denied), under the user the token belongs to.</source>
        <translation>&lt;b&gt;Audit-Protokoll&lt;/b&gt;: jeder Aufruf, der etwas ändert, bevor er läuft (requested) und danach (succeeded, failed), und jede Ablehnung (denied), unter dem Benutzer, dem das Token gehört.</translation>
    </message>
    <message>
        <source>Loading the audit log…</source>
        <translation>Audit-Protokoll wird geladen…</translation>
    </message>
    <message>
        <source>Asking the runtime…</source>
        <translation>Die Runtime wird gefragt…</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Das Audit-Protokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No newer entries.</source>
        <translation>Keine neueren Einträge.</translation>
    </message>
    <message>
        <source>No older entries.</source>
        <translation>Keine älteren Einträge.</translation>
    </message>
    <message>
        <source>No audit entries match these filters.</source>
        <translation>Keine Audit-Einträge passen zu diesen Filtern.</translation>
    </message>
    <message>
        <source>Entries %1 to %2, newest first.</source>
        <translation>Einträge %1 bis %2, neueste zuerst.</translation>
    </message>
</context>
<context>
    <name>cdeck::BudgetActions</name>
    <message>
        <source>&amp;Add budget…</source>
        <translation>Budget hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Entfe&amp;rnen…</translation>
    </message>
    <message>
        <source>Budget to edit or remove</source>
        <translation>Zu bearbeitendes oder zu entfernendes Budget</translation>
    </message>
    <message>
        <source>Remove budget</source>
        <translation>Budget entfernen</translation>
    </message>
    <message>
        <source>Remove the budget for %1? Its spending stays in the ledger; only the limit goes.</source>
        <translation>Das Budget für %1 entfernen? Die Ausgaben bleiben im Kostenbuch, nur das Limit entfällt.</translation>
    </message>
</context>
<context>
    <name>cdeck::BudgetDialog</name>
    <message>
        <source>New budget</source>
        <translation>Neues Budget</translation>
    </message>
    <message>
        <source>Edit budget %1</source>
        <translation>Budget %1 bearbeiten</translation>
    </message>
    <message>
        <source>team</source>
        <translation>team</translation>
    </message>
    <message>
        <source>data</source>
        <translation>data</translation>
    </message>
    <message>
        <source>A budget limits what the clusters carrying one tag cost in a calendar month (UTC). The summary warns from 80 % of the limit and marks it exceeded from 100 %.</source>
        <translation>Ein Budget begrenzt, was die Cluster mit einem Tag in einem Kalendermonat (UTC) kosten. Die Übersicht warnt ab 80 % des Limits und markiert es ab 100 % als überschritten.</translation>
    </message>
    <message>
        <source>Tag &amp;key:</source>
        <translation>Tag-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Tag &amp;value:</source>
        <translation>Tag-&amp;Wert:</translation>
    </message>
    <message>
        <source>&amp;Limit per month (%1):</source>
        <translation>&amp;Limit pro Monat (%1):</translation>
    </message>
    <message>
        <source>Give the tag&apos;s key, such as team.</source>
        <translation>Geben Sie den Schlüssel des Tags an, etwa team.</translation>
    </message>
    <message>
        <source>The tag&apos;s key cannot hold &quot;=&quot;: it separates the key from the value.</source>
        <translation>Der Schlüssel des Tags darf kein „=“ enthalten: Es trennt Schlüssel und Wert.</translation>
    </message>
    <message>
        <source>Give the tag&apos;s value, such as data: the budget covers the clusters tagged %1=value.</source>
        <translation>Geben Sie den Wert des Tags an, etwa data: Das Budget gilt für die Cluster mit dem Tag %1=Wert.</translation>
    </message>
    <message>
        <source>Give the monthly limit, such as %1.</source>
        <translation>Geben Sie das monatliche Limit an, etwa %1.</translation>
    </message>
    <message>
        <source>The limit &quot;%1&quot; is not a number.</source>
        <translation>Das Limit „%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>The limit must be above zero.</source>
        <translation>Das Limit muss größer als null sein.</translation>
    </message>
    <message>
        <source>The limit is too large.</source>
        <translation>Das Limit ist zu groß.</translation>
    </message>
</context>
<context>
    <name>cdeck::ClusterActions</name>
    <message>
        <source>Scaling policy of %1: %2</source>
        <translation>Skalierungsrichtlinie von %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Scaling %1 to %n worker(s)…</source>
        <translation>
            <numerusform>Skaliere %1 auf %n Worker…</numerusform>
            <numerusform>Skaliere %1 auf %n Worker…</numerusform>
        </translation>
    </message>
    <message>
        <source>Terminating %1…</source>
        <translation>Beende %1…</translation>
    </message>
    <message>
        <source>Launched %1 (%2).</source>
        <translation>%1 gestartet (%2).</translation>
    </message>
    <message>
        <source>Scaling failed</source>
        <translation>Skalierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Terminate refused</source>
        <translation>Beenden abgelehnt</translation>
    </message>
    <message>
        <source>Changing termination protection failed</source>
        <translation>Ändern des Beendigungsschutzes fehlgeschlagen</translation>
    </message>
    <message>
        <source>Changing the scaling policy failed</source>
        <translation>Ändern der Skalierungsrichtlinie fehlgeschlagen</translation>
    </message>
    <message>
        <source>Job submission refused</source>
        <translation>Job-Übermittlung abgelehnt</translation>
    </message>
    <message>
        <source>The action was refused (and recorded in the audit log)</source>
        <translation>Die Aktion wurde abgelehnt (und im Audit-Log vermerkt)</translation>
    </message>
    <message>
        <source>Cancelling the job failed</source>
        <translation>Abbrechen des Jobs fehlgeschlagen</translation>
    </message>
    <message>
        <source>Job submitted.</source>
        <translation>Job übermittelt.</translation>
    </message>
    <message>
        <source>%1 by %2: %3 → %4 (audit log #%5).</source>
        <translation>%1 durch %2: %3 → %4 (Audit-Log Nr. %5).</translation>
    </message>
</context>
<context>
    <name>cdeck::ClusterItemDelegate</name>
    <message>
        <source>ended %1</source>
        <translation>beendet %1</translation>
    </message>
    <message>
        <source>%1/%2 executors · %3</source>
        <translation>%1/%2 Executors · %3</translation>
    </message>
</context>
<context>
    <name>cdeck::ClusterListModel</name>
    <message>
        <source>%1 (%2)
%3 %4
%5</source>
        <translation>%1 (%2)
%3 %4
%5</translation>
    </message>
    <message>
        <source>%1, %2, %3 of %4 executors</source>
        <translation>%1, %2, %3 von %4 Executors</translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s)</source>
        <translation>
            <numerusform>%n offener Vorfall</numerusform>
            <numerusform>%n offene Vorfälle</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 so far</source>
        <translation>%1 · bisher %2</translation>
    </message>
</context>
<context>
    <name>cdeck::ClusterPage</name>
    <message>
        <source>Scale…</source>
        <translation>Skalieren…</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>Beenden…</translation>
    </message>
    <message>
        <source>What the cluster costs per hour now, and so far (per-second billing, one-minute minimum)</source>
        <translation>Was der Cluster jetzt pro Stunde kostet und was er bisher gekostet hat (sekundengenaue Abrechnung, mindestens eine Minute)</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Executors</source>
        <translation>Executors</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Shuffle I/O</source>
        <translation>Shuffle-I/O</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>DAG</source>
        <translation>DAG</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Logs are read from a ClusterDeck runtime&apos;s clusters</source>
        <translation>Protokolle gibt es für die Cluster einer ClusterDeck-Runtime</translation>
    </message>
    <message>
        <source>Jobs can be submitted once the cluster is RUNNING or WAITING (it is %1).</source>
        <translation>Jobs können übermittelt werden, sobald der Cluster RUNNING oder WAITING ist (er ist %1).</translation>
    </message>
    <message>
        <source>%1 now · %2 so far</source>
        <translation>%1 jetzt · bisher %2</translation>
    </message>
    <message>
        <source> (stale)</source>
        <translation> (veraltet)</translation>
    </message>
    <message>
        <source>%1 · %2 of %3 executors running · %4 · since %5%6</source>
        <translation>%1 · %2 von %3 Executors laufen · %4 · Zustandswechsel %5%6</translation>
    </message>
    <message>
        <source> · reason: %1</source>
        <translation> · Grund: %1</translation>
    </message>
    <message>
        <source>%1 · executors running: %2 · since %3%4</source>
        <translation>%1 · laufende Executors: %2 · Zustandswechsel %3%4</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source>Scaling needs a RUNNING or WAITING cluster.</source>
        <translation>Skalieren braucht einen Cluster im Zustand RUNNING oder WAITING.</translation>
    </message>
    <message>
        <source>Turn protection off</source>
        <translation>Schutz ausschalten</translation>
    </message>
    <message>
        <source>Turn protection on</source>
        <translation>Schutz einschalten</translation>
    </message>
    <message>
        <source>Termination protection is on: the runtime refuses to terminate this cluster. Turn it off first to terminate.</source>
        <translation>Der Beendigungsschutz ist an: Die Runtime lehnt es ab, diesen Cluster zu beenden. Schalten Sie ihn zuerst aus.</translation>
    </message>
    <message>
        <source>Incidents (%1)</source>
        <translation>Vorfälle (%1)</translation>
    </message>
    <message>
        <source>SQL queries…</source>
        <translation>SQL-Abfragen…</translation>
    </message>
    <message>
        <source>Environment…</source>
        <translation>Umgebung…</translation>
    </message>
</context>
<context>
    <name>cdeck::ClusterSpec</name>
    <message>
        <source>Name is required.</source>
        <translation>Ein Name ist erforderlich.</translation>
    </message>
    <message>
        <source>Name is %1 characters long; at most %2 are allowed.</source>
        <translation>Der Name ist %1 Zeichen lang; erlaubt sind höchstens %2.</translation>
    </message>
    <message>
        <source>Name may hold only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Der Name darf nur Buchstaben, Ziffern, „-“ und „_“ enthalten.</translation>
    </message>
    <message>
        <source>A tag needs a key (key=value).</source>
        <translation>Ein Tag braucht einen Schlüssel (Schlüssel=Wert).</translation>
    </message>
    <message>
        <source>Tag key &apos;%1&apos; must be 1-128 letters, digits, spaces or _.:/=+-@.</source>
        <translation>Der Tag-Schlüssel „%1“ muss aus 1 bis 128 Buchstaben, Ziffern, Leerzeichen oder _.:/=+-@ bestehen.</translation>
    </message>
    <message>
        <source>Tag value for &apos;%1&apos; must be at most 256 letters, digits, spaces or _.:/=+-@.</source>
        <translation>Der Tag-Wert für „%1“ darf höchstens 256 Buchstaben, Ziffern, Leerzeichen oder _.:/=+-@ enthalten.</translation>
    </message>
    <message>
        <source>Workers must be between 1 and %1 for %2 (this machine&apos;s memory).</source>
        <translation>Die Zahl der Worker muss für %2 zwischen 1 und %1 liegen (Speicher dieses Rechners).</translation>
    </message>
    <message>
        <source>Unknown instance type &apos;%1&apos;.</source>
        <translation>Unbekannter Instanztyp „%1“.</translation>
    </message>
    <message>
        <source>Idle auto-termination must be between 0 (off) and 7 days.</source>
        <translation>Das automatische Beenden bei Leerlauf muss zwischen 0 (aus) und 7 Tagen liegen.</translation>
    </message>
    <message>
        <source>At most %1 tags are allowed.</source>
        <translation>Höchstens %1 Tags sind erlaubt.</translation>
    </message>
    <message>
        <source>Market must be &apos;on-demand&apos; or &apos;spot&apos;.</source>
        <translation>Der Markt muss „on-demand“ oder „spot“ sein.</translation>
    </message>
    <message>
        <source>Tag &apos;%1&apos; must have a string value.</source>
        <translation>Der Tag „%1“ braucht einen Wert vom Typ String.</translation>
    </message>
    <message>
        <source>Tags must be an object of key: value strings.</source>
        <translation>Tags müssen ein Objekt aus Schlüssel-Wert-Strings sein.</translation>
    </message>
    <message>
        <source>Unknown field &apos;%1&apos;.</source>
        <translation>Unbekanntes Feld „%1“.</translation>
    </message>
    <message>
        <source>Workers (%1) must lie between the scaling minimum (%2) and maximum (%3).</source>
        <translation>Die Zahl der Worker (%1) muss zwischen dem Skalierungsminimum (%2) und -maximum (%3) liegen.</translation>
    </message>
    <message>
        <source>Engine must be &apos;dask&apos; or &apos;spark&apos;.</source>
        <translation>Die Engine muss „dask“ oder „spark“ sein.</translation>
    </message>
    <message>
        <source>Scaling must be an object (mode, minWorkers, maxWorkers, ...).</source>
        <translation>Die Skalierung muss ein Objekt sein (mode, minWorkers, maxWorkers, …).</translation>
    </message>
    <message>
        <source>Spot settings must be an object.</source>
        <translation>Die Spot-Einstellungen müssen ein Objekt sein.</translation>
    </message>
    <message>
        <source>A bootstrap action must be an object.</source>
        <translation>Eine Bootstrap-Aktion muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>Bootstrap actions must be an array.</source>
        <translation>Bootstrap-Aktionen müssen ein Array sein.</translation>
    </message>
</context>
<context>
    <name>cdeck::CommandPalette</name>
    <message>
        <source>Go to a cluster, tab or action</source>
        <translation>Zu einem Cluster, Tab oder einer Aktion wechseln</translation>
    </message>
    <message>
        <source>Type to narrow: a cluster&apos;s name, a tab, an action…</source>
        <translation>Tippen zum Eingrenzen: Name eines Clusters, ein Tab, eine Aktion…</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Enter runs the selected entry · ↑ ↓ choose · Esc closes</source>
        <translation>Eingabe führt den gewählten Eintrag aus · ↑ ↓ wählen · Esc schließt</translation>
    </message>
</context>
<context>
    <name>cdeck::ConnectionRegistry</name>
    <message>
        <source>Nothing answered on %1, so the console started clusterdeck-runtime (pid %2). It keeps running, with its clusters, after the console closes.</source>
        <translation>Auf %1 hat nichts geantwortet, daher hat die Konsole clusterdeck-runtime gestartet (PID %2). Sie läuft mit ihren Clustern weiter, wenn die Konsole geschlossen wird.</translation>
    </message>
    <message>
        <source>Remove runtime</source>
        <translation>Runtime entfernen</translation>
    </message>
    <message>
        <source>Forget %1 (%2) and its stored token? Its clusters keep running.</source>
        <translation>%1 (%2) und sein gespeichertes Token vergessen? Seine Cluster laufen weiter.</translation>
    </message>
    <message>
        <source>Add remote runtime</source>
        <translation>Entfernte Runtime hinzufügen</translation>
    </message>
</context>
<context>
    <name>cdeck::ConnectionStatus</name>
    <message>
        <source>No runtime configured.</source>
        <translation>Keine Runtime eingerichtet.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in: token refused</source>
        <translation>Nicht angemeldet: Token abgelehnt</translation>
    </message>
    <message>
        <source>⚠ %1 at %2 is not answering (%3) since %4. Showing the last data, received at %5, greyed as stale. Retrying every %6 s.</source>
        <translation>⚠ %1 unter %2 antwortet nicht (%3), seit %4. Gezeigt werden die letzten Daten, empfangen um %5, grau als veraltet. Neuer Versuch alle %6 s.</translation>
    </message>
    <message>
        <source>⚠ %1 at %2 is not answering (%3) since %4. Retrying every %5 s.</source>
        <translation>⚠ %1 unter %2 antwortet nicht (%3), seit %4. Neuer Versuch alle %5 s.</translation>
    </message>
    <message>
        <source>⚠ The runtime at %1 refuses the token in %2: %3</source>
        <translation>⚠ Die Runtime unter %1 lehnt das Token in %2 ab: %3</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>⚠ %1 at %2 answered, but the answer could not be used:
%3
Showing the last good data; retrying every %4 s.</source>
        <translation>⚠ %1 unter %2 hat geantwortet, aber die Antwort war nicht verwendbar:
%3
Gezeigt werden die letzten guten Daten; neuer Versuch alle %4 s.</translation>
    </message>
    <message>
        <source>%1 %2 (%3): </source>
        <translation>%1 %2 (%3): </translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message numerus="yes">
        <source>connected · %n cluster(s), %1 live · updated %2</source>
        <translation>
            <numerusform>verbunden · %n Cluster, %1 aktiv · aktualisiert %2</numerusform>
            <numerusform>verbunden · %n Cluster, %1 aktiv · aktualisiert %2</numerusform>
        </translation>
    </message>
    <message>
        <source>unreachable for %1</source>
        <translation>nicht erreichbar seit %1</translation>
    </message>
    <message>
        <source>token refused</source>
        <translation>Token abgelehnt</translation>
    </message>
</context>
<context>
    <name>cdeck::ConsoleSettings</name>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>cdeck::CostPanel</name>
    <message>
        <source>Cost by instance</source>
        <translation>Kosten nach Instanz</translation>
    </message>
    <message>
        <source>Where the money went</source>
        <translation>Wohin das Geld ging</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Billed s</source>
        <translation>Abgerechnete s</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>So far</source>
        <translation>Bisher</translation>
    </message>
    <message>
        <source>Idle share</source>
        <translation>Leerlaufanteil</translation>
    </message>
    <message>
        <source>Cost per TB processed</source>
        <translation>Kosten pro verarbeitetem TB</translation>
    </message>
    <message>
        <source>Waiting for the runtime&apos;s ledger…</source>
        <translation>Warte auf das Kostenbuch der Runtime…</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 processed (the bytes the jobs&apos; task groups produced)</source>
        <translation>%1 verarbeitet (die Bytes, die die Task-Gruppen der Jobs erzeugt haben)</translation>
    </message>
    <message>
        <source>Billed per second with a one-minute minimum per instance, from the lifetimes the runtime recorded; amounts rounded for display only. Jobs share the workers&apos; cost while they run.</source>
        <translation>Sekundengenau abgerechnet, mindestens eine Minute pro Instanz, nach den Laufzeiten, die die Runtime aufgezeichnet hat; Beträge nur für die Anzeige gerundet. Laufende Jobs teilen sich die Kosten der Worker.</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>Kostenbuch exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Ledger lines</source>
        <translation>Zeilen des Hauptbuchs</translation>
    </message>
    <message>
        <source>Cost by job</source>
        <translation>Kosten je Job</translation>
    </message>
</context>
<context>
    <name>cdeck::DagMinimap</name>
    <message>
        <source>The whole graph: click or drag to move there</source>
        <translation>Der ganze Graph: klicken oder ziehen, um dorthin zu springen</translation>
    </message>
</context>
<context>
    <name>cdeck::DagPanel</name>
    <message>
        <source>Fold fan-outs over</source>
        <translation>Fan-outs falten ab</translation>
    </message>
    <message>
        <source>No jobs yet</source>
        <translation>Noch keine Jobs</translation>
    </message>
    <message>
        <source>Find a task group by name (Enter: next)</source>
        <translation>Task-Gruppe nach Namen suchen (Eingabe: nächste)</translation>
    </message>
    <message>
        <source>Siblings with the same name and the same inputs are drawn as one group node when there are more of them than this</source>
        <translation>Geschwister mit gleichem Namen und gleichen Eingaben werden als ein Gruppenknoten gezeichnet, wenn es mehr als so viele sind</translation>
    </message>
    <message>
        <source>Zoom in (mouse wheel)</source>
        <translation>Vergrößern (Mausrad)</translation>
    </message>
    <message>
        <source>Zoom out (mouse wheel)</source>
        <translation>Verkleinern (Mausrad)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>Den ganzen Graphen zeigen</translation>
    </message>
    <message>
        <source>Click a task group for its tasks, bytes, durations and executors.</source>
        <translation>Klicken Sie auf eine Task-Gruppe für ihre Tasks, Bytes, Dauern und Executors.</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>bytes not known</source>
        <translation>Bytes unbekannt</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n task(s) done (%2%)</source>
        <translation>
            <numerusform>%1 von %n Task erledigt (%2 %)</numerusform>
            <numerusform>%1 von %n Tasks erledigt (%2 %)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tasks by state</source>
        <translation>Tasks nach Zustand</translation>
    </message>
    <message>
        <source>none reported yet</source>
        <translation>noch keine gemeldet</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Ausgabe:</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Compute time (all tasks):</source>
        <translation>Rechenzeit (alle Tasks):</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Last task ended:</source>
        <translation>Letzter Task beendet:</translation>
    </message>
    <message>
        <source>Retried or rescheduled:</source>
        <translation>Wiederholt oder neu eingeplant:</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n Task</numerusform>
            <numerusform>%n Tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>Ran on:</source>
        <translation>Lief auf:</translation>
    </message>
    <message>
        <source>no executor recorded yet</source>
        <translation>noch kein Executor aufgezeichnet</translation>
    </message>
    <message>
        <source>Inputs:</source>
        <translation>Eingaben:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Feeds:</source>
        <translation>Speist:</translation>
    </message>
    <message numerus="yes">
        <source>A folded fan-out of %n task group(s):</source>
        <translation>
            <numerusform>Ein gefalteter Fan-out aus %n Task-Gruppe:</numerusform>
            <numerusform>Ein gefalteter Fan-out aus %n Task-Gruppen:</numerusform>
        </translation>
    </message>
    <message>
        <source>No jobs on this cluster yet: submit one on the Jobs tab.</source>
        <translation>Noch keine Jobs auf diesem Cluster: Übermitteln Sie einen im Tab „Jobs“.</translation>
    </message>
    <message>
        <source>Choose a job.</source>
        <translation>Wählen Sie einen Job.</translation>
    </message>
    <message>
        <source>Job %1 has no task groups yet: it has not sent work to the scheduler.</source>
        <translation>Job %1 hat noch keine Task-Gruppen: Er hat dem Scheduler noch keine Arbeit geschickt.</translation>
    </message>
    <message numerus="yes">
        <source>Laying out %n task group(s)…</source>
        <translation>
            <numerusform>%n Task-Gruppe wird angeordnet…</numerusform>
            <numerusform>%n Task-Gruppen werden angeordnet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the DAG of job %1…</source>
        <translation>Lade den DAG von Job %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n task group(s)</source>
        <translation>
            <numerusform>%n Task-Gruppe</numerusform>
            <numerusform>%n Task-Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation>
            <numerusform>%n Kante</numerusform>
            <numerusform>%n Kanten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown after folding fan-outs</source>
        <translation>
            <numerusform>%n nach dem Falten der Fan-outs gezeigt</numerusform>
            <numerusform>%n nach dem Falten der Fan-outs gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>laid out in %1 ms</source>
        <translation>angeordnet in %1 ms</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
    <message>
        <source>re-laying out…</source>
        <translation>wird neu angeordnet…</translation>
    </message>
    <message>
        <source>(stale: the runtime is not answering)</source>
        <translation>(veraltet: die Runtime antwortet nicht)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Find a task group</source>
        <translation>Taskgruppe suchen</translation>
    </message>
    <message>
        <source>Fold fan-outs larger than</source>
        <translation>Auffächerungen zusammenfassen ab</translation>
    </message>
    <message>
        <source>Task group details</source>
        <translation>Details der Taskgruppe</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Task graph</source>
        <translation>Taskgraph</translation>
    </message>
    <message>
        <source>Task graph of job %1</source>
        <translation>Taskgraph von Job %1</translation>
    </message>
    <message>
        <source>No graph shown.</source>
        <translation>Kein Graph angezeigt.</translation>
    </message>
    <message>
        <source>Selected: %1, %2, %3% done.</source>
        <translation>Ausgewählt: %1, %2, %3 % erledigt.</translation>
    </message>
    <message>
        <source>Find a task group with the search field; + and − zoom, 0 fits the graph.</source>
        <translation>Taskgruppen über das Suchfeld finden; + und − zoomen, 0 zeigt den ganzen Graphen.</translation>
    </message>
</context>
<context>
    <name>cdeck::DagView</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>done, result in memory</source>
        <translation>erledigt, Ergebnis im Speicher</translation>
    </message>
    <message>
        <source>done, result released</source>
        <translation>erledigt, Ergebnis freigegeben</translation>
    </message>
    <message>
        <source>done, result dropped</source>
        <translation>erledigt, Ergebnis verworfen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>waiting for inputs</source>
        <translation>wartet auf Eingaben</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message>
        <source>no worker can run it</source>
        <translation>kein Worker kann ihn ausführen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1/%2 tasks</source>
        <translation>%1/%2 Tasks</translation>
    </message>
    <message>
        <source>%1 erred</source>
        <translation>%1 mit Fehler</translation>
    </message>
</context>
<context>
    <name>cdeck::EditorDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>The runtime refused it: %1</source>
        <translation>Die Runtime hat abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>cdeck::EngineFeed</name>
    <message>
        <source>The %1 server</source>
        <translation>Der %1-Server</translation>
    </message>
    <message>
        <source>%1 is not run by ClusterDeck: scale and terminate it with its own tools.</source>
        <translation>%1 wird nicht von ClusterDeck betrieben: Skalieren und beenden Sie ihn mit seinen eigenen Werkzeugen.</translation>
    </message>
    <message>
        <source>%1 clusters are started with their own tools: select a ClusterDeck runtime&apos;s cluster to launch one there.</source>
        <translation>%1-Cluster werden mit ihren eigenen Werkzeugen gestartet: Wählen Sie einen Cluster einer ClusterDeck-Runtime, um dort einen zu starten.</translation>
    </message>
    <message>
        <source>%1&apos;s REST API cannot cancel jobs: use its own UI.</source>
        <translation>Die REST-API von %1 kann keine Jobs abbrechen: Nutzen Sie dessen eigene Oberfläche.</translation>
    </message>
    <message>
        <source>Time charts need a ClusterDeck runtime&apos;s metric store; %1 has none.</source>
        <translation>Zeitdiagramme brauchen den Metrikspeicher einer ClusterDeck-Runtime; %1 hat keinen.</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 clusters are not started by ClusterDeck.</source>
        <translation>%1-Cluster werden nicht von ClusterDeck gestartet.</translation>
    </message>
    <message>
        <source>%1 clusters are not scaled by ClusterDeck.</source>
        <translation>%1-Cluster werden nicht von ClusterDeck skaliert.</translation>
    </message>
    <message>
        <source>%1 clusters have no termination protection in ClusterDeck.</source>
        <translation>%1-Cluster haben in ClusterDeck keinen Beendigungsschutz.</translation>
    </message>
    <message>
        <source>%1 clusters are not terminated by ClusterDeck.</source>
        <translation>%1-Cluster werden nicht von ClusterDeck beendet.</translation>
    </message>
    <message>
        <source>Jobs are submitted to %1 with its own tools.</source>
        <translation>Jobs werden mit den eigenen Werkzeugen von %1 übermittelt.</translation>
    </message>
    <message>
        <source>%1 serves no task graph to ClusterDeck: its jobs have no DAG view here.</source>
        <translation>%1 liefert ClusterDeck keinen Task-Graphen: Seine Jobs haben hier keine DAG-Ansicht.</translation>
    </message>
</context>
<context>
    <name>cdeck::EnvironmentPage</name>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Filter properties (name, value or section)</source>
        <translation>Eigenschaften filtern (Name, Wert oder Abschnitt)</translation>
    </message>
    <message>
        <source>Filter the environment</source>
        <translation>Umgebung filtern</translation>
    </message>
    <message>
        <source>Environment properties</source>
        <translation>Umgebungseigenschaften</translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>F&amp;ilter:</translation>
    </message>
    <message>
        <source>The event log holds no environment update.</source>
        <translation>Das Event-Log enthält kein Umgebungs-Update.</translation>
    </message>
    <message>
        <source>Reading the environment from %1…</source>
        <translation>Lese die Umgebung aus %1…</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message numerus="yes">
        <source>%n entries: runtime, properties and classpath.</source>
        <translation>
            <numerusform>%n Eintrag: Laufzeit, Eigenschaften und Classpath.</numerusform>
            <numerusform>%n Einträge: Laufzeit, Eigenschaften und Classpath.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::EventList</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Scale out</source>
        <translation>Hochskalieren</translation>
    </message>
    <message>
        <source>Scale in</source>
        <translation>Herunterskalieren</translation>
    </message>
    <message>
        <source>Scaling refused</source>
        <translation>Skalierung abgelehnt</translation>
    </message>
    <message>
        <source>Scaling failed</source>
        <translation>Skalierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Spot interruption</source>
        <translation>Spot-Unterbrechung</translation>
    </message>
    <message>
        <source>Fallback to on-demand</source>
        <translation>Rückfall auf On-Demand</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Bootstrap failed</source>
        <translation>Bootstrap fehlgeschlagen</translation>
    </message>
    <message>
        <source>Worker replaced</source>
        <translation>Worker ersetzt</translation>
    </message>
    <message>
        <source>spot %1</source>
        <translation>Spot %1</translation>
    </message>
    <message>
        <source>on-demand</source>
        <translation>On-Demand</translation>
    </message>
</context>
<context>
    <name>cdeck::EventLogFeed</name>
    <message>
        <source>Spark event log</source>
        <translation>Spark-Event-Log</translation>
    </message>
    <message>
        <source>An event log is the record of a past run: ClusterDeck shows its jobs.</source>
        <translation>Ein Event-Log ist die Aufzeichnung eines vergangenen Laufs: ClusterDeck zeigt seine Jobs.</translation>
    </message>
    <message>
        <source>An event log is a record of a past run: there is nothing to cancel.</source>
        <translation>Ein Event-Log ist die Aufzeichnung eines vergangenen Laufs: Es gibt nichts abzubrechen.</translation>
    </message>
    <message>
        <source>An event log has no time series to chart: the Executors tab has each executor&apos;s totals and add/remove times.</source>
        <translation>Ein Event-Log hat keine Zeitreihen für Diagramme: Der Tab „Executors“ zeigt die Summen jedes Executors und wann er hinzukam oder entfernt wurde.</translation>
    </message>
    <message>
        <source>Spark application %1, from its event log %2</source>
        <translation>Spark-Anwendung %1, aus ihrem Event-Log %2</translation>
    </message>
    <message>
        <source>Could not open the Spark event log %1: %2</source>
        <translation>Das Spark-Event-Log %1 ließ sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>local mode: the driver ran every task</source>
        <translation>Local Mode: Der Driver hat jeden Task ausgeführt</translation>
    </message>
    <message numerus="yes">
        <source>%n executor(s) over the application&apos;s life, at most %1 at once</source>
        <translation>
            <numerusform>%n Executor über die Laufzeit der Anwendung, höchstens %1 gleichzeitig</numerusform>
            <numerusform>%n Executors über die Laufzeit der Anwendung, höchstens %1 gleichzeitig</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · read %2 (%3 events) in %4 s</source>
        <translation>%1 · %2 gelesen (%3 Events) in %L4 s</translation>
    </message>
    <message numerus="yes">
        <source>Mean task run time: %1 over %n finished task(s).</source>
        <translation>
            <numerusform>Mittlere Task-Laufzeit: %1 über %n beendeten Task.</numerusform>
            <numerusform>Mittlere Task-Laufzeit: %1 über %n beendete Tasks.</numerusform>
        </translation>
    </message>
    <message>
        <source>No task of this stage attempt finished in the log.</source>
        <translation>Kein Task dieses Stage-Versuchs ist im Log beendet.</translation>
    </message>
    <message>
        <source>This event log is unfinished (no application end%1): the application was still running, or Spark did not close the log. Showing what it holds; running jobs and stages are as last logged.</source>
        <translation>Dieses Event-Log ist unvollständig (kein Anwendungsende%1): Die Anwendung lief noch, oder Spark hat das Log nicht geschlossen. Gezeigt wird, was es enthält; laufende Jobs und Stages stehen so da wie zuletzt protokolliert.</translation>
    </message>
    <message>
        <source>, .inprogress</source>
        <translation>, .inprogress</translation>
    </message>
    <message>
        <source>The log ends in a cut-off record: everything before it is shown.</source>
        <translation>Das Log endet mit einem abgeschnittenen Eintrag: Alles davor wird gezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were not JSON events and were skipped.</source>
        <translation>
            <numerusform>%n Zeile war kein JSON-Event und wurde übersprungen.</numerusform>
            <numerusform>%n Zeilen waren keine JSON-Events und wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The event log has no job %1.</source>
        <translation>Das Event-Log enthält keinen Job %1.</translation>
    </message>
    <message>
        <source>Could not read the stage&apos;s tasks from the log: %1</source>
        <translation>Die Tasks der Stage konnten nicht aus dem Log gelesen werden: %1</translation>
    </message>
    <message>
        <source>No task of this stage attempt succeeded, so there are no quantiles. %1</source>
        <translation>Kein Task dieses Stage-Versuchs war erfolgreich, daher gibt es keine Quantile. %1</translation>
    </message>
</context>
<context>
    <name>cdeck::ExecutorBars</name>
    <message>
        <source>No executor has reported yet.</source>
        <translation>Noch kein Executor hat sich gemeldet.</translation>
    </message>
    <message>
        <source>Executor %1: %2</source>
        <translation>Executor %1: %2</translation>
    </message>
    <message>
        <source>Executor bars</source>
        <translation>Balken der Executors</translation>
    </message>
    <message>
        <source>no value on screen</source>
        <translation>kein Wert sichtbar</translation>
    </message>
</context>
<context>
    <name>cdeck::ExecutorBarsBox</name>
    <message>
        <source>no data since %1</source>
        <translation>keine Daten seit %1</translation>
    </message>
</context>
<context>
    <name>cdeck::ExecutorMemoryPanel</name>
    <message>
        <source>Memory in use (managed + unmanaged)</source>
        <translation>Belegter Speicher (verwaltet + nicht verwaltet)</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>&lt;b&gt;Memory per executor, now&lt;/b&gt;</source>
        <translation>&lt;b&gt;Speicher pro Executor, jetzt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>managed</source>
        <translation>verwaltet</translation>
    </message>
    <message>
        <source>unmanaged</source>
        <translation>nicht verwaltet</translation>
    </message>
    <message>
        <source>spilled to disk</source>
        <translation>auf Platte ausgelagert</translation>
    </message>
    <message>
        <source>&lt;b&gt;|&lt;/b&gt; memory limit · click a bar or a line to focus its executor</source>
        <translation>&lt;b&gt;|&lt;/b&gt; Speicherlimit · auf einen Balken oder eine Linie klicken, um ihren Executor hervorzuheben</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source> · spilled %1</source>
        <translation> · ausgelagert %1</translation>
    </message>
    <message numerus="yes">
        <source>Cluster: %1 in use of %2 · spilled %3 · %n executor(s)</source>
        <translation>
            <numerusform>Cluster: %1 belegt von %2 · ausgelagert %3 · %n Executor</numerusform>
            <numerusform>Cluster: %1 belegt von %2 · ausgelagert %3 · %n Executors</numerusform>
        </translation>
    </message>
    <message>
        <source>Memory of executor %1: %2</source>
        <translation>Speicher von Executor %1: %2</translation>
    </message>
</context>
<context>
    <name>cdeck::ExecutorModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 running, %2 ready, %3 in memory</source>
        <translation>%1 laufend, %2 bereit, %3 im Speicher</translation>
    </message>
    <message>
        <source>%1 (pid %2, %3)
status: %4 %5
memory: managed %6, unmanaged %7, spilled %8, limit %9
restarts: %10, last report %11</source>
        <translation>%1 (PID %2, %3)
Status: %4 %5
Speicher: verwaltet %6, nicht verwaltet %7, ausgelagert %8, Limit %9
Neustarts: %10, letzte Meldung %11</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Executor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Memory (managed / unmanaged / spilled)</source>
        <translation>Speicher (verwaltet / nicht verwaltet / ausgelagert)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>Storage memory (cached / on disk)</source>
        <translation>Storage-Speicher (gecacht / auf Platte)</translation>
    </message>
    <message>
        <source>Peak JVM heap</source>
        <translation>JVM-Heap-Spitze</translation>
    </message>
    <message>
        <source>Shuffle read</source>
        <translation>Shuffle Read</translation>
    </message>
    <message>
        <source>Shuffle write</source>
        <translation>Shuffle Write</translation>
    </message>
    <message>
        <source>Host:port</source>
        <translation>Host:Port</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>vcores</source>
        <translation>vCores</translation>
    </message>
    <message>
        <source>Memory allocated to containers</source>
        <translation>Containern zugewiesener Speicher</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Node manager (HTTP)</source>
        <translation>NodeManager (HTTP)</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>%1 active, %2 done, %3 failed</source>
        <translation>%1 aktiv, %2 erledigt, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 (%2)
status: %3 %4
storage memory %5 of %6, on disk %7
peak JVM heap %8
tasks: %9 active, %10 completed, %11 failed
added %12%13</source>
        <translation>%1 (%2)
Status: %3 %4
Storage-Speicher %5 von %6, auf Platte %7
JVM-Heap-Spitze %8
Tasks: %9 aktiv, %10 abgeschlossen, %11 fehlgeschlagen
hinzugefügt %12%13</translation>
    </message>
    <message>
        <source>, removed %1</source>
        <translation>, entfernt %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2)
state: %3 %4
allocated %5 of %6 to %n container(s)
last health report %7</source>
        <translation>
            <numerusform>%1 (%2)
Zustand: %3 %4
%5 von %6 an %n Container zugewiesen
letzter Health-Report %7</numerusform>
            <numerusform>%1 (%2)
Zustand: %3 %4
%5 von %6 an %n Container zugewiesen
letzter Health-Report %7</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::ExecutorsPanel</name>
    <message>
        <source>Show retired and lost</source>
        <translation>Ausgemusterte und verlorene zeigen</translation>
    </message>
    <message>
        <source>Filter by executor, status or address</source>
        <translation>Nach Executor, Status oder Adresse filtern</translation>
    </message>
    <message>
        <source>Memory bar: &lt;span style=&apos;color:#1f6fc5&apos;&gt;■&lt;/span&gt; managed &lt;span style=&apos;color:#7fb0e6&apos;&gt;■&lt;/span&gt; unmanaged &lt;span style=&apos;color:#c27c0e&apos;&gt;▨&lt;/span&gt; spilled to disk, against the worker&apos;s limit; &lt;span style=&apos;color:#c62828&apos;&gt;■&lt;/span&gt; above 80% (the worker pauses near there)</source>
        <translation>Speicherbalken: &lt;span style=&apos;color:#1f6fc5&apos;&gt;■&lt;/span&gt; verwaltet &lt;span style=&apos;color:#7fb0e6&apos;&gt;■&lt;/span&gt; nicht verwaltet &lt;span style=&apos;color:#c27c0e&apos;&gt;▨&lt;/span&gt; auf Platte ausgelagert, gemessen am Limit des Workers; &lt;span style=&apos;color:#c62828&apos;&gt;■&lt;/span&gt; über 80 % (der Worker pausiert in der Nähe)</translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;STALE&lt;/b&gt;: last update %1&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;VERALTET&lt;/b&gt;: letzte Aktualisierung %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source> · updated %1</source>
        <translation> · aktualisiert %1</translation>
    </message>
    <message>
        <source>Storage memory bar: &lt;span style=&apos;color:#1f6fc5&apos;&gt;■&lt;/span&gt; cached blocks &lt;span style=&apos;color:#c27c0e&apos;&gt;▨&lt;/span&gt; blocks on disk, against the executor&apos;s storage memory (a pool inside the heap; the peak JVM heap has its own column)</source>
        <translation>Storage-Speicherbalken: &lt;span style=&apos;color:#1f6fc5&apos;&gt;■&lt;/span&gt; gecachte Blöcke &lt;span style=&apos;color:#c27c0e&apos;&gt;▨&lt;/span&gt; Blöcke auf Platte, gemessen am Storage-Speicher des Executors (ein Pool im Heap; die JVM-Heap-Spitze hat ihre eigene Spalte)</translation>
    </message>
    <message>
        <source>Memory bar: &lt;span style=&apos;color:#1f6fc5&apos;&gt;■&lt;/span&gt; allocated to containers, against what the NodeManager offers (YARN counts allocation, not use)</source>
        <translation>Speicherbalken: &lt;span style=&apos;color:#1f6fc5&apos;&gt;■&lt;/span&gt; Containern zugewiesen, gemessen an dem, was der NodeManager anbietet (YARN zählt Zuweisung, nicht Nutzung)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 running&lt;/b&gt;, %2 starting, %3 paused, %4 retiring, %5 retired, &lt;b&gt;%6 lost&lt;/b&gt; · %7 · memory %8 of %9, %10 spilled</source>
        <translation>&lt;b&gt;%1 laufend&lt;/b&gt;, %2 startend, %3 pausiert, %4 im Ruhestand gehend, %5 ausgemustert, &lt;b&gt;%6 verloren&lt;/b&gt; · %7 · Speicher %8 von %9, %10 ausgelagert</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 running&lt;/b&gt;, %2 starting, %3 paused, %4 retiring, %5 retired, &lt;b&gt;%6 lost&lt;/b&gt; · %7 · storage memory %8 of %9, %10 on disk</source>
        <translation>&lt;b&gt;%1 laufend&lt;/b&gt;, %2 startend, %3 pausiert, %4 im Ruhestand gehend, %5 ausgemustert, &lt;b&gt;%6 verloren&lt;/b&gt; · %7 · Storage-Speicher %8 von %9, %10 auf Platte</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 running&lt;/b&gt;, %2 starting, %3 paused, %4 decommissioning, %5 decommissioned, &lt;b&gt;%6 lost or unhealthy&lt;/b&gt; · %7 · allocated %8 of %9%10</source>
        <translation>&lt;b&gt;%1 laufend&lt;/b&gt;, %2 startend, %3 pausiert, %4 werden stillgelegt, %5 stillgelegt, &lt;b&gt;%6 verloren oder fehlerhaft&lt;/b&gt; · %7 · zugewiesen %8 von %9%10</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n Kern</numerusform>
            <numerusform>%n Kerne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vcore(s)</source>
        <translation>
            <numerusform>%n vCore</numerusform>
            <numerusform>%n vCores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n Thread</numerusform>
            <numerusform>%n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>Executors</source>
        <translation>Executors</translation>
    </message>
    <message>
        <source>Filter executors</source>
        <translation>Executors filtern</translation>
    </message>
</context>
<context>
    <name>cdeck::IncidentTimeline</name>
    <message>
        <source>Incident timeline</source>
        <translation>Vorfall-Zeitachse</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Executors</source>
        <translation>Executors</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stages</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>still going (%1 so far)</source>
        <translation>dauert an (bisher %1)</translation>
    </message>
    <message>
        <source>Nothing on the timeline yet.</source>
        <translation>Noch nichts auf der Zeitachse.</translation>
    </message>
    <message>
        <source>paused while the pointer is here</source>
        <translation>pausiert, solange der Zeiger hier ist</translation>
    </message>
    <message>
        <source>zoomed · double-click to follow now</source>
        <translation>gezoomt · Doppelklick folgt wieder der Gegenwart</translation>
    </message>
    <message>
        <source>Show logs at this time</source>
        <translation>Protokolle zu diesem Zeitpunkt zeigen</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n bar(s)</source>
        <translation>
            <numerusform>%n Balken</numerusform>
            <numerusform>%n Balken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s)</source>
        <translation>
            <numerusform>%n Markierung</numerusform>
            <numerusform>%n Markierungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Newest first:</source>
        <translation>Neueste zuerst:</translation>
    </message>
    <message>
        <source>Incident timeline: %1 %2</source>
        <translation>Vorfall-Zeitachse: %1 %2</translation>
    </message>
</context>
<context>
    <name>cdeck::IncidentsPanel</name>
    <message>
        <source>Executor out of memory</source>
        <translation>Executor ohne Speicher (OOM)</translation>
    </message>
    <message>
        <source>Shuffle skew</source>
        <translation>Shuffle-Skew</translation>
    </message>
    <message>
        <source>Executor lost</source>
        <translation>Executor verloren</translation>
    </message>
    <message>
        <source>Network stall</source>
        <translation>Netzwerk hängt</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Idle cluster</source>
        <translation>Cluster im Leerlauf</translation>
    </message>
    <message>
        <source>Retry storm</source>
        <translation>Wiederholungssturm</translation>
    </message>
    <message>
        <source>Job stalled</source>
        <translation>Job hängt</translation>
    </message>
    <message>
        <source>SLO burning its error budget</source>
        <translation>SLO verbraucht sein Fehlerbudget</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Scale up…</source>
        <translation>Hochskalieren…</translation>
    </message>
    <message>
        <source>Cancel job…</source>
        <translation>Job abbrechen…</translation>
    </message>
    <message>
        <source>Terminate cluster…</source>
        <translation>Cluster beenden…</translation>
    </message>
    <message>
        <source>Resubmit larger…</source>
        <translation>Größer neu übermitteln…</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>Incident evidence</source>
        <translation>Belege zum Vorfall</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Select an incident to see its runbook.</source>
        <translation>Wählen Sie einen Vorfall, um sein Runbook zu sehen.</translation>
    </message>
    <message>
        <source>Add a worker: more memory and cores for the cluster</source>
        <translation>Einen Worker hinzufügen: mehr Speicher und Kerne für den Cluster</translation>
    </message>
    <message>
        <source>Cancel the job this incident is about</source>
        <translation>Den Job abbrechen, um den es in diesem Vorfall geht</translation>
    </message>
    <message>
        <source>Terminate the cluster: it stops costing money</source>
        <translation>Den Cluster beenden: Dann kostet er nichts mehr</translation>
    </message>
    <message>
        <source>&lt;b&gt;Evidence&lt;/b&gt;</source>
        <translation>&lt;b&gt;Belege&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Evidence series shown</source>
        <translation>Gezeigte Belegreihen</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>Aktionen:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runbook&lt;/b&gt;</source>
        <translation>&lt;b&gt;Runbook&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Waiting for the runtime&apos;s incidents…</source>
        <translation>Warte auf die Vorfälle der Runtime…</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>mit %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>No incidents on this cluster: nothing has gone wrong that ClusterDeck can see.</source>
        <translation>Keine Vorfälle auf diesem Cluster: Nichts ist schiefgegangen, das ClusterDeck sehen kann.</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s), all over.</source>
        <translation>
            <numerusform>%n Vorfall, abgeschlossen.</numerusform>
            <numerusform>%n Vorfälle, alle abgeschlossen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n open incident(s)&lt;/b&gt;, worst first.</source>
        <translation>
            <numerusform>&lt;b&gt;%n offener Vorfall&lt;/b&gt;.</numerusform>
            <numerusform>&lt;b&gt;%n offene Vorfälle&lt;/b&gt;, schwerste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an incident.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie einen Vorfall.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open since %1.</source>
        <translation>Offen seit %1.</translation>
    </message>
    <message>
        <source>From %1 to %2 (%3).</source>
        <translation>Von %1 bis %2 (%3).</translation>
    </message>
    <message>
        <source>Probably the same cause as &lt;a href=&apos;incident:%1&apos;&gt;%2&lt;/a&gt;: %3.</source>
        <translation>Wahrscheinlich dieselbe Ursache wie &lt;a href=&apos;incident:%1&apos;&gt;%2&lt;/a&gt;: %3.</translation>
    </message>
    <message>
        <source>Linked incidents with the same cause: %1.</source>
        <translation>Verknüpfte Vorfälle mit derselben Ursache: %1.</translation>
    </message>
    <message>
        <source>series %1%2, %3</source>
        <translation>Reihe %1%2, %3</translation>
    </message>
    <message>
        <source> (cluster total)</source>
        <translation> (Cluster gesamt)</translation>
    </message>
    <message>
        <source>Loading the runbook “%1”…</source>
        <translation>Lade das Runbook „%1“…</translation>
    </message>
    <message>
        <source>This incident&apos;s evidence is in its words, not in a series.</source>
        <translation>Die Belege dieses Vorfalls stehen in seiner Beschreibung, nicht in einer Reihe.</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>B/s</source>
        <translation>B/s</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>GiB/s</source>
        <translation>GiB/s</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>incident start</source>
        <translation>Beginn des Vorfalls</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>no samples</source>
        <translation>keine Messwerte</translation>
    </message>
    <message>
        <source>loading the series…</source>
        <translation>lade die Reihe…</translation>
    </message>
    <message>
        <source>series unavailable: %1</source>
        <translation>Reihe nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>no samples stored for this range</source>
        <translation>für diesen Bereich sind keine Messwerte gespeichert</translation>
    </message>
    <message>
        <source>Select an incident first.</source>
        <translation>Wählen Sie zuerst einen Vorfall.</translation>
    </message>
    <message>
        <source>Adding workers does not answer a %1 incident.</source>
        <translation>Mehr Worker helfen nicht gegen einen Vorfall vom Typ %1.</translation>
    </message>
    <message>
        <source>The cluster is %1: only a WAITING or RUNNING cluster scales.</source>
        <translation>Der Cluster ist %1: Nur ein Cluster im Zustand WAITING oder RUNNING lässt sich skalieren.</translation>
    </message>
    <message numerus="yes">
        <source>The cluster&apos;s scaling policy allows at most %n worker(s): raise its maximum first.</source>
        <translation>
            <numerusform>Die Skalierungsrichtlinie des Clusters erlaubt höchstens %n Worker: Erhöhen Sie zuerst ihr Maximum.</numerusform>
            <numerusform>Die Skalierungsrichtlinie des Clusters erlaubt höchstens %n Worker: Erhöhen Sie zuerst ihr Maximum.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scale up %1</source>
        <translation>%1 hochskalieren</translation>
    </message>
    <message numerus="yes">
        <source>Starts %n new worker(s) (%1)</source>
        <translation>
            <numerusform>Startet %n neuen Worker (%1)</numerusform>
            <numerusform>Startet %n neue Worker (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) now</source>
        <translation>
            <numerusform>%n Worker jetzt</numerusform>
            <numerusform>%n Worker jetzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n Worker</numerusform>
            <numerusform>%n Worker</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%1 requested, %n missing: they start too).</source>
        <translation>
            <numerusform>(%1 angefordert, %n fehlt: er startet ebenfalls).</numerusform>
            <numerusform>(%1 angefordert, %n fehlen: sie starten ebenfalls).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost: %1 → %2 (+%3), billed per second from when they start.</source>
        <translation>Kosten: %1 → %2 (+%3), sekundengenau abgerechnet ab ihrem Start.</translation>
    </message>
    <message>
        <source>Cost: the cluster&apos;s meter has not been received yet.</source>
        <translation>Kosten: Der Kostenzähler des Clusters ist noch nicht eingetroffen.</translation>
    </message>
    <message>
        <source>This incident is not about one job.</source>
        <translation>In diesem Vorfall geht es nicht um einen einzelnen Job.</translation>
    </message>
    <message>
        <source>The job has ended: there is nothing to cancel.</source>
        <translation>Der Job ist beendet: Es gibt nichts abzubrechen.</translation>
    </message>
    <message>
        <source>Cancel job %1</source>
        <translation>Job %1 abbrechen</translation>
    </message>
    <message>
        <source>Job %1 gets SIGTERM, then SIGKILL after the grace period; it ends CANCELLED. Its work so far is lost.</source>
        <translation>Job %1 erhält SIGTERM, nach der Schonfrist SIGKILL; er endet als CANCELLED. Seine bisherige Arbeit geht verloren.</translation>
    </message>
    <message>
        <source>A larger instance type answers running out of memory, not a %1 incident.</source>
        <translation>Ein größerer Instanztyp hilft gegen Speichermangel, nicht gegen einen Vorfall vom Typ %1.</translation>
    </message>
    <message>
        <source>No job ran out of memory here: there is nothing to resubmit.</source>
        <translation>Hier ist kein Job ohne Speicher ausgekommen: Es gibt nichts neu zu übermitteln.</translation>
    </message>
    <message>
        <source>Asking the runtime what it would launch…</source>
        <translation>Frage die Runtime, was sie starten würde…</translation>
    </message>
    <message>
        <source>Resubmit %1 larger</source>
        <translation>%1 größer neu übermitteln</translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>Job %1 (%2, %3) runs again, with the same arguments, on a new cluster “%4” cloned from %5:
  instance type: %6 (%7) → %8 (%9)
  workers: %10, cost: %11 → %12 while both run, the new cluster is billed on top.
%5 stays as it is; terminate it when you no longer need it.</source>
        <translation>Job %1 (%2, %3) läuft erneut, mit denselben Argumenten, auf einem neuen Cluster „%4“, geklont von %5:
  Instanztyp: %6 (%7) → %8 (%9)
  Worker: %10, Kosten: %11 → %12; solange beide laufen, wird der neue Cluster zusätzlich abgerechnet.
%5 bleibt, wie er ist; beenden Sie ihn, wenn Sie ihn nicht mehr brauchen.</translation>
    </message>
    <message>
        <source>Terminating answers an idle cluster, not a %1 incident.</source>
        <translation>Beenden hilft gegen einen Cluster im Leerlauf, nicht gegen einen Vorfall vom Typ %1.</translation>
    </message>
    <message>
        <source>The cluster is %1.</source>
        <translation>Der Cluster ist %1.</translation>
    </message>
    <message>
        <source>Termination protection is on: turn it off first.</source>
        <translation>Der Beendigungsschutz ist an: Schalten Sie ihn zuerst aus.</translation>
    </message>
    <message>
        <source>Terminate %1</source>
        <translation>%1 beenden</translation>
    </message>
    <message numerus="yes">
        <source>Cluster %1 (%2): %3 → TERMINATED. Its %n worker(s) and scheduler stop and stop costing money; its history and incidents stay.</source>
        <translation>
            <numerusform>Cluster %1 (%2): %3 → TERMINATED. Sein %n Worker und der Scheduler halten an und kosten nichts mehr; Verlauf und Vorfälle bleiben erhalten.</numerusform>
            <numerusform>Cluster %1 (%2): %3 → TERMINATED. Seine %n Worker und der Scheduler halten an und kosten nichts mehr; Verlauf und Vorfälle bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1

This will be written to the cluster&apos;s audit log under the credential this console signed in with.</source>
        <translation>%1

Dies wird im Audit-Log des Clusters unter der Anmeldung vermerkt, mit der sich diese Konsole angemeldet hat.</translation>
    </message>
    <message>
        <source>Show logs at this time</source>
        <translation>Protokolle zu diesem Zeitpunkt zeigen</translation>
    </message>
    <message>
        <source>Open the Logs tab on the log of what this incident is about, at its start</source>
        <translation>Öffnet den Tab „Protokolle“ beim Protokoll dessen, worum es in diesem Vorfall geht, an seinem Beginn</translation>
    </message>
</context>
<context>
    <name>cdeck::JobModel</name>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>cdeck::JobsPanel</name>
    <message>
        <source>Submit job</source>
        <translation>Job übermitteln</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <source>Script on the runtime&apos;s machine…</source>
        <translation>Skript auf dem Rechner der Runtime…</translation>
    </message>
    <message>
        <source>/absolute/path/to/job.py</source>
        <translation>/absoluter/pfad/zu/job.py</translation>
    </message>
    <message>
        <source>Select a job to see the last lines of its output.</source>
        <translation>Wählen Sie einen Job, um die letzten Zeilen seiner Ausgabe zu sehen.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Sample: %1</source>
        <translation>Beispiel: %1</translation>
    </message>
    <message>
        <source>Log tail</source>
        <translation>Protokollende</translation>
    </message>
    <message>
        <source>Log tail of &lt;b&gt;%1&lt;/b&gt; (%2)%3</source>
        <translation>Protokollende von &lt;b&gt;%1&lt;/b&gt; (%2)%3</translation>
    </message>
    <message>
        <source>The job wrote no output.</source>
        <translation>Der Job hat keine Ausgabe geschrieben.</translation>
    </message>
    <message>
        <source>No output yet: the log tail appears here as the job writes it.</source>
        <translation>Noch keine Ausgabe: Das Protokollende erscheint hier, sobald der Job schreibt.</translation>
    </message>
    <message>
        <source>Give the absolute path of a Python script on the runtime&apos;s machine.</source>
        <translation>Geben Sie den absoluten Pfad eines Python-Skripts auf dem Rechner der Runtime an.</translation>
    </message>
    <message>
        <source>Show DAG</source>
        <translation>DAG zeigen</translation>
    </message>
    <message>
        <source>Arguments, as on a command line: the samples take plain values (see each sample&apos;s usage)</source>
        <translation>Argumente wie auf der Kommandozeile: Die Beispiele nehmen einfache Werte (siehe die Verwendung jedes Beispiels)</translation>
    </message>
    <message>
        <source>The selected job&apos;s graph of task groups, live while it runs (or double-click the job)</source>
        <translation>Der Graph der Task-Gruppen des gewählten Jobs, live während er läuft (oder Doppelklick auf den Job)</translation>
    </message>
    <message>
        <source>arguments, as on a command line</source>
        <translation>Argumente wie auf der Kommandozeile</translation>
    </message>
    <message>
        <source>no arguments needed</source>
        <translation>keine Argumente nötig</translation>
    </message>
    <message>
        <source>arguments: %1</source>
        <translation>Argumente: %1</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Verwendung: %1</translation>
    </message>
    <message>
        <source>Sample: %1 — %2</source>
        <translation>Beispiel: %1 — %2</translation>
    </message>
    <message>
        <source>The selected job&apos;s stage DAG (or double-click the job)</source>
        <translation>Der Stage-DAG des gewählten Jobs (oder Doppelklick auf den Job)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) · %3</translation>
    </message>
    <message>
        <source>Select a job to see its stages.</source>
        <translation>Wählen Sie einen Job, um seine Stages zu sehen.</translation>
    </message>
    <message>
        <source>What to run</source>
        <translation>Was ausgeführt wird</translation>
    </message>
    <message>
        <source>Script path</source>
        <translation>Pfad des Skripts</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Job output</source>
        <translation>Ausgabe des Jobs</translation>
    </message>
</context>
<context>
    <name>cdeck::LaunchForm</name>
    <message>
        <source>On-demand</source>
        <translation>On-Demand</translation>
    </message>
    <message>
        <source>Spot (priced as spot in cost reports)</source>
        <translation>Spot (in Kostenberichten mit Spot-Preis)</translation>
    </message>
    <message>
        <source>Termination protection: refuse to terminate until turned off</source>
        <translation>Beendigungsschutz: Beenden ablehnen, bis er ausgeschaltet wird</translation>
    </message>
    <message>
        <source>Launch cluster</source>
        <translation>Cluster starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>e.g. etl-nightly (letters, digits, - and _)</source>
        <translation>z. B. etl-nightly (Buchstaben, Ziffern, - und _)</translation>
    </message>
    <message>
        <source>Loading instance types from the runtime…</source>
        <translation>Lade die Instanztypen von der Runtime…</translation>
    </message>
    <message>
        <source>Never (0)</source>
        <translation>Nie (0)</translation>
    </message>
    <message>
        <source> min idle</source>
        <translation> min Leerlauf</translation>
    </message>
    <message>
        <source>One tag per line, key=value
team=data-platform
cost-center=1234</source>
        <translation>Ein Tag pro Zeile, Schlüssel=Wert
team=data-platform
cost-center=1234</translation>
    </message>
    <message>
        <source>Launch a cluster</source>
        <translation>Cluster starten</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Workers (executors)</source>
        <translation>&amp;Worker (Executors)</translation>
    </message>
    <message>
        <source>&amp;Instance type</source>
        <translation>&amp;Instanztyp</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Idle &amp;auto-termination</source>
        <translation>&amp;Automatisch beenden bei Leerlauf</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Schutz</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>Launch a cluster on %1</source>
        <translation>Cluster auf %1 starten</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n thread(s), %2 per worker (like %3)</source>
        <translation>
            <numerusform>%1: %n Thread, %2 pro Worker (wie %3)</numerusform>
            <numerusform>%1: %n Threads, %2 pro Worker (wie %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the runtime&apos;s instance types…</source>
        <translation>Warte auf die Instanztypen der Runtime…</translation>
    </message>
    <message>
        <source>Line %1, &apos;%2&apos;, is not key=value.</source>
        <translation>Zeile %1, „%2“, ist nicht Schlüssel=Wert.</translation>
    </message>
    <message>
        <source>No instance types yet: the runtime has not answered.</source>
        <translation>Noch keine Instanztypen: Die Runtime hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Workers must be between 1 and %1 for %2 (the runtime&apos;s memory).</source>
        <translation>Die Zahl der Worker muss für %2 zwischen 1 und %1 liegen (Speicher der Runtime).</translation>
    </message>
    <message>
        <source>The runtime refused the cluster: %1</source>
        <translation>Die Runtime hat den Cluster abgelehnt: %1</translation>
    </message>
    <message>
        <source>Launching…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Manual: keep the workers asked for</source>
        <translation>Manuell: die angeforderten Worker halten</translation>
    </message>
    <message>
        <source>Managed: scale between a minimum and a maximum</source>
        <translation>Verwaltet: zwischen einem Minimum und einem Maximum skalieren</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Scheduler&apos;s adaptive target</source>
        <translation>Adaptives Ziel des Schedulers</translation>
    </message>
    <message>
        <source>Pending tasks per thread (out &gt; 2, in &lt; 0.5)</source>
        <translation>Ausstehende Tasks pro Thread (hoch &gt; 2, runter &lt; 0,5)</translation>
    </message>
    <message>
        <source>Memory pressure (out &gt; 75%, in &lt; 30%)</source>
        <translation>Speicherdruck (hoch &gt; 75 %, runter &lt; 30 %)</translation>
    </message>
    <message>
        <source>&amp;Scaling</source>
        <translation>&amp;Skalierung</translation>
    </message>
    <message>
        <source>&amp;Minimum workers</source>
        <translation>&amp;Minimum an Workern</translation>
    </message>
    <message>
        <source>Ma&amp;ximum workers</source>
        <translation>Ma&amp;ximum an Workern</translation>
    </message>
    <message>
        <source>Scale-&amp;out cooldown</source>
        <translation>Abklingzeit beim &amp;Hochskalieren</translation>
    </message>
    <message>
        <source>Scale-in coo&amp;ldown</source>
        <translation>Abklingzeit beim Herunterska&amp;lieren</translation>
    </message>
    <message>
        <source>Largest step</source>
        <translation>Größter Schritt</translation>
    </message>
    <message>
        <source>Si&amp;gnal</source>
        <translation>Si&amp;gnal</translation>
    </message>
    <message>
        <source>Workers to start with: the policy moves them between its minimum and maximum</source>
        <translation>Worker zum Start: Die Richtlinie bewegt sie zwischen ihrem Minimum und Maximum</translation>
    </message>
    <message numerus="yes">
        <source>%1 · at most %n worker(s) of this type fit in the runtime&apos;s memory</source>
        <translation>
            <numerusform>%1 · höchstens %n Worker dieses Typs passen in den Speicher der Runtime</numerusform>
            <numerusform>%1 · höchstens %n Worker dieses Typs passen in den Speicher der Runtime</numerusform>
        </translation>
    </message>
    <message>
        <source>In total: %1, %2 of memory</source>
        <translation>Insgesamt: %1, %2 Speicher</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n Thread</numerusform>
            <numerusform>%n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>Workers to start with (%1) must lie between the minimum (%2) and the maximum (%3).</source>
        <translation>Die Worker zum Start (%1) müssen zwischen dem Minimum (%2) und dem Maximum (%3) liegen.</translation>
    </message>
    <message>
        <source>Dask: a scheduler and its workers</source>
        <translation>Dask: ein Scheduler und seine Worker</translation>
    </message>
    <message>
        <source>Spark: a standalone master and its workers</source>
        <translation>Spark: ein Standalone-Master und seine Worker</translation>
    </message>
    <message>
        <source>Asking the runtime whether it can run Spark…</source>
        <translation>Die Runtime wird gefragt, ob sie Spark ausführen kann…</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Engine</translation>
    </message>
    <message>
        <source>A cluster is one Dask scheduler or Spark master and its workers (executors) on the runtime&apos;s machine. Problems are shown under each field before anything is sent.</source>
        <translation>Ein Cluster ist ein Dask-Scheduler oder Spark-Master mit seinen Workern (Executors) auf dem Rechner der Runtime. Probleme werden unter jedem Feld angezeigt, bevor etwas gesendet wird.</translation>
    </message>
    <message>
        <source>This runtime does not run %1</source>
        <translation>Diese Runtime führt %1 nicht aus</translation>
    </message>
    <message>
        <source>Spark is not available: %1</source>
        <translation>Spark ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Dask is not available: %1</source>
        <translation>Dask ist nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>cdeck::LocalRuntime</name>
    <message>
        <source>%1 not found: install clusterdeck-runtime next to clusterdeck, or start one and pass --runtime.</source>
        <translation>%1 nicht gefunden: Installieren Sie clusterdeck-runtime neben clusterdeck, oder starten Sie eine Runtime und geben Sie --runtime an.</translation>
    </message>
    <message>
        <source>Cannot start %1.</source>
        <translation>%1 lässt sich nicht starten.</translation>
    </message>
</context>
<context>
    <name>cdeck::LogsPanel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Executor %1 · %2 (%3)</source>
        <translation>Executor %1 · %2 (%3)</translation>
    </message>
    <message>
        <source>Job %1 · %2 (%3)</source>
        <translation>Job %1 · %2 (%3)</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Folgen</translation>
    </message>
    <message>
        <source>&amp;Jump to time</source>
        <translation>&amp;Springen</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>Spei&amp;chern…</translation>
    </message>
    <message>
        <source>Log source</source>
        <translation>Protokollquelle</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>List the cluster&apos;s logs again (new executors and jobs)</source>
        <translation>Die Protokolle des Clusters neu auflisten (neue Executors und Jobs)</translation>
    </message>
    <message>
        <source>Show lines as they are written and keep the end in view</source>
        <translation>Zeilen zeigen, sobald sie geschrieben werden, und das Ende im Blick behalten</translation>
    </message>
    <message>
        <source>Find in log (Enter: next, Shift+Enter: previous)</source>
        <translation>Suchen (Eingabe: weiter, Umschalt+Eingabe: zurück)</translation>
    </message>
    <message>
        <source>Find in log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Time to jump to</source>
        <translation>Zeitpunkt, zu dem gesprungen wird</translation>
    </message>
    <message>
        <source>Show the first line written at or after this time</source>
        <translation>Die erste Zeile zeigen, die zu oder nach diesem Zeitpunkt geschrieben wurde</translation>
    </message>
    <message>
        <source>Save a copy of the whole log</source>
        <translation>Eine Kopie des ganzen Protokolls speichern</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Protokollzeilen</translation>
    </message>
    <message>
        <source>&amp;Log:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
    <message>
        <source>Not readable: %1</source>
        <translation>Nicht lesbar: %1</translation>
    </message>
    <message>
        <source>The log will not grow any more (%1).</source>
        <translation>Das Protokoll wächst nicht mehr (%1).</translation>
    </message>
    <message>
        <source>Cannot read the runtime&apos;s token: %1</source>
        <translation>Das Token der Runtime lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>Cannot list the logs: %1</source>
        <translation>Die Protokolle lassen sich nicht auflisten: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>Looking for %1…</source>
        <translation>Suche nach %1…</translation>
    </message>
    <message>
        <source>Line %L1.</source>
        <translation>Zeile %L1.</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt)</source>
        <translation>Protokolle (*.log *.txt)</translation>
    </message>
    <message>
        <source>Saving: %1 of %2…</source>
        <translation>Speichere: %1 von %2…</translation>
    </message>
    <message>
        <source>Pick a cluster to read its logs.</source>
        <translation>Wählen Sie einen Cluster, um seine Protokolle zu lesen.</translation>
    </message>
    <message>
        <source>Pick a log.</source>
        <translation>Wählen Sie ein Protokoll.</translation>
    </message>
    <message>
        <source>Logs are read from a ClusterDeck runtime&apos;s clusters.</source>
        <translation>Protokolle gibt es für die Cluster einer ClusterDeck-Runtime.</translation>
    </message>
    <message>
        <source>%L1 lines · %2</source>
        <translation>%L1 Zeilen · %2</translation>
    </message>
    <message>
        <source> · reading %1%</source>
        <translation> · lese %1 %</translation>
    </message>
    <message>
        <source>Reading the log up to %1…</source>
        <translation>Das Protokoll wird bis %1 gelesen…</translation>
    </message>
</context>
<context>
    <name>cdeck::MainWindow</name>
    <message>
        <source>ClusterDeck</source>
        <translation>ClusterDeck</translation>
    </message>
    <message>
        <source>Local runtime</source>
        <translation>Lokale Runtime</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Sign in as another user: until the runtime accepts the new token, the console keeps the one it uses now.</source>
        <translation>Als anderer Benutzer anmelden: Bis die Runtime das neue Token annimmt, behält die Konsole das jetzige.</translation>
    </message>
    <message>
        <source>Opening the event log was cancelled.</source>
        <translation>Das Öffnen des Event-Logs wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>cdeck::OpenLogProgress</name>
    <message>
        <source>Opening Spark event log</source>
        <translation>Spark-Event-Log wird geöffnet</translation>
    </message>
    <message>
        <source>Progress of opening the event log</source>
        <translation>Fortschritt beim Öffnen des Event-Logs</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reading %1…
%2 of %3</source>
        <translation>Lese %1…
%2 von %3</translation>
    </message>
</context>
<context>
    <name>cdeck::OverviewPanel</name>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>Scheduler</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>Spezifikation</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Instance type</source>
        <translation>Instanztyp</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Idle auto-termination</source>
        <translation>Automatisch beenden bei Leerlauf</translation>
    </message>
    <message>
        <source>Termination protection</source>
        <translation>Beendigungsschutz</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>State history (newest first)</source>
        <translation>Zustandsverlauf (neueste zuerst)</translation>
    </message>
    <message>
        <source>%1 %2 Since %3 (%4).</source>
        <translation>%1 %2 Seit %3 (%4).</translation>
    </message>
    <message>
        <source>Reason: %1.</source>
        <translation>Grund: %1.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>%1 (%2 after creation)</source>
        <translation>%1 (%2 nach dem Erstellen)</translation>
    </message>
    <message>
        <source>still up</source>
        <translation>läuft noch</translation>
    </message>
    <message>
        <source>%1 requested, %2 running</source>
        <translation>%1 angefordert, %2 laufend</translation>
    </message>
    <message>
        <source>after %1 idle</source>
        <translation>nach %1 Leerlauf</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>ON: terminate is refused until it is turned off</source>
        <translation>AN: Beenden wird abgelehnt, bis er ausgeschaltet wird</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Events: scaling decisions, spot interruptions, state changes (newest first; hover a reason for its numbers)</source>
        <translation>Ereignisse: Skalierungsentscheidungen, Spot-Unterbrechungen, Zustandswechsel (neueste zuerst; Zeiger auf einen Grund zeigt seine Zahlen)</translation>
    </message>
    <message numerus="yes">
        <source>%n spot interruption(s) in the last hour</source>
        <translation>
            <numerusform>%n Spot-Unterbrechung in der letzten Stunde</numerusform>
            <numerusform>%n Spot-Unterbrechungen in der letzten Stunde</numerusform>
        </translation>
    </message>
    <message>
        <source>; fell back to on-demand</source>
        <translation>; auf On-Demand zurückgefallen</translation>
    </message>
    <message>
        <source>%1, but termination protection is on: it will not fire</source>
        <translation>%1, aber der Beendigungsschutz ist an: Es wird nicht ausgelöst</translation>
    </message>
    <message>
        <source>%1; the clock starts when the cluster is WAITING with no job</source>
        <translation>%1; die Uhr läuft, sobald der Cluster ohne Job im Zustand WAITING ist</translation>
    </message>
    <message>
        <source>%1: terminates at %2 (in %3) unless a job starts</source>
        <translation>%1: endet um %2 (in %3), sofern kein Job startet</translation>
    </message>
    <message>
        <source>%1: terminating now (idle since %2)</source>
        <translation>%1: wird jetzt beendet (Leerlauf seit %2)</translation>
    </message>
    <message>
        <source>%1 requested, %2 running: %3</source>
        <translation>%1 angefordert, %2 laufend: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n thread(s), %2 per worker (like %3)</source>
        <translation>
            <numerusform>%1: %n Thread, %2 pro Worker (wie %3)</numerusform>
            <numerusform>%1: %n Threads, %2 pro Worker (wie %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Managed: %1-%2 workers, follows %3; cooldowns %4 s out, %5 s in; step %6; scale-in after %7 s of low signal</source>
        <translation>Verwaltet: %1–%2 Worker, folgt %3; Abklingzeiten %4 s hoch, %5 s runter; Schritt %6; herunter nach %7 s schwachem Signal</translation>
    </message>
    <message>
        <source>Manual: the cluster keeps the workers asked for</source>
        <translation>Manuell: Der Cluster hält die angeforderten Worker</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n Worker</numerusform>
            <numerusform>%n Worker</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (chosen by the policy), %2 running</source>
        <translation>%1 (von der Richtlinie gewählt), %2 laufend</translation>
    </message>
    <message>
        <source>%1 (asked for), %2 running</source>
        <translation>%1 (angefordert), %2 laufend</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Driver UI</source>
        <translation>Driver-UI</translation>
    </message>
    <message>
        <source>Spark (standalone master and workers)</source>
        <translation>Spark (Standalone-Master und Worker)</translation>
    </message>
    <message>
        <source>Dask (scheduler and workers)</source>
        <translation>Dask (Scheduler und Worker)</translation>
    </message>
    <message>
        <source>Master</source>
        <translation>Master</translation>
    </message>
    <message>
        <source>Master UI</source>
        <translation>Master-UI</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no application running</source>
        <translation>keine Anwendung läuft</translation>
    </message>
    <message>
        <source>State history</source>
        <translation>Zustandsverlauf</translation>
    </message>
    <message>
        <source>Cluster events</source>
        <translation>Cluster-Ereignisse</translation>
    </message>
</context>
<context>
    <name>cdeck::PageStack</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>%1 lists no applications yet.</source>
        <translation>%1 listet noch keine Anwendungen.</translation>
    </message>
    <message>
        <source>No clusters on %1 yet.
Use “Launch cluster…” on the left to start one.</source>
        <translation>Noch keine Cluster auf %1.
Mit „Cluster starten…“ links starten Sie einen.</translation>
    </message>
    <message>
        <source>Select a cluster on the left.</source>
        <translation>Wählen Sie links einen Cluster.</translation>
    </message>
    <message>
        <source>No clusters on %1 yet.
%2</source>
        <translation>Noch keine Cluster auf %1.
%2</translation>
    </message>
</context>
<context>
    <name>cdeck::RecordEditors</name>
    <message>
        <source>%1 keeps no budgets or SLOs: a ClusterDeck runtime does.</source>
        <translation>%1 führt keine Budgets oder SLOs, eine ClusterDeck-Runtime schon.</translation>
    </message>
    <message>
        <source>Budget saved.</source>
        <translation>Budget gespeichert.</translation>
    </message>
    <message>
        <source>Budget removed.</source>
        <translation>Budget entfernt.</translation>
    </message>
    <message>
        <source>SLO saved.</source>
        <translation>SLO gespeichert.</translation>
    </message>
    <message>
        <source>SLO removed.</source>
        <translation>SLO entfernt.</translation>
    </message>
    <message>
        <source>Removing the budget was refused</source>
        <translation>Das Entfernen des Budgets wurde abgelehnt</translation>
    </message>
    <message>
        <source>Removing the SLO was refused</source>
        <translation>Das Entfernen des SLOs wurde abgelehnt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>cdeck::RolePermissions</name>
    <message>
        <source>launch clusters</source>
        <translation>Cluster starten</translation>
    </message>
    <message>
        <source>scale clusters</source>
        <translation>Cluster skalieren</translation>
    </message>
    <message>
        <source>change scaling policies</source>
        <translation>Skalierungsrichtlinien ändern</translation>
    </message>
    <message>
        <source>terminate clusters</source>
        <translation>Cluster beenden</translation>
    </message>
    <message>
        <source>change termination protection</source>
        <translation>den Beendigungsschutz ändern</translation>
    </message>
    <message>
        <source>submit jobs</source>
        <translation>Jobs einreichen</translation>
    </message>
    <message>
        <source>cancel jobs</source>
        <translation>Jobs abbrechen</translation>
    </message>
    <message>
        <source>run guarded actions</source>
        <translation>abgesicherte Aktionen ausführen</translation>
    </message>
    <message>
        <source>edit budgets</source>
        <translation>Budgets bearbeiten</translation>
    </message>
    <message>
        <source>edit SLOs</source>
        <translation>SLOs bearbeiten</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2): only the %3 role and above may %4.</source>
        <translation>Angemeldet als %1 (%2): Nur die Rolle %3 und höher darf %4.</translation>
    </message>
    <message>
        <source>Signed in as %1 (scientist): this cluster was not launched by you, and a scientist may %2 only on the clusters it launched.</source>
        <translation>Angemeldet als %1 (scientist): Diesen Cluster haben nicht Sie gestartet, und ein Scientist darf nur auf selbst gestarteten Clustern %2.</translation>
    </message>
    <message>
        <source>Signed in as %1 (scientist): this cluster was launched by %2, and a scientist may %3 only on the clusters it launched.</source>
        <translation>Angemeldet als %1 (scientist): Diesen Cluster hat %2 gestartet, und ein Scientist darf nur auf selbst gestarteten Clustern %3.</translation>
    </message>
</context>
<context>
    <name>cdeck::RuntimeClient</name>
    <message>
        <source>Runtime unreachable: %1</source>
        <translation>Runtime nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Runtime&apos;s certificate refused: %1</source>
        <translation>Zertifikat der Runtime abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>cdeck::RuntimeFeed</name>
    <message>
        <source>ClusterDeck runtime</source>
        <translation>ClusterDeck-Runtime</translation>
    </message>
    <message>
        <source>The runtime</source>
        <translation>Die Runtime</translation>
    </message>
    <message>
        <source>The runtime sent a DAG the console cannot read: %1</source>
        <translation>Die Runtime hat einen DAG geschickt, den die Konsole nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>The runbook could not be read: %1</source>
        <translation>Das Runbook ließ sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>This runtime is too old to run Spark: update clusterdeck-runtime</source>
        <translation>Diese Runtime ist zu alt für Spark: Aktualisieren Sie clusterdeck-runtime</translation>
    </message>
    <message>
        <source>The new budget was saved, but the old one could not be removed: %1</source>
        <translation>Das neue Budget wurde gespeichert, das alte konnte aber nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>The new SLO was saved, but the old one could not be removed: %1</source>
        <translation>Das neue SLO wurde gespeichert, das alte konnte aber nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>cdeck::ScaleDialog</name>
    <message>
        <source>Scale %1</source>
        <translation>%1 skalieren</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>&amp;Target workers</source>
        <translation>&amp;Ziel an Workern</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>No change.</source>
        <translation>Keine Änderung.</translation>
    </message>
    <message>
        <source>Manual: keep the target above</source>
        <translation>Manuell: das Ziel oben halten</translation>
    </message>
    <message>
        <source>Managed: scale between a minimum and a maximum</source>
        <translation>Verwaltet: zwischen einem Minimum und einem Maximum skalieren</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) requested, %1 running (%2)</source>
        <translation>
            <numerusform>%n Worker angefordert, %1 laufend (%2)</numerusform>
            <numerusform>%n Worker angefordert, %1 laufend (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Scaling policy</source>
        <translation>Skalierungsrichtlinie</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Modus</translation>
    </message>
    <message>
        <source>Mi&amp;nimum workers</source>
        <translation>Mi&amp;nimum an Workern</translation>
    </message>
    <message>
        <source>Ma&amp;ximum workers</source>
        <translation>Ma&amp;ximum an Workern</translation>
    </message>
    <message>
        <source>Scale-&amp;out cooldown</source>
        <translation>Abklingzeit beim &amp;Hochskalieren</translation>
    </message>
    <message>
        <source>Scale-&amp;in cooldown</source>
        <translation>Abklingzeit beim Herunterskal&amp;ieren</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>No change now: the policy moves the workers within its bounds.</source>
        <translation>Jetzt keine Änderung: Die Richtlinie bewegt die Worker innerhalb ihrer Grenzen.</translation>
    </message>
    <message numerus="yes">
        <source>+%n executor(s): adds %1 and %2 of memory.</source>
        <translation>
            <numerusform>+%n Executor: fügt %1 und %2 Speicher hinzu.</numerusform>
            <numerusform>+%n Executors: fügt %1 und %2 Speicher hinzu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n Thread</numerusform>
            <numerusform>%n Threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>−%n executor(s): retires them gracefully (their data moves to the others first); frees %1 and %2.</source>
        <translation>
            <numerusform>−%n Executor: wird geordnet stillgelegt (seine Daten wandern zuerst zu den anderen); gibt %1 und %2 frei.</numerusform>
            <numerusform>−%n Executors: werden geordnet stillgelegt (ihre Daten wandern zuerst zu den anderen); gibt %1 und %2 frei.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost meter not received yet.</source>
        <translation>Kostenzähler noch nicht empfangen.</translation>
    </message>
    <message>
        <source>%1 now, unchanged.</source>
        <translation>%1 jetzt, unverändert.</translation>
    </message>
    <message>
        <source>%1%2 (%3 → %4); %5 per worker.</source>
        <translation>%1%2 (%3 → %4); %5 pro Worker.</translation>
    </message>
    <message>
        <source>The target (%1) must lie between the minimum (%2) and the maximum (%3).</source>
        <translation>Das Ziel (%1) muss zwischen dem Minimum (%2) und dem Maximum (%3) liegen.</translation>
    </message>
</context>
<context>
    <name>cdeck::ScalingPolicy</name>
    <message>
        <source>Unknown field &apos;%1&apos;.</source>
        <translation>Unbekanntes Feld „%1“.</translation>
    </message>
    <message>
        <source>Minimum workers must be between 1 and %1.</source>
        <translation>Das Minimum an Workern muss zwischen 1 und %1 liegen.</translation>
    </message>
    <message>
        <source>Maximum workers must be between 1 and %1.</source>
        <translation>Das Maximum an Workern muss zwischen 1 und %1 liegen.</translation>
    </message>
    <message>
        <source>Maximum workers (%1) must not be below the minimum (%2).</source>
        <translation>Das Maximum an Workern (%1) darf nicht unter dem Minimum (%2) liegen.</translation>
    </message>
    <message>
        <source>Scale-out cooldown must be between 0 and 86400 seconds.</source>
        <translation>Die Abklingzeit beim Hochskalieren muss zwischen 0 und 86400 Sekunden liegen.</translation>
    </message>
    <message>
        <source>Scale-in cooldown must be between 0 and 86400 seconds.</source>
        <translation>Die Abklingzeit beim Herunterskalieren muss zwischen 0 und 86400 Sekunden liegen.</translation>
    </message>
    <message>
        <source>Stabilization must be between 0 and 86400 seconds.</source>
        <translation>Die Stabilisierung muss zwischen 0 und 86400 Sekunden liegen.</translation>
    </message>
    <message>
        <source>Largest step must be between 1 and %1 workers.</source>
        <translation>Der größte Schritt muss zwischen 1 und %1 Workern liegen.</translation>
    </message>
    <message>
        <source>Scaling mode must be &apos;manual&apos; or &apos;managed&apos;.</source>
        <translation>Der Skalierungsmodus muss „manual“ oder „managed“ sein.</translation>
    </message>
    <message>
        <source>Signal must be &apos;adaptive&apos;, &apos;pending-tasks&apos; or &apos;memory&apos;.</source>
        <translation>Das Signal muss „adaptive“, „pending-tasks“ oder „memory“ sein.</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>managed %1-%2 workers, %3, cooldowns %4 s out / %5 s in, step %6</source>
        <translation>verwaltet %1–%2 Worker, %3, Abklingzeiten %4 s hoch / %5 s runter, Schritt %6</translation>
    </message>
    <message>
        <source>Interruption rate must be between 0 and 3600 per hour.</source>
        <translation>Die Unterbrechungsrate muss zwischen 0 und 3600 pro Stunde liegen.</translation>
    </message>
    <message>
        <source>Fallback threshold must be between 1 and 1000 interruptions.</source>
        <translation>Die Rückfallschwelle muss zwischen 1 und 1000 Unterbrechungen liegen.</translation>
    </message>
    <message>
        <source>Fallback window must be between 1 second and 7 days.</source>
        <translation>Das Rückfallfenster muss zwischen 1 Sekunde und 7 Tagen liegen.</translation>
    </message>
    <message>
        <source>interruptionsPerHour: expected a number</source>
        <translation>interruptionsPerHour: Zahl erwartet</translation>
    </message>
    <message>
        <source>Arguments must be strings.</source>
        <translation>Argumente müssen Strings sein.</translation>
    </message>
    <message>
        <source>Arguments must be an array of strings.</source>
        <translation>Argumente müssen ein Array von Strings sein.</translation>
    </message>
    <message>
        <source>&apos;on&apos; must be &apos;all&apos;, &apos;workers&apos; or &apos;scheduler&apos;.</source>
        <translation>„on“ muss „all“, „workers“ oder „scheduler“ sein.</translation>
    </message>
    <message>
        <source>At most 16 bootstrap actions are allowed.</source>
        <translation>Höchstens 16 Bootstrap-Aktionen sind erlaubt.</translation>
    </message>
    <message>
        <source>A bootstrap action needs a script.</source>
        <translation>Eine Bootstrap-Aktion braucht ein Skript.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a readable file (give an absolute path on the runtime&apos;s host).</source>
        <translation>„%1“ ist keine lesbare Datei (geben Sie einen absoluten Pfad auf dem Rechner der Runtime an).</translation>
    </message>
    <message>
        <source>Timeout must be between 1 and 3600 seconds.</source>
        <translation>Das Timeout muss zwischen 1 und 3600 Sekunden liegen.</translation>
    </message>
</context>
<context>
    <name>cdeck::ShuffleIoPanel</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Bytes in per second (received from other workers)</source>
        <translation>Bytes ein pro Sekunde (von anderen Workern empfangen)</translation>
    </message>
    <message>
        <source>Bytes out per second (sent to other workers)</source>
        <translation>Bytes aus pro Sekunde (an andere Worker gesendet)</translation>
    </message>
    <message>
        <source>B/s</source>
        <translation>B/s</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>GiB/s</source>
        <translation>GiB/s</translation>
    </message>
    <message>
        <source>Shuffle read per second (change between polls of Spark&apos;s totals)</source>
        <translation>Shuffle Read pro Sekunde (Änderung zwischen zwei Abfragen der Spark-Summen)</translation>
    </message>
    <message>
        <source>Shuffle write per second (change between polls of Spark&apos;s totals)</source>
        <translation>Shuffle Write pro Sekunde (Änderung zwischen zwei Abfragen der Spark-Summen)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cumulative per executor&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;</source>
        <translation>&lt;b&gt;Kumuliert pro Executor&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;</translation>
    </message>
    <message>
        <source>shuffle read</source>
        <translation>Shuffle Read</translation>
    </message>
    <message>
        <source>bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <source>shuffle write</source>
        <translation>Shuffle Write</translation>
    </message>
    <message>
        <source>bytes out</source>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <source>read %1 · write %2 · last poll ↓ %3 ↑ %4</source>
        <translation>Read %1 · Write %2 · letzte Abfrage ↓ %3 ↑ %4</translation>
    </message>
    <message>
        <source>in %1 · out %2 · now ↓ %3 ↑ %4</source>
        <translation>ein %1 · aus %2 · jetzt ↓ %3 ↑ %4</translation>
    </message>
    <message>
        <source>Application, last poll: read %1, write %2 · cumulative: read %3, write %4</source>
        <translation>Anwendung, letzte Abfrage: Read %1, Write %2 · kumuliert: Read %3, Write %4</translation>
    </message>
    <message>
        <source>Cluster now: in %1, out %2 · cumulative: in %3, out %4</source>
        <translation>Cluster jetzt: ein %1, aus %2 · kumuliert: ein %3, aus %4</translation>
    </message>
    <message>
        <source>Shuffle of executor %1: %2</source>
        <translation>Shuffle von Executor %1: %2</translation>
    </message>
</context>
<context>
    <name>cdeck::Sidebar</name>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>token refused</source>
        <translation>Token abgelehnt</translation>
    </message>
    <message>
        <source>Filter clusters (/)</source>
        <translation>Cluster filtern (/)</translation>
    </message>
    <message>
        <source>Filter clusters by name, id or state</source>
        <translation>Cluster nach Name, ID oder Zustand filtern</translation>
    </message>
    <message>
        <source>Hide t&amp;erminated</source>
        <translation>B&amp;eendete ausblenden</translation>
    </message>
    <message>
        <source>Order clusters</source>
        <translation>Cluster sortieren</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>By state, worst first</source>
        <translation>Nach Zustand, schlimmste zuerst</translation>
    </message>
    <message>
        <source>By cost per hour</source>
        <translation>Nach Kosten pro Stunde</translation>
    </message>
    <message>
        <source>Launch cluster…</source>
        <translation>Cluster starten…</translation>
    </message>
    <message>
        <source>Add runtime, Spark or YARN…</source>
        <translation>Runtime, Spark oder YARN hinzufügen…</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>Management-Übersicht</translation>
    </message>
    <message>
        <source>SLOs</source>
        <translation>SLOs</translation>
    </message>
    <message>
        <source>Service level objectives: SLI, error budget, burn rates and alerts</source>
        <translation>Service Level Objectives: SLI, Fehlerbudget, Burn-Rates und Alarme</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Close this event log (the file is not touched)</source>
        <translation>Dieses Event-Log schließen (die Datei bleibt unberührt)</translation>
    </message>
    <message>
        <source>Forget this runtime and its stored token (its clusters keep running)</source>
        <translation>Diese Runtime und ihr gespeichertes Token vergessen (ihre Cluster laufen weiter)</translation>
    </message>
    <message>
        <source>Clusters of %1</source>
        <translation>Cluster von %1</translation>
    </message>
</context>
<context>
    <name>cdeck::SignInDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>the token an admin gave you (clusterdeck-cli user add)</source>
        <translation>das Token, das Ihnen ein Admin gegeben hat (clusterdeck-cli user add)</translation>
    </message>
    <message>
        <source>Sign in to the runtime at %1 with your own token: what you may do there follows the role it belongs to.</source>
        <translation>Melden Sie sich mit Ihrem eigenen Token bei der Runtime unter %1 an: Was Sie dort dürfen, folgt aus der Rolle, zu der es gehört.</translation>
    </message>
    <message>
        <source>Once the runtime accepts it, the token is kept in the system keychain or, where there is none, in a file only you can read. Sign out forgets it.</source>
        <translation>Sobald die Runtime es annimmt, wird das Token im Schlüsselbund des Systems aufbewahrt oder, wo es keinen gibt, in einer Datei, die nur Sie lesen können. Abmelden vergisst es.</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
</context>
<context>
    <name>cdeck::SignInFlow</name>
    <message>
        <source>Signed in to %1 as %2 (%3).</source>
        <translation>Bei %1 angemeldet als %2 (%3).</translation>
    </message>
    <message>
        <source>%1 The token could not be kept: %2</source>
        <translation>%1 Das Token konnte nicht aufbewahrt werden: %2</translation>
    </message>
    <message>
        <source>%1 The token is kept in the system keychain.</source>
        <translation>%1 Das Token liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>%1 The token is kept in %2.</source>
        <translation>%1 Das Token liegt in %2.</translation>
    </message>
    <message>
        <source>The runtime refused that token (%1). Check it and try again; until then the console uses the token it had before.</source>
        <translation>Die Runtime hat dieses Token abgelehnt (%1). Prüfen Sie es und versuchen Sie es erneut; bis dahin verwendet die Konsole das bisherige Token.</translation>
    </message>
    <message>
        <source>The runtime at %1 refused the token in use (%2). Sign in again: what is on screen stays as it is.</source>
        <translation>Die Runtime unter %1 lehnt das verwendete Token ab (%2). Melden Sie sich erneut an: Was angezeigt wird, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>Signed out of %1: the console uses the runtime&apos;s own token file again.</source>
        <translation>Von %1 abgemeldet: Die Konsole verwendet wieder die Token-Datei der Runtime.</translation>
    </message>
    <message>
        <source>Signed out of %1; the token is forgotten.</source>
        <translation>Von %1 abgemeldet; das Token ist vergessen.</translation>
    </message>
</context>
<context>
    <name>cdeck::SloDialog</name>
    <message>
        <source>Runs of the &amp;job named</source>
        <translation>Läufe des &amp;Jobs namens</translation>
    </message>
    <message>
        <source>Runs on clusters &amp;tagged</source>
        <translation>Läufe auf Clustern mit dem &amp;Tag</translation>
    </message>
    <message>
        <source>New SLO</source>
        <translation>Neues SLO</translation>
    </message>
    <message>
        <source>Edit SLO %1</source>
        <translation>SLO %1 bearbeiten</translation>
    </message>
    <message>
        <source>nightly export</source>
        <translation>nächtlicher Export</translation>
    </message>
    <message>
        <source>export_report</source>
        <translation>export_report</translation>
    </message>
    <message>
        <source>team=data</source>
        <translation>team=data</translation>
    </message>
    <message>
        <source>30d</source>
        <translation>30d</translation>
    </message>
    <message>
        <source>Success rate (runs that completed)</source>
        <translation>Erfolgsquote (abgeschlossene Läufe)</translation>
    </message>
    <message>
        <source>P95 duration (runs no slower than the threshold)</source>
        <translation>P95-Dauer (Läufe nicht langsamer als die Schwelle)</translation>
    </message>
    <message>
        <source>Failed task rate (tasks that did not err)</source>
        <translation>Fehlerquote der Tasks (Tasks ohne Fehler)</translation>
    </message>
    <message>
        <source>Freshness (last success no older than the threshold)</source>
        <translation>Aktualität (letzter Erfolg nicht älter als die Schwelle)</translation>
    </message>
    <message>
        <source>An SLO promises that a share of runs is good over a window; its error budget is what the rest may spend. Burn-rate alerts page or open a ticket as it burns.</source>
        <translation>Ein SLO verspricht, dass ein Anteil der Läufe in einem Zeitfenster gut ist; sein Fehlerbudget ist, was der Rest verbrauchen darf. Burn-Rate-Alarme alarmieren oder eröffnen ein Ticket, während es verbraucht wird.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>S&amp;LI:</source>
        <translation>S&amp;LI:</translation>
    </message>
    <message>
        <source>&amp;Objective (%):</source>
        <translation>&amp;Ziel (%):</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Fenster:</translation>
    </message>
    <message>
        <source>T&amp;hreshold (seconds):</source>
        <translation>&amp;Schwelle (Sekunden):</translation>
    </message>
    <message>
        <source>Saving replaces this SLO: the new one gets a new id and the old one&apos;s open incident ends.</source>
        <translation>Speichern ersetzt dieses SLO: Das neue erhält eine neue ID, und der offene Vorfall des alten endet.</translation>
    </message>
    <message>
        <source>Only the P95 duration and freshness SLIs take a threshold</source>
        <translation>Nur die SLIs P95-Dauer und Aktualität haben eine Schwelle</translation>
    </message>
    <message>
        <source>Name the job whose runs the SLO counts, such as export_report.</source>
        <translation>Nennen Sie den Job, dessen Läufe das SLO zählt, etwa export_report.</translation>
    </message>
    <message>
        <source>Give the clusters&apos; tag as key=value, such as team=data.</source>
        <translation>Geben Sie das Tag der Cluster als Schlüssel=Wert an, etwa team=data.</translation>
    </message>
    <message>
        <source>The objective &quot;%1&quot; is not a number: give a percentage such as 99.5.</source>
        <translation>Das Ziel „%1“ ist keine Zahl: Geben Sie einen Prozentsatz wie 99.5 an.</translation>
    </message>
    <message>
        <source>The objective must lie between 0 % and 100 %, both excluded (99.9 is common).</source>
        <translation>Das Ziel muss zwischen 0 % und 100 % liegen, beide ausgeschlossen (99.9 ist üblich).</translation>
    </message>
    <message>
        <source>The window &quot;%1&quot; is not a duration: write it as 30d, 7d or 12h.</source>
        <translation>Das Fenster „%1“ ist keine Dauer: Schreiben Sie es als 30d, 7d oder 12h.</translation>
    </message>
    <message>
        <source>The window must be between 1h and 90d.</source>
        <translation>Das Fenster muss zwischen 1h und 90d liegen.</translation>
    </message>
    <message>
        <source>Give the threshold in seconds: the slowest run that still counts as good.</source>
        <translation>Geben Sie die Schwelle in Sekunden an: der langsamste Lauf, der noch als gut gilt.</translation>
    </message>
    <message>
        <source>Give the threshold in seconds: the oldest last success that is still fresh.</source>
        <translation>Geben Sie die Schwelle in Sekunden an: der älteste letzte Erfolg, der noch als aktuell gilt.</translation>
    </message>
</context>
<context>
    <name>cdeck::SlosPanel</name>
    <message>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
    <message>
        <source>Runs of</source>
        <translation>Läufe von</translation>
    </message>
    <message>
        <source>SLI now</source>
        <translation>SLI jetzt</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Budget left</source>
        <translation>Restbudget</translation>
    </message>
    <message>
        <source>Burn 1h</source>
        <translation>Burn 1 h</translation>
    </message>
    <message>
        <source>Burn 6h</source>
        <translation>Burn 6 h</translation>
    </message>
    <message>
        <source>Burn 1d</source>
        <translation>Burn 1 T</translation>
    </message>
    <message>
        <source>Burn 3d</source>
        <translation>Burn 3 T</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>SLOs</source>
        <translation>SLOs</translation>
    </message>
    <message>
        <source>Error budget burn rate over the last hour: 1x spends the whole budget in exactly the SLO&apos;s window</source>
        <translation>Burn-Rate des Fehlerbudgets in der letzten Stunde: 1x verbraucht das ganze Budget in genau dem Zeitfenster des SLO</translation>
    </message>
    <message>
        <source>SLO alert</source>
        <translation>SLO-Alarm</translation>
    </message>
    <message>
        <source>no runs</source>
        <translation>keine Läufe</translation>
    </message>
    <message>
        <source>%1 % ok</source>
        <translation>%L1 % ok</translation>
    </message>
    <message>
        <source>%1 % tasks ok</source>
        <translation>%L1 % Tasks ok</translation>
    </message>
    <message>
        <source>P95 %1 s</source>
        <translation>P95 %L1 s</translation>
    </message>
    <message>
        <source>%1 min old</source>
        <translation>%1 min alt</translation>
    </message>
    <message>
        <source> ≤ %1 s</source>
        <translation> ≤ %1 s</translation>
    </message>
    <message>
        <source> ≤ %1 min old</source>
        <translation> ≤ %1 min alt</translation>
    </message>
    <message>
        <source>spent (%1 %)</source>
        <translation>verbraucht (%1 %)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%L1 %</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>No SLOs are defined on this runtime.</source>
        <translation>Auf dieser Runtime sind keine SLOs definiert.</translation>
    </message>
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
            <numerusform>, %n alarmiert</numerusform>
            <numerusform>, %n alarmieren</numerusform>
        </translation>
    </message>
    <message>
        <source>, none alerting</source>
        <translation>, keines alarmiert</translation>
    </message>
    <message>
        <source>Loading SLOs…</source>
        <translation>Lade SLOs…</translation>
    </message>
    <message>
        <source>Select an SLO to see its alert and the runs that spent its budget.</source>
        <translation>Wählen Sie ein SLO, um seinen Alarm und die Läufe zu sehen, die sein Budget verbraucht haben.</translation>
    </message>
    <message>
        <source>No alert: no window pair burns its budget fast enough.</source>
        <translation>Kein Alarm: Kein Fensterpaar verbraucht sein Budget schnell genug.</translation>
    </message>
    <message>
        <source>Burn rates: %1</source>
        <translation>Burn-Rates: %1</translation>
    </message>
    <message>
        <source>Runs that spent the budget</source>
        <translation>Läufe, die das Budget verbraucht haben</translation>
    </message>
    <message>
        <source>&amp;New SLO…</source>
        <translation>&amp;Neues SLO…</translation>
    </message>
    <message>
        <source>E&amp;dit SLO…</source>
        <translation>SLO &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove SLO…</source>
        <translation>SLO ent&amp;fernen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Service level objectives&lt;/b&gt; — pages at 14.4x over 1 h (and 5 min) or 6x over 6 h (and 30 min); tickets at 3x over 1 d (and 2 h) or 1x over 3 d (and 6 h). Add one with New SLO or &lt;tt&gt;clusterdeck-cli slo add&lt;/tt&gt;.</source>
        <translation>&lt;b&gt;Service Level Objectives&lt;/b&gt; — Pages bei 14,4x über 1 h (und 5 min) oder 6x über 6 h (und 30 min); Tickets bei 3x über 1 T (und 2 h) oder 1x über 3 T (und 6 h). Fügen Sie eines mit „Neues SLO“ oder &lt;tt&gt;clusterdeck-cli slo add&lt;/tt&gt; hinzu.</translation>
    </message>
    <message>
        <source>Remove SLO</source>
        <translation>SLO entfernen</translation>
    </message>
    <message>
        <source>Remove the SLO %1 (%2)? Its open incident, if it has one, ends.</source>
        <translation>Das SLO %1 (%2) entfernen? Sein offener Vorfall, falls es einen gibt, endet.</translation>
    </message>
</context>
<context>
    <name>cdeck::SparkFeed</name>
    <message>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <source>Spark jobs come from the application&apos;s own code; ClusterDeck shows them.</source>
        <translation>Spark-Jobs kommen aus dem Code der Anwendung selbst; ClusterDeck zeigt sie.</translation>
    </message>
    <message>
        <source>Spark application %1</source>
        <translation>Spark-Anwendung %1</translation>
    </message>
    <message>
        <source>Spark application</source>
        <translation>Spark-Anwendung</translation>
    </message>
    <message>
        <source>application completed</source>
        <translation>Anwendung abgeschlossen</translation>
    </message>
    <message>
        <source>Spark job %1 · stages %2 · tasks: %3 of %4 completed, %5 failed, %6 skipped</source>
        <translation>Spark-Job %1 · Stages %2 · Tasks: %3 von %4 abgeschlossen, %5 fehlgeschlagen, %6 übersprungen</translation>
    </message>
    <message>
        <source>Spark&apos;s REST API names no parent stages, so the stage DAG cannot be drawn from it: open the application&apos;s event log (File &gt; Open Spark event log…) for the stage DAG. The Jobs tab lists this job&apos;s stages.</source>
        <translation>Die REST-API von Spark nennt keine Eltern-Stages, daher lässt sich der Stage-DAG daraus nicht zeichnen: Öffnen Sie das Event-Log der Anwendung (Datei &gt; Spark-Event-Log öffnen…) für den Stage-DAG. Der Tab „Jobs“ listet die Stages dieses Jobs.</translation>
    </message>
    <message>
        <source>Spark&apos;s executor totals (shuffle read = in, shuffle write = out), polled every %1 s; the per-second rates are the change between two successive polls, not Spark&apos;s own figures. No history before the page opened.</source>
        <translation>Summen der Spark-Executors (Shuffle Read = ein, Shuffle Write = aus), abgefragt alle %1 s; die Raten pro Sekunde sind die Änderung zwischen zwei aufeinanderfolgenden Abfragen, nicht Sparks eigene Zahlen. Kein Verlauf vor dem Öffnen der Seite.</translation>
    </message>
    <message>
        <source>Spark&apos;s REST API cannot kill jobs: use the kill link of the Spark UI.</source>
        <translation>Die REST-API von Spark kann keine Jobs beenden: Nutzen Sie den Kill-Link der Spark UI.</translation>
    </message>
</context>
<context>
    <name>cdeck::SparkStageModel</name>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source> · %1 running</source>
        <translation> · %1 laufend</translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation> · %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 mem / %2 disk</source>
        <translation>%1 Speicher / %2 Platte</translation>
    </message>
    <message>
        <source>Executor run time summed over the stage&apos;s tasks</source>
        <translation>Executor-Laufzeit, summiert über die Tasks der Stage</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tasks done</source>
        <translation>Tasks erledigt</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Shuffle read</source>
        <translation>Shuffle Read</translation>
    </message>
    <message>
        <source>Shuffle write</source>
        <translation>Shuffle Write</translation>
    </message>
    <message>
        <source>Spill</source>
        <translation>Spill</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>Laufzeit</translation>
    </message>
</context>
<context>
    <name>cdeck::SparkStagePage</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Summary metrics of the successful tasks</source>
        <translation>Zusammenfassende Metriken der erfolgreichen Tasks</translation>
    </message>
    <message>
        <source>Per-executor totals of the stage</source>
        <translation>Summen der Stage je Executor</translation>
    </message>
    <message>
        <source>Failure reasons of the failed tasks</source>
        <translation>Fehlergründe der fehlgeschlagenen Tasks</translation>
    </message>
    <message>
        <source>Reading the stage&apos;s tasks</source>
        <translation>Die Tasks der Stage werden gelesen</translation>
    </message>
    <message>
        <source>Cancel reading the stage&apos;s tasks</source>
        <translation>Lesen der Tasks der Stage abbrechen</translation>
    </message>
    <message>
        <source>Reading the tasks was cancelled.</source>
        <translation>Das Lesen der Tasks wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>25th percentile</source>
        <translation>25. Perzentil</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>75th percentile</source>
        <translation>75. Perzentil</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Executors</source>
        <translation>Executors</translation>
    </message>
    <message>
        <source>Task IDs</source>
        <translation>Task-IDs</translation>
    </message>
    <message>
        <source>Show tasks with status</source>
        <translation>Tasks mit diesem Status zeigen</translation>
    </message>
    <message>
        <source>Show tasks of executor</source>
        <translation>Tasks dieses Executors zeigen</translation>
    </message>
    <message>
        <source>Tasks of the stage</source>
        <translation>Tasks der Stage</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>E&amp;xecutor:</source>
        <translation>E&amp;xecutor:</translation>
    </message>
    <message>
        <source>Aggregated metrics by executor</source>
        <translation>Summen je Executor</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Stage %1 (attempt %2)</source>
        <translation>Stage %1 (Versuch %2)</translation>
    </message>
    <message>
        <source>Reading the tasks of this stage from %1…</source>
        <translation>Lese die Tasks dieser Stage aus %1…</translation>
    </message>
    <message>
        <source>Stage %1 (attempt %2): %3</source>
        <translation>Stage %1 (Versuch %2): %3</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n Task</numerusform>
            <numerusform>%n Tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complete</source>
        <translation>
            <numerusform>%n abgeschlossen</numerusform>
            <numerusform>%n abgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n killed</source>
        <translation>
            <numerusform>%n abgebrochen</numerusform>
            <numerusform>%n abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>executor run time %1</source>
        <translation>Executor-Laufzeit %1</translation>
    </message>
    <message>
        <source>Stage failed: %1</source>
        <translation>Stage fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Summary metrics of %n successful task(s)</source>
        <translation>
            <numerusform>Zusammenfassende Metriken von %n erfolgreichen Task</numerusform>
            <numerusform>Zusammenfassende Metriken von %n erfolgreichen Tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>No task of this stage attempt succeeded: no summary metrics.</source>
        <translation>Kein Task dieses Stage-Versuchs war erfolgreich: keine zusammenfassenden Metriken.</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Executor</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Task time</source>
        <translation>Task-Zeit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Shuffle read</source>
        <translation>Shuffle gelesen</translation>
    </message>
    <message>
        <source>Shuffle write</source>
        <translation>Shuffle geschrieben</translation>
    </message>
    <message>
        <source>Spill (memory)</source>
        <translation>Spill (Speicher)</translation>
    </message>
    <message>
        <source>Spill (disk)</source>
        <translation>Spill (Platte)</translation>
    </message>
    <message numerus="yes">
        <source>%n failed task(s), by reason</source>
        <translation>
            <numerusform>%n fehlgeschlagene Task, nach Grund</numerusform>
            <numerusform>%n fehlgeschlagene Tasks, nach Grund</numerusform>
        </translation>
    </message>
    <message>
        <source>(no reason in the log)</source>
        <translation>(kein Grund im Log)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All executors</source>
        <translation>Alle Executors</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n task(s)</source>
        <translation>
            <numerusform>%1 von %n Task angezeigt</numerusform>
            <numerusform>%1 von %n Tasks angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::SparkStagesView</name>
    <message>
        <source>&lt;b&gt;Stages&lt;/b&gt; — select a job above</source>
        <translation>&lt;b&gt;Stages&lt;/b&gt; — wählen Sie oben einen Job</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Stages of job %1&lt;/b&gt; (%n stage attempt(s))</source>
        <translation>
            <numerusform>&lt;b&gt;Stages von Job %1&lt;/b&gt; (%n Stage-Versuch)</numerusform>
            <numerusform>&lt;b&gt;Stages von Job %1&lt;/b&gt; (%n Stage-Versuche)</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:gray&apos;&gt;Select a stage to see its figures and task summary.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;Wählen Sie eine Stage, um ihre Zahlen und die Task-Zusammenfassung zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Stage %1 · attempt %2</source>
        <translation>Stage %1 · Versuch %2</translation>
    </message>
    <message>
        <source>%1 of %2 tasks complete, %3 failed, %4 running, %5 killed</source>
        <translation>%1 von %2 Tasks abgeschlossen, %3 fehlgeschlagen, %4 laufend, %5 abgebrochen</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>%1 (%2 records)</source>
        <translation>%1 (%2 Datensätze)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Shuffle read</source>
        <translation>Shuffle Read</translation>
    </message>
    <message>
        <source>Shuffle write</source>
        <translation>Shuffle Write</translation>
    </message>
    <message>
        <source>Spill</source>
        <translation>Spill</translation>
    </message>
    <message>
        <source>%1 in memory, %2 on disk</source>
        <translation>%1 im Speicher, %2 auf Platte</translation>
    </message>
    <message>
        <source>Executor run time</source>
        <translation>Executor-Laufzeit</translation>
    </message>
    <message>
        <source>GC time</source>
        <translation>GC-Zeit</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>%1 (after %2)</source>
        <translation>%1 (nach %2)</translation>
    </message>
    <message>
        <source>Parent stages</source>
        <translation>Eltern-Stages</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Ran on executors</source>
        <translation>Lief auf Executors</translation>
    </message>
    <message>
        <source>Task summary</source>
        <translation>Task-Zusammenfassung</translation>
    </message>
    <message>
        <source>Loading the task summary…</source>
        <translation>Lade die Task-Zusammenfassung…</translation>
    </message>
    <message>
        <source>Spark reports no finished task of this stage yet.</source>
        <translation>Spark meldet noch keinen beendeten Task dieser Stage.</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stages</translation>
    </message>
    <message>
        <source>Stage details</source>
        <translation>Details der Stage</translation>
    </message>
</context>
<context>
    <name>cdeck::SqlPage</name>
    <message>
        <source>SQL queries</source>
        <translation>SQL-Abfragen</translation>
    </message>
    <message>
        <source>SQL executions</source>
        <translation>SQL-Ausführungen</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Query plan</source>
        <translation>Abfrageplan</translation>
    </message>
    <message>
        <source>Metrics of the selected operator</source>
        <translation>Metriken des gewählten Operators</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Reading the SQL executions from %1…</source>
        <translation>Lese die SQL-Ausführungen aus %1…</translation>
    </message>
    <message>
        <source>The event log holds no SQL execution.</source>
        <translation>Das Event-Log enthält keine SQL-Ausführung.</translation>
    </message>
    <message numerus="yes">
        <source>%n SQL execution(s). Select one to see its plan; select an operator for its metrics.</source>
        <translation>
            <numerusform>%n SQL-Ausführung. Wählen Sie eine für ihren Plan, einen Operator für seine Metriken.</numerusform>
            <numerusform>%n SQL-Ausführungen. Wählen Sie eine für ihren Plan, einen Operator für seine Metriken.</numerusform>
        </translation>
    </message>
    <message>
        <source>SQL query %1</source>
        <translation>SQL-Abfrage %1</translation>
    </message>
</context>
<context>
    <name>cdeck::StageTasksModel</name>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Task ID</source>
        <translation>Task-ID</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Executor</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Locality</source>
        <translation>Lokalität</translation>
    </message>
    <message>
        <source>Launch time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>GC time</source>
        <translation>GC-Zeit</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Shuffle read</source>
        <translation>Shuffle gelesen</translation>
    </message>
    <message>
        <source>Shuffle write</source>
        <translation>Shuffle geschrieben</translation>
    </message>
    <message>
        <source>Spill (memory)</source>
        <translation>Spill (Speicher)</translation>
    </message>
    <message>
        <source>Spill (disk)</source>
        <translation>Spill (Platte)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>cdeck::SummaryPanel</name>
    <message>
        <source>Spend by day</source>
        <translation>Ausgaben pro Tag</translation>
    </message>
    <message>
        <source>Spend by team</source>
        <translation>Ausgaben pro Team</translation>
    </message>
    <message>
        <source>Top jobs by cost</source>
        <translation>Teuerste Jobs</translation>
    </message>
    <message>
        <source>Budgets (this calendar month)</source>
        <translation>Budgets (dieser Kalendermonat)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export PDF report…</source>
        <translation>PDF-Bericht exportieren…</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>The tag keys the runtime&apos;s clusters carry</source>
        <translation>Die Tag-Schlüssel der Cluster der Runtime</translation>
    </message>
    <message>
        <source>UTC days, both included</source>
        <translation>UTC-Tage, beide eingeschlossen</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>Management-Übersicht</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Group by tag</source>
        <translation>Nach Tag-Schlüssel gruppieren</translation>
    </message>
    <message>
        <source>Spend this period</source>
        <translation>Ausgaben im Zeitraum</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>Forecast, month end</source>
        <translation>Prognose zum Monatsende</translation>
    </message>
    <message>
        <source>Waste (idle + unused memory)</source>
        <translation>Verschwendung (Leerlauf + ungenutzter Speicher)</translation>
    </message>
    <message>
        <source>Cost per TB processed</source>
        <translation>Kosten pro verarbeitetem TB</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>What removes it</source>
        <translation>Was sie beseitigt</translation>
    </message>
    <message>
        <source>Worker memory paid for but unused</source>
        <translation>Bezahlter, aber ungenutzter Worker-Speicher</translation>
    </message>
    <message>
        <source>Waste as a share of the cluster&apos;s spend in the period</source>
        <translation>Verschwendung als Anteil an den Ausgaben des Clusters im Zeitraum</translation>
    </message>
    <message>
        <source>Waste by cluster, and what removes it</source>
        <translation>Verschwendung nach Cluster, und was sie beseitigt</translation>
    </message>
    <message>
        <source>Waiting for the runtime&apos;s ledger…</source>
        <translation>Warte auf das Kostenbuch der Runtime…</translation>
    </message>
    <message>
        <source>%1%2 % against the previous period</source>
        <translation>%1%L2 % gegenüber dem vorherigen Zeitraum</translation>
    </message>
    <message>
        <source>no spend in the previous period</source>
        <translation>keine Ausgaben im vorherigen Zeitraum</translation>
    </message>
    <message>
        <source>%1 · %2 % of spend</source>
        <translation>%1 · %L2 % der Ausgaben</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 – %2, against %3 – %4. Per-second billing with a one-minute minimum; amounts from the runtime&apos;s ledger. %5</source>
        <translation>%1 – %2, verglichen mit %3 – %4. Sekundengenaue Abrechnung mit mindestens einer Minute; Beträge aus dem Kostenbuch der Runtime. %5</translation>
    </message>
    <message numerus="yes">
        <source>Spend by day (%n day(s), UTC)</source>
        <translation>
            <numerusform>Ausgaben pro Tag (%n Tag, UTC)</numerusform>
            <numerusform>Ausgaben pro Tag (%n Tage, UTC)</numerusform>
        </translation>
    </message>
    <message>
        <source>Spend by %1</source>
        <translation>Ausgaben nach %1</translation>
    </message>
    <message>
        <source>(untagged)</source>
        <translation>(ohne Tag)</translation>
    </message>
    <message>
        <source>No waste in this period.</source>
        <translation>Keine Verschwendung in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>By %1: %2. Idle %3, unused memory %4.</source>
        <translation>Nach %1: %2. Leerlauf %3, ungenutzter Speicher %4.</translation>
    </message>
    <message>
        <source>exceeded</source>
        <translation>überschritten</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>ClusterDeck cost report</source>
        <translation>ClusterDeck-Kostenbericht</translation>
    </message>
    <message>
        <source>Export the summary</source>
        <translation>Zusammenfassung exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the PDF report</source>
        <translation>PDF-Bericht exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>date format</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>MMM d, HH:mm</source>
        <comment>date format</comment>
        <translation>d. MMM, HH:mm</translation>
    </message>
    <message>
        <source>No budgets set. Add one to see a team&apos;s spending against its monthly limit.</source>
        <translation>Keine Budgets festgelegt. Fügen Sie eines hinzu, um die Ausgaben eines Teams mit seinem Monatslimit zu vergleichen.</translation>
    </message>
    <message>
        <source>Waste by cluster</source>
        <translation>Verschwendung je Cluster</translation>
    </message>
</context>
<context>
    <name>cdeck::TelemetryPanel</name>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>This job</source>
        <translation>Dieser Job</translation>
    </message>
    <message>
        <source>top </source>
        <translation>Top </translation>
    </message>
    <message>
        <source>Lines for the executors with the highest peak in the range (plus the focused one and the total)</source>
        <translation>Linien für die Executors mit der höchsten Spitze im Bereich (dazu der hervorgehobene und die Summe)</translation>
    </message>
    <message>
        <source>Focus an executor: its line is drawn thick even outside the top N (or click a bar or a line)</source>
        <translation>Einen Executor hervorheben: Seine Linie wird auch außerhalb der Top N dick gezeichnet (oder auf einen Balken oder eine Linie klicken)</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <source>Focus:</source>
        <translation>Hervorheben:</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>⏸ Paused</source>
        <translation>⏸ Pausiert</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● Live</translation>
    </message>
    <message>
        <source>Paused: samples are still received; click to follow live again</source>
        <translation>Pausiert: Messwerte kommen weiter an; klicken, um wieder live zu folgen</translation>
    </message>
    <message>
        <source>Following live samples; click to pause the charts</source>
        <translation>Folgt den Live-Messwerten; klicken, um die Diagramme anzuhalten</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Zoom to %1 (%2): its start and end are marked</source>
        <translation>Auf %1 (%2) zoomen: Beginn und Ende sind markiert</translation>
    </message>
    <message>
        <source>Select a job that has started in the Jobs tab</source>
        <translation>Wählen Sie im Tab „Jobs“ einen Job, der schon gestartet ist</translation>
    </message>
    <message>
        <source>Custom time range</source>
        <translation>Eigener Zeitbereich</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>%1 (focused)</source>
        <translation>%1 (hervorgehoben)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 gestartet</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 beendet</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 lässt sich nicht schreiben</translation>
    </message>
    <message>
        <source>last sample %1</source>
        <translation>letzter Messwert %1</translation>
    </message>
    <message>
        <source>no sample yet</source>
        <translation>noch kein Messwert</translation>
    </message>
    <message>
        <source>No cluster selected.</source>
        <translation>Kein Cluster gewählt.</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Lade den Verlauf…</translation>
    </message>
    <message>
        <source>● Live: one sample a second from the runtime&apos;s stream · %1</source>
        <translation>● Live: ein Messwert pro Sekunde aus dem Stream der Runtime · %1</translation>
    </message>
    <message>
        <source>⚠ Live stream open but silent since %1: the runtime is not sampling this cluster</source>
        <translation>⚠ Live-Stream offen, aber still seit %1: Die Runtime erfasst diesen Cluster nicht</translation>
    </message>
    <message>
        <source>● Polled: %1 · %2</source>
        <translation>● Abgefragt: %1 · %2</translation>
    </message>
    <message>
        <source>⚠ Live stream lost since %1 (%2); reconnecting every %3 s. Showing data up to %4; the hole is filled from the runtime&apos;s history once it answers.</source>
        <translation>⚠ Live-Stream verloren seit %1 (%2); neue Verbindung alle %3 s. Daten bis %4; die Lücke wird aus dem Verlauf der Runtime gefüllt, sobald sie antwortet.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>The cluster has ended (%1): its stored history.</source>
        <translation>Der Cluster ist beendet (%1): sein gespeicherter Verlauf.</translation>
    </message>
    <message>
        <source>Stored history of a past range (no live samples).</source>
        <translation>Gespeicherter Verlauf eines vergangenen Bereichs (keine Live-Messwerte).</translation>
    </message>
    <message>
        <source>This connection has no metric history or stream: live memory and shuffle charts come from clusterdeck-runtime clusters and Spark connections (YARN reports node totals on the Executors tab).</source>
        <translation>Diese Verbindung hat keinen Metrikverlauf und keinen Stream: Live-Diagramme für Speicher und Shuffle gibt es für Cluster einer clusterdeck-runtime und für Spark-Verbindungen (YARN meldet Knotensummen im Tab „Executors“).</translation>
    </message>
    <message>
        <source>⏸ Paused at %1 (samples are still received; press Live to catch up) · </source>
        <translation>⏸ Pausiert bei %1 (Messwerte kommen weiter an; „Live“ holt auf) · </translation>
    </message>
    <message>
        <source>unreachable since %1</source>
        <translation>nicht erreichbar seit %1</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Executors drawn as lines</source>
        <translation>Als Linien gezeichnete Executors</translation>
    </message>
    <message>
        <source>Focused executor</source>
        <translation>Hervorgehobener Executor</translation>
    </message>
</context>
<context>
    <name>cdeck::TelemetryWindow</name>
    <message>
        <source>Last minute</source>
        <translation>Letzte Minute</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Eigener…</translation>
    </message>
</context>
<context>
    <name>cdeck::TerminateDialog</name>
    <message>
        <source>Terminate %1</source>
        <translation>%1 beenden</translation>
    </message>
    <message numerus="yes">
        <source>Terminating &lt;b&gt;%1&lt;/b&gt; stops its scheduler and its %n executor(s); running jobs are interrupted and data held in memory is lost. This cannot be undone.</source>
        <translation>
            <numerusform>Das Beenden von &lt;b&gt;%1&lt;/b&gt; hält seinen Scheduler und seinen %n Executor an; laufende Jobs werden unterbrochen, Daten im Speicher gehen verloren. Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>Das Beenden von &lt;b&gt;%1&lt;/b&gt; hält seinen Scheduler und seine %n Executors an; laufende Jobs werden unterbrochen, Daten im Speicher gehen verloren. Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the cluster&apos;s name, &lt;b&gt;%1&lt;/b&gt;, to confirm:</source>
        <translation>Geben Sie zur Bestätigung den Namen des Clusters ein, &lt;b&gt;%1&lt;/b&gt;:</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>cdeck::TimeChart</name>
    <message>
        <source> (no data)</source>
        <translation> (keine Daten)</translation>
    </message>
    <message>
        <source>%1: no data</source>
        <translation>%1: keine Daten</translation>
    </message>
    <message>
        <source>%1: %2 now</source>
        <translation>%1: jetzt %2</translation>
    </message>
</context>
<context>
    <name>cdeck::TimelineChart</name>
    <message>
        <source>No jobs to show.</source>
        <translation>Keine Jobs zum Zeigen.</translation>
    </message>
    <message>
        <source>No job has started yet.</source>
        <translation>Noch kein Job ist gestartet.</translation>
    </message>
    <message>
        <source>Show logs at this time</source>
        <translation>Protokolle zu diesem Zeitpunkt zeigen</translation>
    </message>
    <message>
        <source>Jobs timeline</source>
        <translation>Zeitleiste der Jobs</translation>
    </message>
    <message>
        <source>%1: not started</source>
        <translation>%1: nicht gestartet</translation>
    </message>
    <message>
        <source>%1: ran %2</source>
        <translation>%1: lief %2</translation>
    </message>
    <message>
        <source>%1: running for %2</source>
        <translation>%1: läuft seit %2</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) retried</source>
        <translation>
            <numerusform>%n Task wiederholt</numerusform>
            <numerusform>%n Tasks wiederholt</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs timeline: %1</source>
        <translation>Zeitleiste der Jobs: %1</translation>
    </message>
</context>
<context>
    <name>cdeck::TimelinePanel</name>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>%1 – running</source>
        <translation>%1 – läuft</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <source>Job %1 · %2 · %3%4</source>
        <translation>Job %1 · %2 · %3%4</translation>
    </message>
    <message numerus="yes">
        <source>… %n more task group(s)</source>
        <translation>
            <numerusform>… %n weitere Task-Gruppe</numerusform>
            <numerusform>… %n weitere Task-Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 · %n task(s)</source>
        <translation>
            <numerusform>%1 · %2 · %3 · %n Task</numerusform>
            <numerusform>%1 · %2 · %3 · %n Tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n erred</source>
        <translation>
            <numerusform>%n mit Fehler</numerusform>
            <numerusform>%n mit Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retried or rescheduled</source>
        <translation>
            <numerusform>%n wiederholt oder neu eingeplant</numerusform>
            <numerusform>%n wiederholt oder neu eingeplant</numerusform>
        </translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>No jobs on this cluster yet: submit one on the Jobs tab.</source>
        <translation>Noch keine Jobs auf diesem Cluster: Übermitteln Sie einen im Tab „Jobs“.</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n Job</numerusform>
            <numerusform>%n Jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task group(s)</source>
        <translation>
            <numerusform>%n Task-Gruppe</numerusform>
            <numerusform>%n Task-Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>(the newest %1 of %2 jobs)</source>
        <translation>(die neuesten %1 von %2 Jobs)</translation>
    </message>
    <message numerus="yes">
        <source>%n failed task group(s)</source>
        <translation>
            <numerusform>%n fehlgeschlagene Task-Gruppe</numerusform>
            <numerusform>%n fehlgeschlagene Task-Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>↻ %n task(s) retried or rescheduled</source>
        <translation>
            <numerusform>↻ %n Task wiederholt oder neu eingeplant</numerusform>
            <numerusform>↻ %n Tasks wiederholt oder neu eingeplant</numerusform>
        </translation>
    </message>
    <message>
        <source>(stale: the runtime is not answering)</source>
        <translation>(veraltet: die Runtime antwortet nicht)</translation>
    </message>
</context>
<context>
    <name>cdeck::TokenVault</name>
    <message>
        <source>%1 (no keychain: %2)</source>
        <translation>%1 (kein Schlüsselbund: %2)</translation>
    </message>
</context>
<context>
    <name>cdeck::WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Spark event log…</source>
        <translation>Spark-Event-Log ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open Spark event log</source>
        <translation>Spark-Event-Log öffnen</translation>
    </message>
    <message>
        <source>Spark event logs (*);;All files (*)</source>
        <translation>Spark-Event-Logs (*);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open &amp;rolling Spark event log (eventlog_v2_* directory)…</source>
        <translation>&amp;Rollierendes Spark-Event-Log öffnen (Verzeichnis eventlog_v2_*)…</translation>
    </message>
    <message>
        <source>Open a rolling Spark event log directory</source>
        <translation>Verzeichnis eines rollierenden Spark-Event-Logs öffnen</translation>
    </message>
    <message>
        <source>&amp;Add runtime, Spark or YARN…</source>
        <translation>Runtime, Spark oder YARN &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>S&amp;witch user / sign in…</source>
        <translation>Benutzer &amp;wechseln / anmelden…</translation>
    </message>
    <message>
        <source>Sign in to the current runtime with your own token</source>
        <translation>Mit Ihrem eigenen Token bei der aktuellen Runtime anmelden</translation>
    </message>
    <message>
        <source>Sign o&amp;ut</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Forget the token you signed in with</source>
        <translation>Das Token vergessen, mit dem Sie sich angemeldet haben</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>&amp;Launch cluster…</source>
        <translation>Cluster &amp;starten…</translation>
    </message>
    <message>
        <source>&amp;Scale…</source>
        <translation>S&amp;kalieren…</translation>
    </message>
    <message>
        <source>Termination &amp;protection</source>
        <translation>Beendigungsschut&amp;z</translation>
    </message>
    <message>
        <source>&amp;Terminate…</source>
        <translation>&amp;Beenden…</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Filter clusters</source>
        <translation>Cluster &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>&amp;Gehe zu…</translation>
    </message>
    <message>
        <source>&amp;Executive summary</source>
        <translation>&amp;Management-Übersicht</translation>
    </message>
    <message>
        <source>S&amp;LOs</source>
        <translation>S&amp;LOs</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>A&amp;udit-Protokoll</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>Farb&amp;schema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>ClusterDeck &amp;documentation</source>
        <translation>ClusterDeck-&amp;Dokumentation</translation>
    </message>
    <message>
        <source>&amp;About ClusterDeck</source>
        <translation>Ü&amp;ber ClusterDeck</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>cdeck::YarnFeed</name>
    <message>
        <source>YARN ResourceManager</source>
        <translation>YARN ResourceManager</translation>
    </message>
    <message>
        <source>YARN applications are submitted with YARN&apos;s tools (spark-submit, yarn jar); ClusterDeck shows them and cancels one by killing it.</source>
        <translation>YARN-Anwendungen werden mit den Werkzeugen von YARN übermittelt (spark-submit, yarn jar); ClusterDeck zeigt sie und bricht eine ab, indem es sie beendet.</translation>
    </message>
    <message>
        <source>YARN cluster %1</source>
        <translation>YARN-Cluster %1</translation>
    </message>
    <message>
        <source>%1 application of %2 in queue %3 · progress %4 % · %5 containers running
tracking: %6
AM container logs: %7%8</source>
        <translation>%1-Anwendung von %2 in Queue %3 · Fortschritt %4 % · %5 Container laufen
Tracking: %6
AM-Container-Logs: %7%8</translation>
    </message>
</context>
<context>
    <name>cdeck::costview</name>
    <message>
        <source>Amounts are rounded half away from zero to the cent, or to a hundredth of a cent where the largest amount of a figure, chart or table is under 1.</source>
        <translation>Beträge sind kaufmännisch auf den Cent gerundet, oder auf ein Hundertstel Cent, wo der größte Betrag einer Zahl, eines Diagramms oder einer Tabelle unter 1 liegt.</translation>
    </message>
    <message>
        <source>Month to date %1</source>
        <translation>Monat bis heute %1</translation>
    </message>
    <message numerus="yes">
        <source> + %n running instance(s) at %1 for the %2 left</source>
        <translation>
            <numerusform> + %n laufende Instanz zu %1 für die verbleibenden %2</numerusform>
            <numerusform> + %n laufende Instanzen zu %1 für die verbleibenden %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source> + nothing running now</source>
        <translation> + derzeit läuft nichts</translation>
    </message>
    <message numerus="yes">
        <source> + the trend of %n complete day(s) of ended instances</source>
        <translation>
            <numerusform> + der Trend von %n vollständigen Tag beendeter Instanzen</numerusform>
            <numerusform> + der Trend von %n vollständigen Tagen beendeter Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source> (no complete day of ended instances to fit a trend on)</source>
        <translation> (kein vollständiger Tag beendeter Instanzen, um einen Trend anzupassen)</translation>
    </message>
    <message>
        <source>(untagged)</source>
        <translation>(ohne Tag)</translation>
    </message>
    <message>
        <source>instances billed while waiting for work</source>
        <translation>Instanzen, die beim Warten auf Arbeit abgerechnet wurden</translation>
    </message>
    <message>
        <source>worker memory paid for but unused</source>
        <translation>bezahlter, aber ungenutzter Worker-Speicher</translation>
    </message>
    <message>
        <source>ClusterDeck cost report · per-second billing, one-minute minimum per instance · see &quot;Rounding&quot; on page 1</source>
        <translation>ClusterDeck-Kostenbericht · sekundengenaue Abrechnung, mindestens eine Minute pro Instanz · siehe „Rundung“ auf Seite 1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 lässt sich nicht schreiben</translation>
    </message>
    <message>
        <source>Period %1 – %2</source>
        <translation>Zeitraum %1 – %2</translation>
    </message>
    <message>
        <source>Compared with %1 – %2</source>
        <translation>Verglichen mit %1 – %2</translation>
    </message>
    <message>
        <source>Generated %1 · currency %2</source>
        <translation>Erstellt %1 · Währung %2</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>n/a (no spend before)</source>
        <translation>k. A. (vorher keine Ausgaben)</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Spend this period</source>
        <translation>Ausgaben im Zeitraum</translation>
    </message>
    <message>
        <source>Spend in the previous period</source>
        <translation>Ausgaben im vorherigen Zeitraum</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Month to date</source>
        <translation>Monat bis heute</translation>
    </message>
    <message>
        <source>Forecast for the month (basis below)</source>
        <translation>Prognose für den Monat (Grundlage unten)</translation>
    </message>
    <message>
        <source>Idle (instances billed while waiting for work)</source>
        <translation>Leerlauf (Instanzen, die beim Warten auf Arbeit abgerechnet wurden)</translation>
    </message>
    <message>
        <source>Unused worker memory (over-provisioned)</source>
        <translation>Ungenutzter Worker-Speicher (überdimensioniert)</translation>
    </message>
    <message>
        <source>Waste, share of spend</source>
        <translation>Verschwendung, Anteil an den Ausgaben</translation>
    </message>
    <message>
        <source>Cost per TB processed</source>
        <translation>Kosten pro verarbeitetem TB</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Forecast: %1</source>
        <translation>Prognose: %1</translation>
    </message>
    <message>
        <source>Rounding: %1</source>
        <translation>Rundung: %1</translation>
    </message>
    <message>
        <source>Spend by day</source>
        <translation>Ausgaben pro Tag</translation>
    </message>
    <message>
        <source>Spend by %1</source>
        <translation>Ausgaben nach %1</translation>
    </message>
    <message>
        <source>Spend by cluster</source>
        <translation>Ausgaben pro Cluster</translation>
    </message>
    <message>
        <source>Top jobs by cost</source>
        <translation>Teuerste Jobs</translation>
    </message>
    <message>
        <source>No job ran in this period.</source>
        <translation>In diesem Zeitraum lief kein Job.</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Gestartet (UTC)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Waste by cluster</source>
        <translation>Verschwendung nach Cluster</translation>
    </message>
    <message>
        <source>No waste in this period.</source>
        <translation>Keine Verschwendung in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Unused memory</source>
        <translation>Ungenutzter Speicher</translation>
    </message>
    <message>
        <source>What removes it</source>
        <translation>Was sie beseitigt</translation>
    </message>
    <message>
        <source>Budgets (this calendar month)</source>
        <translation>Budgets (dieser Kalendermonat)</translation>
    </message>
    <message>
        <source>EXCEEDED</source>
        <translation>ÜBERSCHRITTEN</translation>
    </message>
    <message>
        <source>warning (80 %+)</source>
        <translation>Warnung (ab 80 %)</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>No budgets set.</source>
        <translation>Keine Budgets gesetzt.</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Verbraucht</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Genutzt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>cannot finish %1</source>
        <translation>%1 lässt sich nicht abschließen</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 ließ sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Saved %1 (%2 bytes).</source>
        <translation>%1 gespeichert (%2 Bytes).</translation>
    </message>
</context>
<context>
    <name>cdeck::logs::LogModel</name>
    <message>
        <source> … [line cut: %1 bytes in all]</source>
        <translation> … [Zeile gekürzt: insgesamt %1 Bytes]</translation>
    </message>
    <message>
        <source>[not readable: %1]</source>
        <translation>[nicht lesbar: %1]</translation>
    </message>
    <message>
        <source>[not shown: this block of lines is over %1 MiB]</source>
        <translation>[nicht gezeigt: Dieser Zeilenblock ist größer als %1 MiB]</translation>
    </message>
    <message>
        <source>Type the text to find (one line).</source>
        <translation>Geben Sie den Suchtext ein (eine Zeile).</translation>
    </message>
    <message>
        <source>The log is empty.</source>
        <translation>Das Protokoll ist leer.</translation>
    </message>
    <message>
        <source> in the %1 MiB read so far</source>
        <translation> in den bisher gelesenen %1 MiB</translation>
    </message>
    <message>
        <source>No match below%1.</source>
        <translation>Kein Treffer weiter unten%1.</translation>
    </message>
    <message>
        <source>No match above%1.</source>
        <translation>Kein Treffer weiter oben%1.</translation>
    </message>
    <message>
        <source>No line at or after %1.</source>
        <translation>Keine Zeile zu oder nach %1.</translation>
    </message>
</context>
<context>
    <name>cdeck::logs::LogSaver</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The log went away.</source>
        <translation>Das Protokoll ist verschwunden.</translation>
    </message>
    <message>
        <source>Saved %1 bytes to %2.</source>
        <translation>%1 Bytes in %2 gespeichert.</translation>
    </message>
</context>
<context>
    <name>cdeck::presentation</name>
    <message>
        <source>Starting the scheduler.</source>
        <translation>Scheduler wird gestartet.</translation>
    </message>
    <message>
        <source>Scheduler up, waiting for the executors to register.</source>
        <translation>Scheduler läuft, wartet auf die Anmeldung der Executors.</translation>
    </message>
    <message>
        <source>Running a job.</source>
        <translation>Führt einen Job aus.</translation>
    </message>
    <message>
        <source>Ready and idle: accepts jobs and scaling.</source>
        <translation>Bereit und im Leerlauf: nimmt Jobs und Skalierung an.</translation>
    </message>
    <message>
        <source>Stopping the executors and the scheduler.</source>
        <translation>Executors und Scheduler werden angehalten.</translation>
    </message>
    <message>
        <source>Terminated.</source>
        <translation>Beendet.</translation>
    </message>
    <message>
        <source>Terminated with errors: see the reason.</source>
        <translation>Mit Fehlern beendet: siehe Grund.</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%L1 B</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%L1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%L1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%L1 GiB</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>vor %1 Tg.</translation>
    </message>
</context>
<context>
    <name>cdeck::spark::BlockFramingDecoder</name>
    <message>
        <source>%1 at compressed byte %2</source>
        <translation>%1 bei komprimiertem Byte %2</translation>
    </message>
    <message>
        <source>not an lz4-java block (no LZ4Block magic)</source>
        <translation>kein lz4-java-Block (keine LZ4Block-Kennung)</translation>
    </message>
    <message>
        <source>damaged lz4-java block header</source>
        <translation>beschädigter lz4-java-Blockkopf</translation>
    </message>
    <message>
        <source>damaged lz4 block</source>
        <translation>beschädigter lz4-Block</translation>
    </message>
    <message>
        <source>lz4 block checksum mismatch</source>
        <translation>lz4-Block: Prüfsumme stimmt nicht</translation>
    </message>
    <message>
        <source>not a snappy-java stream (no SNAPPY header)</source>
        <translation>kein snappy-java-Stream (kein SNAPPY-Kopf)</translation>
    </message>
    <message>
        <source>damaged snappy-java block length</source>
        <translation>beschädigte snappy-java-Blocklänge</translation>
    </message>
    <message>
        <source>damaged snappy block</source>
        <translation>beschädigter snappy-Block</translation>
    </message>
    <message>
        <source>not a snappy framed stream</source>
        <translation>kein gerahmter snappy-Stream</translation>
    </message>
    <message>
        <source>damaged snappy stream identifier</source>
        <translation>beschädigte snappy-Stream-Kennung</translation>
    </message>
    <message>
        <source>damaged snappy frame</source>
        <translation>beschädigter snappy-Rahmen</translation>
    </message>
    <message>
        <source>snappy frame checksum mismatch</source>
        <translation>snappy-Rahmen: Prüfsumme stimmt nicht</translation>
    </message>
    <message>
        <source>unknown unskippable snappy chunk type %1</source>
        <translation>unbekannter, nicht überspringbarer snappy-Chunk-Typ %1</translation>
    </message>
</context>
<context>
    <name>cdeck::spark::EventLogExtras</name>
    <message>
        <source>The read was cancelled.</source>
        <translation>Das Lesen wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>cdeck::spark::EventLogReader</name>
    <message>
        <source>damaged zstd data: %1</source>
        <translation>beschädigte zstd-Daten: %1</translation>
    </message>
    <message>
        <source>damaged %1 data: %2</source>
        <translation>beschädigte %1-Daten: %2</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>line %1 is not a JSON object (%2); it was skipped</source>
        <translation>Zeile %1 ist kein JSON-Objekt (%2); sie wurde übersprungen</translation>
    </message>
    <message>
        <source>the last record (line %1) is cut off after %2 bytes; it was left out</source>
        <translation>der letzte Eintrag (Zeile %1) bricht nach %2 Bytes ab; er wurde ausgelassen</translation>
    </message>
    <message>
        <source>%1 is a rolling event log directory without any events_* part</source>
        <translation>%1 ist ein Verzeichnis eines rollierenden Event-Logs ohne events_*-Teil</translation>
    </message>
    <message>
        <source>no appstatus file in %1: the application may still be running</source>
        <translation>keine appstatus-Datei in %1: Die Anwendung läuft möglicherweise noch</translation>
    </message>
    <message>
        <source>part %1 of %2 is missing: events between the parts are lost</source>
        <translation>Teil %1 von %2 fehlt: Die Events zwischen den Teilen sind verloren</translation>
    </message>
    <message>
        <source>%1 is compressed with %2, which ClusterDeck cannot read yet (plain, zstd, lz4 and snappy logs only)</source>
        <translation>%1 ist mit %2 komprimiert, das ClusterDeck noch nicht lesen kann (nur unkomprimierte, zstd-, lz4- und snappy-Logs)</translation>
    </message>
    <message>
        <source>%1: no such file or directory</source>
        <translation>%1: Datei oder Verzeichnis nicht gefunden</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>a record longer than %1 MiB at line %2: reading stopped there</source>
        <translation>ein Eintrag länger als %1 MiB in Zeile %2: Dort wurde das Lesen beendet</translation>
    </message>
    <message>
        <source>reading %1 failed: %2</source>
        <translation>Lesen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 ends in the middle of a compressed frame or block: the log was cut off</source>
        <translation>%1 endet mitten in einem komprimierten Rahmen oder Block: Das Log wurde abgeschnitten</translation>
    </message>
    <message>
        <source>%1 holds no SparkListenerApplicationStart event: not a Spark event log</source>
        <translation>%1 enthält kein SparkListenerApplicationStart-Event: kein Spark-Event-Log</translation>
    </message>
    <message>
        <source>reading was cancelled: the model holds only the first part of the log</source>
        <translation>Das Lesen wurde abgebrochen: Das Modell enthält nur den ersten Teil des Logs</translation>
    </message>
    <message>
        <source>the application had not finished when the log was written (no ApplicationEnd event): it shows the state at the end of the log</source>
        <translation>die Anwendung war noch nicht beendet, als das Log geschrieben wurde (kein ApplicationEnd-Event): Es zeigt den Stand am Ende des Logs</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) skipped</source>
        <translation>
            <numerusform>%n beschädigte Zeile übersprungen</numerusform>
            <numerusform>%n beschädigte Zeilen übersprungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cdeck::spark::SparkRestClient</name>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>expected a JSON array from Spark</source>
        <translation>JSON-Array von Spark erwartet</translation>
    </message>
    <message>
        <source>expected JSON objects in Spark&apos;s array</source>
        <translation>JSON-Objekte im Array von Spark erwartet</translation>
    </message>
    <message>
        <source>expected a task summary object with quantiles from Spark</source>
        <translation>Task-Zusammenfassung mit Quantilen von Spark erwartet</translation>
    </message>
    <message>
        <source>Executor run time</source>
        <translation>Executor-Laufzeit</translation>
    </message>
    <message>
        <source>GC time</source>
        <translation>GC-Zeit</translation>
    </message>
    <message>
        <source>Scheduler delay</source>
        <translation>Scheduler-Verzögerung</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Shuffle read</source>
        <translation>Shuffle Read</translation>
    </message>
    <message>
        <source>Shuffle read records</source>
        <translation>Shuffle-Read-Datensätze</translation>
    </message>
    <message>
        <source>Shuffle write</source>
        <translation>Shuffle Write</translation>
    </message>
    <message>
        <source>Spill (memory)</source>
        <translation>Spill (Speicher)</translation>
    </message>
    <message>
        <source>Spill (disk)</source>
        <translation>Spill (Platte)</translation>
    </message>
    <message>
        <source>Peak execution memory</source>
        <translation>Spitze des Ausführungsspeichers</translation>
    </message>
    <message>
        <source>the task summary&apos;s %1 does not have one value per quantile</source>
        <translation>%1 der Task-Zusammenfassung hat nicht einen Wert pro Quantil</translation>
    </message>
    <message>
        <source>Spark&apos;s answer is larger than %1 MiB: not read</source>
        <translation>Die Antwort von Spark ist größer als %1 MiB: nicht gelesen</translation>
    </message>
    <message>
        <source>no answer from Spark within %1 s</source>
        <translation>keine Antwort von Spark innerhalb von %1 s</translation>
    </message>
    <message>
        <source>Spark answered HTTP %1: %2</source>
        <translation>Spark hat mit HTTP %1 geantwortet: %2</translation>
    </message>
    <message>
        <source>Spark&apos;s answer was cut off: %1</source>
        <translation>Die Antwort von Spark wurde abgeschnitten: %1</translation>
    </message>
    <message>
        <source>Spark&apos;s answer is not valid JSON: %1</source>
        <translation>Die Antwort von Spark ist kein gültiges JSON: %1</translation>
    </message>
</context>
<context>
    <name>cdeck::spark::SparkStages</name>
    <message>
        <source>Spark&apos;s REST API names no parent stages: the stage DAG needs the application&apos;s event log (File &gt; Open Spark event log…).</source>
        <translation>Die REST-API von Spark nennt keine Eltern-Stages: Der Stage-DAG braucht das Event-Log der Anwendung (Datei &gt; Spark-Event-Log öffnen…).</translation>
    </message>
    <message>
        <source>Stage %1 (not reported)</source>
        <translation>Stage %1 (nicht gemeldet)</translation>
    </message>
    <message>
        <source>Stage %1 (skipped)</source>
        <translation>Stage %1 (übersprungen)</translation>
    </message>
    <message>
        <source>Stage %1: %2</source>
        <translation>Stage %1: %2</translation>
    </message>
    <message>
        <source> · attempt %1</source>
        <translation> · Versuch %1</translation>
    </message>
</context>
<context>
    <name>cdeck::spark::SqlPlan</name>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
</context>
<context>
    <name>cdeck::spark::StageDetail</name>
    <message>
        <source>The read was cancelled.</source>
        <translation>Das Lesen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The event log has no stage %1 attempt %2.</source>
        <translation>Das Event-Log hat keine Stage %1 mit Versuch %2.</translation>
    </message>
</context>
<context>
    <name>cdeck::yarn::YarnClient</name>
    <message>
        <source>the ResourceManager has not killed %1 yet (state %2)</source>
        <translation>der ResourceManager hat %1 noch nicht beendet (Zustand %2)</translation>
    </message>
    <message>
        <source>the ResourceManager&apos;s answer is larger than %1 MiB: not read</source>
        <translation>die Antwort des ResourceManagers ist größer als %1 MiB: nicht gelesen</translation>
    </message>
    <message>
        <source>no answer from the ResourceManager within %1 s</source>
        <translation>keine Antwort vom ResourceManager innerhalb von %1 s</translation>
    </message>
    <message>
        <source>the ResourceManager answered HTTP %1: %2</source>
        <translation>der ResourceManager hat mit HTTP %1 geantwortet: %2</translation>
    </message>
    <message>
        <source>the ResourceManager&apos;s answer was cut off: %1</source>
        <translation>die Antwort des ResourceManagers wurde abgeschnitten: %1</translation>
    </message>
    <message>
        <source>the ResourceManager&apos;s answer is not valid JSON: %1</source>
        <translation>die Antwort des ResourceManagers ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>the ResourceManager&apos;s answer is not a JSON object</source>
        <translation>die Antwort des ResourceManagers ist kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>cdeck::yarn::YarnModel</name>
    <message>
        <source>expected an object &quot;%1&quot; in the ResourceManager&apos;s answer</source>
        <translation>Objekt &quot;%1&quot; in der Antwort des ResourceManagers erwartet</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot; in the ResourceManager&apos;s answer</source>
        <translation>&quot;%1&quot; in der Antwort des ResourceManagers erwartet</translation>
    </message>
    <message>
        <source>expected a list &quot;%1&quot; in the ResourceManager&apos;s answer</source>
        <translation>Liste &quot;%1&quot; in der Antwort des ResourceManagers erwartet</translation>
    </message>
    <message>
        <source>expected objects in the ResourceManager&apos;s &quot;%1&quot; list</source>
        <translation>Objekte in der Liste &quot;%1&quot; des ResourceManagers erwartet</translation>
    </message>
    <message>
        <source>expected &quot;state&quot; in the ResourceManager&apos;s answer</source>
        <translation>&quot;state&quot; in der Antwort des ResourceManagers erwartet</translation>
    </message>
    <message>
        <source>standby ResourceManager: the active one of the HA pair runs the applications</source>
        <translation>Standby-ResourceManager: Der aktive des HA-Paars führt die Anwendungen aus</translation>
    </message>
    <message>
        <source>ResourceManager state %1, HA state %2</source>
        <translation>ResourceManager-Zustand %1, HA-Zustand %2</translation>
    </message>
    <message>
        <source>YARN node state %1</source>
        <translation>YARN-Knotenzustand %1</translation>
    </message>
    <message>
        <source>YARN state %1, final status %2</source>
        <translation>YARN-Zustand %1, Endstatus %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ClusterDeck console: clusters, executors and jobs of a clusterdeck-runtime. Without --runtime it opens the local runtime on 127.0.0.1:7650 and starts it when nothing answers there.</source>
        <translation>ClusterDeck-Konsole: Cluster, Executors und Jobs einer clusterdeck-runtime. Ohne --runtime öffnet sie die lokale Runtime auf 127.0.0.1:7650 und startet sie, wenn dort nichts antwortet.</translation>
    </message>
    <message>
        <source>Connect to this runtime only (never start a local one).</source>
        <translation>Nur mit dieser Runtime verbinden (nie eine lokale starten).</translation>
    </message>
    <message>
        <source>The runtime&apos;s token file (with --runtime).</source>
        <translation>Die Token-Datei der Runtime (mit --runtime).</translation>
    </message>
    <message>
        <source>Render the window once its data has arrived, save it as PNG and exit (non-zero if no data within 30 s).</source>
        <translation>Das Fenster rendern, sobald seine Daten da sind, als PNG speichern und beenden (Exit-Code ungleich 0, wenn binnen 30 s keine Daten kommen).</translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1440x900).</source>
        <translation>Fenstergröße für --screenshot (Standard 1440x900).</translation>
    </message>
    <message>
        <source>Select the cluster with this name.</source>
        <translation>Den Cluster mit diesem Namen wählen.</translation>
    </message>
    <message>
        <source>Prefill the launch form&apos;s name (with --page launch).</source>
        <translation>Den Namen im Startformular vorbelegen (mit --page launch).</translation>
    </message>
    <message>
        <source>Prefill the launch form&apos;s workers (with --page launch).</source>
        <translation>Die Worker im Startformular vorbelegen (mit --page launch).</translation>
    </message>
    <message>
        <source>What --runtime is: runtime (default, a clusterdeck-runtime), spark (a Spark UI or History Server) or yarn (a ResourceManager).</source>
        <translation>Was --runtime ist: runtime (Standard, eine clusterdeck-runtime), spark (eine Spark UI oder ein History Server) oder yarn (ein ResourceManager).</translation>
    </message>
    <message>
        <source>Deprecated name of --connection.</source>
        <translation>Veralteter Name von --connection.</translation>
    </message>
    <message>
        <source>Open this Spark event log (a file or an eventlog_v2_* directory; repeatable) with no server: the window shows only the logs.</source>
        <translation>Dieses Spark-Event-Log öffnen (eine Datei oder ein Verzeichnis eventlog_v2_*; mehrfach möglich), ohne Server: Das Fenster zeigt nur die Logs.</translation>
    </message>
    <message>
        <source>Page for --screenshot: overview, executors, jobs, launch, memory, shuffle, dag, timeline, incidents, cost, summary, slos or logs.</source>
        <translation>Seite für --screenshot: overview, executors, jobs, launch, memory, shuffle, dag, timeline, incidents, cost, summary, slos oder logs.</translation>
    </message>
    <message>
        <source>With --page dag: show this job&apos;s DAG (default: the newest job).</source>
        <translation>Mit --page dag: den DAG dieses Jobs zeigen (Standard: der neueste Job).</translation>
    </message>
    <message>
        <source>Prefill the launch form with a managed scaling policy between MIN and MAX workers (with --page launch).</source>
        <translation>Das Startformular mit einer verwalteten Skalierungsrichtlinie zwischen MIN und MAX Workern vorbelegen (mit --page launch).</translation>
    </message>
    <message>
        <source>With --screenshot --page summary: also write the summary&apos;s PDF report to FILE.</source>
        <translation>Mit --screenshot --page summary: zusätzlich den PDF-Bericht der Zusammenfassung nach FILE schreiben.</translation>
    </message>
    <message>
        <source>The console&apos;s language: de (German) or en (English). Default: the system&apos;s language (LANG), English when there is no translation for it.</source>
        <translation>Die Sprache der Konsole: de (Deutsch) oder en (Englisch). Standard: die Sprache des Systems (LANG), Englisch, wenn es dafür keine Übersetzung gibt.</translation>
    </message>
    <message>
        <source>The theme: system, light or dark (default: the one chosen in View &gt; Theme, else system).</source>
        <translation>Das Farbschema: system, light oder dark (Vorgabe: das unter Ansicht &gt; Farbschema gewählte, sonst system).</translation>
    </message>
    <message>
        <source>With --screenshot and --event-log: render a window of the log instead: stage:ID[:ATTEMPT] (the stage page), sql, environment or open-progress (the open dialog while the log is read).</source>
        <translation>Mit --screenshot und --event-log: stattdessen ein Fenster des Logs rendern: stage:ID[:VERSUCH] (die Stage-Seite), sql, environment oder open-progress (der Öffnen-Dialog, während das Log gelesen wird).</translation>
    </message>
</context>
</TS>
