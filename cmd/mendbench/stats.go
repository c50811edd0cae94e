package main

import (
	"bufio"
	"io"
	"slices"
	"strconv"
	"strings"
)

// median returns the middle of xs (the mean of the two middle values for
// an even count), or 0 for none. Medians, not means: on a shared 2-core
// machine a few requests stall behind other work and would drag a mean.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// vmRSSKiB reads the VmRSS line of a /proc/PID/status file, in KiB.
func vmRSSKiB(status string) (int64, bool) { return kibField(status, "VmRSS:") }

// kibField reads the value of the first "key  N kB" line of a /proc file
// (status, smaps_rollup), in KiB.
func kibField(text, key string) (int64, bool) {
	for line := range strings.Lines(text) {
		rest, ok := strings.CutPrefix(line, key)
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			return 0, false
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		return n, err == nil
	}
	return 0, false
}

// parseGoBench collects the values reported in unit (such as "ns/op" or a
// b.ReportMetric unit) by every benchmark in `go test -bench` output, by
// name without the -GOMAXPROCS suffix; -count N gives N values.
func parseGoBench(r io.Reader, unit string) (map[string][]float64, error) {
	out := map[string][]float64{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		for i := 2; i+1 < len(f); i++ {
			if f[i+1] != unit {
				continue
			}
			ns, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				break
			}
			name := f[0]
			if k := strings.LastIndexByte(name, '-'); k > 0 {
				if _, err := strconv.Atoi(name[k+1:]); err == nil {
					name = name[:k]
				}
			}
			out[name] = append(out[name], ns)
			break
		}
	}
	return out, sc.Err()
}
