// DemoDeck's fork-cow helper: a fixed program, built once by the server with gcc (never per request), run with
// one fixed argument. A multi-threaded parent sets a global to 42 and forks; the child reads it, writes 99 and
// counts its own threads; the parent then reads its own copy. "clone-vm" makes the child with clone(CLONE_VM)
// instead, the flag threads are made with: then parent and child share the memory (the control run).
// Prints key=value lines like the Java demo child.
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int value; // a global in the data segment: the variable both sides look at
static int release_pipe[2];

// Threads of the calling process, from /proc/self/task with raw syscalls only: after fork() in a multi-threaded
// program the child may only use async-signal-safe calls, so no opendir/malloc/stdio here.
static int count_tasks(void) {
    int fd = open("/proc/self/task", O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
        return -1;
    }
    char buf[4096];
    int count = 0;
    for (;;) {
        long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
        if (n <= 0) {
            break;
        }
        for (long off = 0; off < n;) {
            unsigned short reclen = *(unsigned short *) (buf + off + 16);
            const char *name = buf + off + 19;
            if (name[0] != '.') {
                count++;
            }
            off += reclen;
        }
    }
    close(fd);
    return count;
}

static void put_number(const char *key, long v) {
    char line[96];
    char digits[24];
    int d = 0;
    int negative = v < 0;
    unsigned long u = negative ? (unsigned long) -v : (unsigned long) v;
    do {
        digits[d++] = (char) ('0' + u % 10);
        u /= 10;
    } while (u > 0);
    size_t len = strlen(key);
    memcpy(line, key, len);
    line[len++] = '=';
    if (negative) {
        line[len++] = '-';
    }
    while (d > 0) {
        line[len++] = digits[--d];
    }
    line[len++] = '\n';
    (void) write(1, line, len); // write(2) is async-signal-safe
}

static int child_body(void *unused) {
    (void) unused;
    int saw = value;
    value = 99;
    put_number("child.pid", getpid());
    put_number("child.saw", saw);
    put_number("child.wrote", value);
    put_number("child.threads", count_tasks());
    return 0;
}

static void *idle_thread(void *unused) {
    (void) unused;
    char c;
    (void) read(release_pipe[0], &c, 1); // blocks until main closes the write end
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 2 || (strcmp(argv[1], "fork") != 0 && strcmp(argv[1], "clone-vm") != 0)) {
        return 2;
    }
    if (pipe(release_pipe) != 0) {
        return 1;
    }
    pthread_t thread;
    if (pthread_create(&thread, NULL, idle_thread, NULL) != 0) {
        return 1;
    }
    value = 42;
    put_number("parent.pid", getpid());
    put_number("parent.threads", count_tasks());
    put_number("parent.before", value);
    pid_t pid;
    if (strcmp(argv[1], "fork") == 0) {
        pid = fork();
        if (pid == 0) {
            child_body(NULL);
            _exit(0);
        }
    } else {
        size_t size = 1 << 20;
        char *stack = malloc(size);
        if (stack == NULL) {
            return 1;
        }
        pid = clone(child_body, stack + size, CLONE_VM | SIGCHLD, NULL);
    }
    if (pid < 0) {
        return 1;
    }
    int status;
    waitpid(pid, &status, 0);
    put_number("parent.after", value);
    put_number("child.exit", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    close(release_pipe[1]);
    pthread_join(thread, NULL);
    (void) write(1, "done=yes\n", 9);
    return 0;
}
