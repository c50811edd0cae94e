package main

import (
	"strings"
	"testing"
)

func TestMedian(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name string
		in   []float64
		want float64
	}{
		{"none", nil, 0},
		{"one", []float64{3}, 3},
		{"odd unsorted", []float64{9, 1, 5}, 5},
		{"even", []float64{4, 1, 3, 2}, 2.5},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			in := append([]float64(nil), s.in...)
			if got := median(s.in); got != s.want {
				t.Errorf("median(%v) = %v, want %v", s.in, got, s.want)
			}
			for i := range in {
				if in[i] != s.in[i] {
					t.Fatalf("median reordered its input: %v", s.in)
				}
			}
		})
	}
}

func TestVmRSSKiB(t *testing.T) {
	t.Parallel()
	status := "Name:\tmend\nVmPeak:\t  900000 kB\nVmRSS:\t   81234 kB\nThreads:\t9\n"
	if got, ok := vmRSSKiB(status); !ok || got != 81234 {
		t.Errorf("vmRSSKiB = %d, %v; want 81234, true", got, ok)
	}
	if _, ok := vmRSSKiB("Name:\tmend\n"); ok {
		t.Error("vmRSSKiB found a value in a status without VmRSS")
	}
}

func TestKibFieldReadsPss(t *testing.T) {
	t.Parallel()
	rollup := "55a0-7ffd [rollup]\nRss:              253440 kB\nPss:               91234 kB\nPss_Anon:          40000 kB\n"
	if got, ok := kibField(rollup, "Pss:"); !ok || got != 91234 {
		t.Errorf("kibField(Pss:) = %d, %v; want 91234, true (not Pss_Anon)", got, ok)
	}
	if got, ok := kibField(rollup, "Rss:"); !ok || got != 253440 {
		t.Errorf("kibField(Rss:) = %d, %v; want 253440, true", got, ok)
	}
	if _, ok := kibField(rollup, "Swap:"); ok {
		t.Error("kibField found a missing key")
	}
}

func TestParseGoBench(t *testing.T) {
	t.Parallel()
	out := `goos: linux
BenchmarkInsightsRoute3Years-2   	      55	  19646719 ns/op	 7647251 B/op	  102292 allocs/op
BenchmarkInsightsRoute3Years-2   	      50	  20000000 ns/op	 7647251 B/op	  102292 allocs/op
BenchmarkLoadJournal3Years       	      74	  15239260 ns/op
BenchmarkInsightsVsRead3Years-2 	      40	  35000000 ns/op	        21.00 route-ms	        15.00 load-ms	         1.40 ratio
BenchmarkBroken-2 x y
PASS
`
	got, err := parseGoBench(strings.NewReader(out), "ns/op")
	if err != nil {
		t.Fatal(err)
	}
	if r := got["BenchmarkInsightsRoute3Years"]; len(r) != 2 || r[0] != 19646719 || r[1] != 20000000 {
		t.Errorf("route = %v", r)
	}
	if l := got["BenchmarkLoadJournal3Years"]; len(l) != 1 || l[0] != 15239260 {
		t.Errorf("load = %v", l)
	}
	ratios, err := parseGoBench(strings.NewReader(out), "ratio")
	if err != nil {
		t.Fatal(err)
	}
	if r := ratios["BenchmarkInsightsVsRead3Years"]; len(r) != 1 || r[0] != 1.4 || len(ratios) != 1 {
		t.Errorf("ratios = %v", ratios)
	}
	if _, ok := got["BenchmarkBroken"]; ok {
		t.Error("a malformed line was parsed")
	}
}
