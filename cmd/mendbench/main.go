// Command mendbench measures a built mend binary from outside, over
// loopback HTTP only: it starts the binary on a free 127.0.0.1 port with a
// fresh data dir, seeds three years of journal through the batch API and
// prints the figures of issue 6 as `name: value` lines, each beside the
// baseline it was measured against in the same run.
//
//	go build -o mend . && go run ./cmd/mendbench -bin ./mend -gobench bench.txt
//
// insights_vs_read_ratio is not measured over HTTP: its baseline (reading
// the rows through internal/store and computing nothing) has no route, and
// the binary gets no debug routes. It comes from the in-process benchmarks
// in hooks/bench_test.go (same process, same database), whose `go test
// -bench` output -gobench names; `make bench` wires both together.
//
// With -scale it runs issue 13's scale benchmark instead (make
// bench-scale): see runScale in scale_run.go.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "./mend", "the mend binary to measure")
	flag.StringVar(&o.goBench, "gobench", "", "go test -bench output of ./hooks/ (for insights_vs_read_ratio)")
	flag.IntVar(&o.pairs, "pairs", 320, "sequential create pairs (pain_scores, twin) for hook_overhead_ratio")
	flag.IntVar(&o.creates, "creates", 5000, "creates per concurrent load run")
	flag.IntVar(&o.workers, "concurrency", 50, "concurrent clients in the create load")
	flag.DurationVar(&o.loadLimit, "load-time", 10*time.Second, "time limit of each concurrent load run")
	flag.IntVar(&o.samples, "samples", 30, "measured GETs per read route")
	flag.BoolVar(&o.scale, "scale", false, "run the scale benchmark (make bench-scale) instead")
	flag.IntVar(&o.users, "users", 2000, "users with a year of journal each, for -scale")
	flag.IntVar(&o.rounds, "rounds", 5, "side-by-side rounds of the one-user and scale figures, for -scale")
	flag.Parse()
	runner := run
	if o.scale {
		runner = runScale
	}
	lines, err := runner(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mendbench:", err)
		os.Exit(1)
	}
	missed := 0
	for _, l := range lines {
		fmt.Println(l)
		if l.missed {
			missed++
		}
	}
	if missed > 0 {
		fmt.Printf("targets missed: %d\n", missed)
		os.Exit(1)
	}
}

// options are mendbench's flags; every loop they drive is bounded.
type options struct {
	bin, goBench                     string
	pairs, creates, workers, samples int
	loadLimit                        time.Duration
	scale                            bool
	users, rounds                    int
}

// line is one printed figure.
type line struct {
	name, value, note string
	missed            bool
}

func (l line) String() string {
	s := l.name + ": " + l.value
	if l.note != "" {
		s += "  (" + l.note + ")"
	}
	if l.missed {
		s += "  TARGET MISSED"
	}
	return s
}
