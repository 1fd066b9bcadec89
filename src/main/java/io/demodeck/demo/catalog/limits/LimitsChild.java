package io.demodeck.demo.catalog.limits;

import io.demodeck.demo.child.ChildProgram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.demodeck.demo.child.ChildSupport.put;
import static io.demodeck.demo.child.ChildSupport.statusKb;
import static io.demodeck.demo.child.ChildSupport.taskCount;

/** The limits demo in the child JVM: the kernel, cgroup and rlimit bounds on threads, and their use now. */
public final class LimitsChild extends ChildProgram {

    public LimitsChild() {
        super(0, 0);
    }

    @Override
    public void run(int[] sizes) throws Exception {
        limits();
    }

    /** What limits how many threads this process may create, read live from /proc and the cgroup. */
    private static void limits() throws IOException {
        put("threadsMax", readFirstLine("/proc/sys/kernel/threads-max"));
        put("pidMax", readFirstLine("/proc/sys/kernel/pid_max"));
        put("maxMapCount", readFirstLine("/proc/sys/vm/max_map_count"));
        put("mapsNow", countLines("/proc/self/maps"));
        String loadavg = readFirstLine("/proc/loadavg"); // "0.1 0.2 0.3 2/345 6789": running/total tasks
        String[] parts = loadavg.split(" ");
        put("systemTasks", parts.length > 3 && parts[3].contains("/") ? parts[3].substring(parts[3].indexOf('/') + 1) : "n/a");
        put("threadsNow", taskCount());
        String nproc = "n/a";
        Path limits = Path.of("/proc/self/limits");
        if (Files.isReadable(limits)) {
            for (String line : Files.readAllLines(limits)) {
                if (line.startsWith("Max processes")) {
                    nproc = line.substring("Max processes".length()).trim().split("\\s+")[0];
                }
            }
        }
        put("nprocSoft", nproc);
        String[] cgroupPids = cgroupPids();
        put("cgroup.pidsMax", cgroupPids[0]);
        put("cgroup.pidsCurrent", cgroupPids[1]);
        put("cgroup.path", cgroupPids[2]);
        put("stackKb", statusKb("VmStk"));
    }

    /** pids.max and pids.current of this process's cgroup (v2, or the v1 pids controller), "n/a" if none. */
    private static String[] cgroupPids() throws IOException {
        Path self = Path.of("/proc/self/cgroup");
        if (!Files.isReadable(self)) {
            return new String[] {"n/a", "n/a", "n/a"};
        }
        for (String line : Files.readAllLines(self)) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            List<Path> candidates = new ArrayList<>();
            if (f[1].equals("pids")) {
                candidates.add(Path.of("/sys/fs/cgroup/pids", f[2]));
            } else if (f[0].equals("0") && f[1].isEmpty()) {
                candidates.add(Path.of("/sys/fs/cgroup", f[2]));
            }
            for (Path dir : candidates) {
                // walk up: the limit may be set on a parent group
                for (Path d = dir.normalize(); d != null && d.startsWith("/sys/fs/cgroup"); d = d.getParent()) {
                    Path max = d.resolve("pids.max");
                    if (Files.isReadable(max)) {
                        Path current = d.resolve("pids.current");
                        return new String[] {readFirstLine(max.toString()),
                                Files.isReadable(current) ? readFirstLine(current.toString()) : "n/a", d.toString()};
                    }
                }
            }
        }
        return new String[] {"n/a", "n/a", "n/a"};
    }

    private static String readFirstLine(String path) throws IOException {
        Path p = Path.of(path);
        if (!Files.isReadable(p)) {
            return "n/a";
        }
        List<String> lines = Files.readAllLines(p);
        return lines.isEmpty() ? "n/a" : lines.get(0).trim();
    }

    private static long countLines(String path) throws IOException {
        Path p = Path.of(path);
        return Files.isReadable(p) ? Files.readAllLines(p).size() : -1;
    }
}
