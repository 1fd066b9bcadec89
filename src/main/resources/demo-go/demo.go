// Goroutine counterparts of DemoDeck's Java demos creation-cost, os-threads and carriers.
// Built once by the server (never per request); prints key=value lines like the Java child.
// Usage: demo creation N | demo os-threads N | demo carriers N   (sizes are validated by the server)
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) != 3 {
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil || n < 1 || n > 100000 {
		os.Exit(2)
	}
	fmt.Printf("gomaxprocs=%d\n", runtime.GOMAXPROCS(0))
	switch os.Args[1] {
	case "creation":
		creation(n)
	case "os-threads":
		osThreads(n)
	case "carriers":
		carriers(n)
	default:
		os.Exit(2)
	}
	fmt.Println("done=yes")
}

func startWait(n int) time.Duration {
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() { wg.Done() }()
	}
	wg.Wait()
	return time.Since(start)
}

// creation: one cold round, then the median of three.
func creation(n int) {
	startWait(n)
	t := []time.Duration{startWait(n), startWait(n), startWait(n)}
	sort.Slice(t, func(i, j int) bool { return t[i] < t[j] })
	fmt.Printf("goroutines.nanos=%d\n", t[1].Nanoseconds())
}

func tasks() int {
	entries, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return -1
	}
	return len(entries)
}

// osThreads: OS threads of this process while n goroutines are blocked on a channel.
func osThreads(n int) {
	fmt.Printf("tasks.start=%d\n", tasks())
	release := make(chan struct{})
	var started, done sync.WaitGroup
	for i := 0; i < n; i++ {
		started.Add(1)
		done.Add(1)
		go func() {
			started.Done()
			<-release
			done.Done()
		}()
	}
	started.Wait()
	fmt.Printf("tasks.blocked=%d\n", tasks())
	close(release)
	done.Wait()
}

var sink int

// carriers: which OS threads (TIDs) ran n CPU-bound goroutines.
func carriers(n int) {
	var mu sync.Mutex
	seen := map[int]int{}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := 0
			for j := 0; j < 10000; j++ {
				x += j
			}
			tid := syscall.Gettid()
			mu.Lock()
			seen[tid]++
			sink += x
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Printf("tids=%d\n", len(seen))
}
