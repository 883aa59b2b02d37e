// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
//
// Starts a real YARN ResourceManager (Hadoop's MiniYARNCluster) or one real NodeManager on 127.0.0.1 for
// tst_yarn_live, from the jars that scripts/install-deps.sh caches. Two processes, not one: with the RM and an
// NM in one JVM, Guice's servlet pipeline is shared and the RM's /ws/v1 answers "controller for v1 not found".
//
//   MiniYarnLauncher rm WORKDIR           prints "RM_WEBAPP http://127.0.0.1:PORT" and "RM_TRACKER host:port"
//   MiniYarnLauncher nm WORKDIR TRACKER   prints "NM_STARTED" once it has registered with the RM
//
// Either runs until its standard input closes or reads "stop": the test owns it, and closing the pipe (or the
// test dying) ends it.
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;

import org.apache.hadoop.service.Service;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.nodemanager.NodeManager;

public final class MiniYarnLauncher {
    private static YarnConfiguration baseConf(File work) {
        YarnConfiguration conf = new YarnConfiguration();
        // Nothing lands in /tmp/hadoop-<user>: every directory is under the test's WORKDIR.
        conf.set("hadoop.tmp.dir", new File(work, "hadoop-tmp").getPath());
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 64);
        return conf;
    }

    private static void runRm(File work) throws Exception {
        YarnConfiguration conf = baseConf(work);
        // Loopback only, ephemeral ports (no clash with a real RM or another test).
        conf.set("yarn.resourcemanager.hostname", "127.0.0.1");
        conf.setBoolean(YarnConfiguration.YARN_MINICLUSTER_FIXED_PORTS, false);
        // The shaded minicluster jar leaves capacity-scheduler.xml out: one "default" queue with all of it,
        // and ApplicationMasters may take the whole queue (the default 10% would hold the third one back).
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
        // MiniYARNCluster makes its directories under target/<name> of the working directory (the test's).
        MiniYARNCluster cluster = new MiniYARNCluster("clusterdeck-yarn-live", 1, 0, 1, 1);
        cluster.init(conf);
        cluster.start();
        // MiniYARNCluster writes "localhost:PORT" back; the listeners are on 127.0.0.1 either way.
        String webapp = cluster.getConfig().get(YarnConfiguration.RM_WEBAPP_ADDRESS);
        String tracker = cluster.getConfig().get(YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS);
        System.out.println("RM_WEBAPP http://" + webapp.replace("localhost:", "127.0.0.1:"));
        System.out.println("RM_TRACKER " + tracker.replace("localhost:", "127.0.0.1:"));
        System.out.flush();
        waitForStop(cluster);
    }

    private static void runNm(File work, String tracker) throws Exception {
        YarnConfiguration conf = baseConf(work);
        conf.set(YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS, tracker);
        // Give up on a gone RM within seconds (the default waits 15 minutes), so stopping never hangs.
        conf.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, 10000);
        conf.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, 1000);
        conf.set(YarnConfiguration.NM_ADDRESS, "127.0.0.1:0");
        conf.set(YarnConfiguration.NM_WEBAPP_ADDRESS, "127.0.0.1:0");
        conf.set(YarnConfiguration.NM_LOCALIZER_ADDRESS, "127.0.0.1:0");
        conf.set("yarn.nodemanager.collector-service.address", "127.0.0.1:0");
        conf.set(YarnConfiguration.NM_LOCAL_DIRS, new File(work, "nm-local").getPath());
        conf.set(YarnConfiguration.NM_LOG_DIRS, new File(work, "nm-logs").getPath());
        conf.set(YarnConfiguration.NM_AUX_SERVICES, "");
        // A shared build machine's disk is often >90% full: the default threshold would mark the only NM
        // UNHEALTHY and the RM would never place an ApplicationMaster.
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
        conf.setLong(YarnConfiguration.NM_MIN_PER_DISK_FREE_SPACE_MB, 0);
        // Small, unchecked containers: the test's ApplicationMasters are shell commands, not JVMs.
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 2048);
        conf.setInt(YarnConfiguration.NM_VCORES, 4);
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        NodeManager nm = new NodeManager();
        nm.init(conf);
        nm.start();
        if (nm.getServiceState() != Service.STATE.STARTED) {
            System.err.println("the NodeManager did not start");
            System.exit(1);
        }
        System.out.println("NM_STARTED");
        System.out.flush();
        waitForStop(nm);
    }

    private static void waitForStop(Service service) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
        }
        // A daemon that cannot stop cleanly within 30 s (an RPC retry loop) still ends: the test is waiting.
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(30000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("stop took over 30 s; halting");
            Runtime.getRuntime().halt(3);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        service.stop();
        System.out.println("STOPPED");
        System.out.flush();
        System.exit(0);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("rm")) {
            runRm(new File(args[1]).getAbsoluteFile());
        } else if (args.length == 3 && args[0].equals("nm")) {
            runNm(new File(args[1]).getAbsoluteFile(), args[2]);
        } else {
            System.err.println("usage: MiniYarnLauncher rm WORKDIR | nm WORKDIR RM_TRACKER_ADDRESS");
            System.exit(2);
        }
    }
}
