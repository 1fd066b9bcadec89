package io.demodeck.demo.catalog.isolation;

import io.demodeck.demo.child.ChildProgram;
import io.demodeck.demo.child.DemoChild;
import io.demodeck.demo.child.DemoChild.Mode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.control;
import static io.demodeck.demo.child.ChildSupport.put;

/** The isolation demo in the child JVM: the parent, its thread and a fresh JVM run the same code on one field. */
public final class IsolationChild extends ChildProgram {

    public IsolationChild() {
        super(0, 0);
    }

    @Override
    public void run(int[] sizes) throws Exception {
        isolation();
    }

    /** The fresh JVM the parent starts: the same field, as the program image has it. */
    public static final class InFreshJvm extends ChildProgram {

        public InFreshJvm() {
            super(0, 0); // the same code as ISOLATION, started by it in a fresh JVM
        }

        @Override
        public void run(int[] sizes) throws Exception {
            isolationChild();
        }
    }

    /** The field the isolation demo shows: the parent, its thread and a child process run the same code on it. */
    static int shared;

    /**
     * The code the parent, its thread and the child process all run on the same field: read it, write it,
     * return what was there.
     */
    static int visit(int write) {
        int saw = shared;
        shared = write;
        return saw;
    }

    /**
     * The parent sets 42; a thread runs {@link #visit} (sees 42, writes 43: the parent sees it); then a child
     * process (a fresh JVM of this same class) runs the same {@link #visit} on the same field: it sees the
     * image's 0, not 42 or 43, receives 43 only through a pipe, writes 99, and the parent still has 43. The
     * control run ({@code demodeck.control}) runs the "child" as a second thread instead: it shares the field.
     */
    private static void isolation() throws Exception {
        shared = 42;
        put("parent.set", shared);
        int[] threadSaw = new int[1];
        Thread thread = Thread.ofPlatform().start(() -> threadSaw[0] = visit(43));
        thread.join(WAIT);
        put("thread.saw", threadSaw[0]);
        put("parent.afterThread", shared);
        boolean control = control();
        put("control", control);
        if (control) {
            int[] saw = new int[1];
            Thread second = Thread.ofPlatform().start(() -> saw[0] = visit(99));
            second.join(WAIT);
            put("child.pid", ProcessHandle.current().pid());
            put("child.saw", saw[0]);
            put("child.received", shared);
        } else {
            String java = ProcessHandle.current().info().command().orElseThrow();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                    System.getProperty("java.class.path"), DemoChild.class.getName(), Mode.ISOLATION_CHILD.arg());
            pb.environment().clear();
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process child = pb.start();
            try {
                try (var in = child.getOutputStream()) {
                    in.write((shared + "\n").getBytes(StandardCharsets.UTF_8)); // the only way in: a pipe
                }
                String out = new String(child.getInputStream().readNBytes(8192), StandardCharsets.UTF_8);
                if (!child.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the child process did not finish");
                }
                for (String line : out.split("\n")) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("done") && !line.startsWith("proc")) {
                        String key = line.substring(0, eq);
                        put(key.startsWith("child.") ? key : "child." + key, line.substring(eq + 1));
                    }
                }
            } finally {
                child.destroyForcibly();
            }
        }
        put("child.wrote", 99);
        put("parent.afterChild", shared);
    }

    /** The child side: the same {@link #visit}, then the value the parent sent through stdin. */
    private static void isolationChild() throws IOException {
        put("child.saw", visit(99));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || !line.matches("-?\\d{1,9}")) {
            throw new IllegalArgumentException("expected a number on stdin");
        }
        put("child.received", line);
    }
}
