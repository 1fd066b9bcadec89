// Goroutine counterparts of DemoDeck's Java demos. Built once by the server in the background (never per
// request); prints key=value lines like the Java child. Arguments are a fixed mode and integers the server
// chooses from its presets; they are validated here again.
//
//	demo creation N | os-threads N | stack N DEPTH | carriers N | channels N | race N | pingpong N |
//	     preempt BUSY_MS | cancel SIBLINGS
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 3 {
		os.Exit(2)
	}
	args := make([]int, 0, len(os.Args)-2)
	for _, a := range os.Args[2:] {
		n, err := strconv.Atoi(a)
		if err != nil || n < 1 || n > 1000000 {
			os.Exit(2)
		}
		args = append(args, n)
	}
	fmt.Printf("gomaxprocs=%d\n", runtime.GOMAXPROCS(0))
	n := args[0]
	switch os.Args[1] {
	case "creation":
		creation(n)
	case "os-threads":
		osThreads(n)
	case "stack":
		if len(args) != 2 || args[1] > 1000 {
			os.Exit(2)
		}
		stack(n, args[1])
	case "carriers":
		carriers(n)
	case "channels":
		channels(n)
	case "race":
		race(n)
	case "pingpong":
		pingpong(n)
	case "preempt":
		preempt(n)
	case "cancel":
		cancel(n)
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

func stackInuse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse
}

// blockAt recurses depth frames (each with a local array, so the stack must grow), then blocks.
func blockAt(depth int, started *sync.WaitGroup, release chan struct{}) int {
	var pad [64]byte
	pad[depth%64] = byte(depth)
	if depth > 1 {
		return blockAt(depth-1, started, release) + int(pad[depth%64])
	}
	started.Done()
	<-release
	return int(pad[0])
}

// stack: runtime.MemStats.StackInuse added by n goroutines blocked depth frames deep.
func stack(n, depth int) {
	runtime.GC()
	before := stackInuse()
	release := make(chan struct{})
	var started, done sync.WaitGroup
	for i := 0; i < n; i++ {
		started.Add(1)
		done.Add(1)
		go func() {
			blockAt(depth, &started, release)
			done.Done()
		}()
	}
	started.Wait()
	fmt.Printf("stackinuse.added=%d\n", stackInuse()-before)
	close(release)
	done.Wait()
}

var sink int64

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
			sink += int64(x)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Printf("tids=%d\n", len(seen))
}

// channels: the rendezvous of an unbuffered channel, then n messages through capacities 0, 1 and 128.
func channels(n int) {
	ch := make(chan int)
	t0 := time.Now()
	var takeAt time.Duration
	done := make(chan struct{})
	go func() {
		time.Sleep(200 * time.Millisecond)
		takeAt = time.Since(t0)
		<-ch
		close(done)
	}()
	ch <- 1
	sendAt := time.Since(t0)
	<-done
	fmt.Printf("rendezvous.take.micros=%d\n", takeAt.Microseconds())
	fmt.Printf("rendezvous.send.micros=%d\n", sendAt.Microseconds())
	ok := true
	for _, c := range []struct {
		name string
		cap  int
	}{{"unbuffered", 0}, {"cap1", 1}, {"buffered", 128}} {
		pipe(c.cap, min(n, 20000)) // warm-up
		nanos, match := pipe(c.cap, n)
		ok = ok && match
		fmt.Printf("%s.nanos=%d\n", c.name, nanos)
	}
	fmt.Printf("checksums=%t\n", ok)
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func pipe(capacity, n int) (int64, bool) {
	ch := make(chan int64, capacity)
	var received int64
	done := make(chan struct{})
	start := time.Now()
	go func() {
		for v := range ch {
			received += v
		}
		close(done)
	}()
	var sent int64
	for i := int64(1); i <= int64(n); i++ {
		ch <- i
		sent += i
	}
	close(ch)
	<-done
	return time.Since(start).Nanoseconds(), sent == received
}

var plain int64
var step int64 = 1

// together runs body in 4 goroutines that start only when all 4 are running.
func together(body func()) {
	var wg sync.WaitGroup
	var ready int64
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&ready, 1)
			for atomic.LoadInt64(&ready) < 4 {
				runtime.Gosched()
			}
			body()
		}()
	}
	wg.Wait()
}

// race: 4 goroutines increment one counter n times each, unsynchronized (10 rounds; the lowest result is
// reported, since a round whose goroutines happen not to overlap loses nothing) and with atomic.
func race(n int) {
	lowest := int64(-1)
	for round := 0; round < 10; round++ {
		plain = 0
		together(func() {
			for i := 0; i < n; i++ {
				plain = plain + step // read, add, write: three steps another goroutine can interleave with
			}
		})
		if lowest < 0 || plain < lowest {
			lowest = plain
		}
	}
	var atomicCounter int64
	together(func() {
		for i := 0; i < n; i++ {
			atomic.AddInt64(&atomicCounter, 1)
		}
	})
	fmt.Printf("plain=%d\n", lowest)
	fmt.Printf("atomic=%d\n", atomicCounter)
}

// voluntarySwitches sums voluntary_ctxt_switches over the threads of this process.
func voluntarySwitches() int64 {
	entries, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return 0
	}
	var sum int64
	for _, e := range entries {
		data, err := os.ReadFile("/proc/self/task/" + e.Name() + "/status")
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "voluntary_ctxt_switches:") {
				v, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimPrefix(line, "voluntary_ctxt_switches:")), 10, 64)
				sum += v
			}
		}
	}
	return sum
}

// pingpong: two goroutines hand a value back and forth n times over unbuffered channels.
func pingpong(n int) {
	run := func(rounds int) {
		ping, pong := make(chan int), make(chan int)
		go func() {
			for v := range ping {
				pong <- v
			}
			close(pong)
		}()
		for i := 0; i < rounds; i++ {
			ping <- i
			<-pong
		}
		close(ping)
	}
	run(min(n, 2000))
	before := voluntarySwitches()
	start := time.Now()
	run(n)
	fmt.Printf("nanos=%d\n", time.Since(start).Nanoseconds())
	fmt.Printf("switches=%d\n", voluntarySwitches()-before)
}

//go:noinline
func spin(iterations int64) int64 {
	var x int64
	for i := int64(0); i < iterations; i++ { // no calls inside: only asynchronous preemption can stop it
		x += i ^ (x >> 3)
	}
	return x
}

// preempt: a ticker goroutine sleeps 5 ms at a time while another spins busyMs in a loop without calls.
func preempt(busyMs int) {
	// calibrate: iterations per millisecond
	start := time.Now()
	sink += spin(20000000)
	perMs := int64(20000000) / max64(1, time.Since(start).Milliseconds())
	var maxGap int64
	stop := make(chan struct{})
	tickerDone := make(chan struct{})
	go func() {
		last := time.Now()
		for {
			select {
			case <-stop:
				close(tickerDone)
				return
			default:
			}
			time.Sleep(5 * time.Millisecond)
			now := time.Now()
			if g := now.Sub(last).Microseconds(); g > atomic.LoadInt64(&maxGap) {
				atomic.StoreInt64(&maxGap, g)
			}
			last = now
		}
	}()
	time.Sleep(50 * time.Millisecond)
	atomic.StoreInt64(&maxGap, 0)
	busyDone := make(chan struct{})
	var busyMicros int64
	go func() {
		start := time.Now()
		sink += spin(perMs * int64(busyMs))
		busyMicros = time.Since(start).Microseconds()
		close(busyDone)
	}()
	<-busyDone
	time.Sleep(30 * time.Millisecond)
	close(stop)
	<-tickerDone
	fmt.Printf("maxgap.micros=%d\n", atomic.LoadInt64(&maxGap))
	fmt.Printf("busy.micros=%d\n", busyMicros)
}

func max64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// cancel: one goroutine fails after 50 ms; the context is cancelled and the siblings, which would run 1 s, return.
func cancel(siblings int) {
	ctx, cancelAll := context.WithCancel(context.Background())
	defer cancelAll()
	start := time.Now()
	var failedAt int64
	var cancelled int64
	var wg sync.WaitGroup
	errs := make(chan error, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(50 * time.Millisecond)
		atomic.StoreInt64(&failedAt, time.Since(start).Microseconds())
		errs <- errors.New("subtask failed")
		cancelAll() // like errgroup.WithContext: the first error cancels the rest
	}()
	for i := 0; i < siblings; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case <-time.After(time.Second):
			case <-ctx.Done():
				atomic.AddInt64(&cancelled, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Printf("failure.micros=%d\n", atomic.LoadInt64(&failedAt))
	fmt.Printf("joined.micros=%d\n", time.Since(start).Microseconds())
	fmt.Printf("siblings.cancelled=%d\n", cancelled)
	fmt.Printf("error=%v\n", <-errs)
}
