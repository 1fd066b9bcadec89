package io.demodeck.demo.catalog.fileiocapture;

import io.demodeck.demo.child.ChildProgram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.parallelism;
import static io.demodeck.demo.child.ChildSupport.put;

/** The file-io-capture demo in the child JVM: N virtual threads block in FIFO reads, then in socket reads. */
public final class FileIoCaptureChild extends ChildProgram {

    public FileIoCaptureChild() {
        super(1, 64); // virtual threads blocked in reads
    }

    @Override
    public void run(int[] sizes) throws Exception {
        fileIoCapture(sizes[0]);
    }

    /**
     * N virtual threads block reading a FIFO (file I/O), then N block reading sockets. After 300 ms: how many got
     * to their read, how many carriers exist, and whether one more virtual thread (a probe) could run.
     */
    private static void fileIoCapture(int n) throws Exception {
        put("parallelism", parallelism());
        Path dir = Files.createTempDirectory(Path.of("").toAbsolutePath(), "fifo-");
        Path fifo = dir.resolve("fifo");
        Path mkfifo = Stream.of("/usr/bin/mkfifo", "/bin/mkfifo").map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("mkfifo not found"));
        Process made = new ProcessBuilder(mkfifo.toString(), fifo.toString()).start();
        if (!made.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS) || made.exitValue() != 0) {
            throw new IllegalStateException("mkfifo failed");
        }
        try (java.io.RandomAccessFile writer = new java.io.RandomAccessFile(fifo.toFile(), "rw")) { // opening rw never blocks
            AtomicInteger reached = new AtomicInteger();
            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                readers.add(Thread.ofVirtual().start(() -> {
                    try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(fifo.toFile(), "r")) {
                        reached.incrementAndGet();
                        in.read();
                    } catch (IOException e) {
                        // reported as not reached
                    }
                }));
            }
            observeBlocked("file", reached, n);
            writer.write(new byte[n]); // one byte per reader
            for (Thread t : readers) {
                t.join(WAIT);
            }
        } finally {
            Files.deleteIfExists(fifo);
            Files.deleteIfExists(dir);
        }
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, n, java.net.InetAddress.getLoopbackAddress())) {
            AtomicInteger reached = new AtomicInteger();
            List<java.net.Socket> clients = new ArrayList<>();
            List<java.net.Socket> accepted = new ArrayList<>();
            List<Thread> readers = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    clients.add(new java.net.Socket(server.getInetAddress(), server.getLocalPort()));
                    java.net.Socket socket = server.accept();
                    accepted.add(socket);
                    readers.add(Thread.ofVirtual().start(() -> {
                        try {
                            reached.incrementAndGet();
                            socket.getInputStream().read();
                        } catch (IOException e) {
                            // closed
                        }
                    }));
                }
                observeBlocked("socket", reached, n);
            } finally {
                for (java.net.Socket c : clients) {
                    c.close();
                }
                for (Thread t : readers) {
                    t.join(WAIT);
                }
                for (java.net.Socket a : accepted) {
                    a.close();
                }
            }
        }
    }

    private static void observeBlocked(String kind, AtomicInteger reached, int n) throws Exception {
        Thread.sleep(300);
        java.util.concurrent.atomic.AtomicBoolean probeRan = new java.util.concurrent.atomic.AtomicBoolean();
        Thread probe = Thread.ofVirtual().start(() -> probeRan.set(true));
        probe.join(Duration.ofMillis(300));
        put(kind + ".reached", reached.get());
        put(kind + ".carriers", carrierCount());
        put(kind + ".probeRan", probeRan.get());
    }

    /** OS threads of this process named like the scheduler's carriers (ForkJoinPool-1-worker-N). */
    static long carrierCount() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(tasks)) {
            return s.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).startsWith("ForkJoinPool");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
