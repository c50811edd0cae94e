//go:build linux

package pdf_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/pdf"
	"github.com/mend-app/mend/internal/report/reporttest"
)

// schedIdle is Linux's SCHED_IDLE policy number (sched.h).
const schedIdle = 5

// statFields are the fields of /proc/.../stat after the command name, so
// field N of proc(5) is at index N-3.
func statFields(path string) ([]string, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return nil, false
	}
	return strings.Fields(s[i+1:]), true
}

// descendants lists the processes below this test binary.
func descendants(t *testing.T) []int {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Fatal(err)
	}
	parent := map[int]int{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if f, ok := statFields(filepath.Join("/proc", e.Name(), "stat")); ok && len(f) > 1 {
			parent[pid], _ = strconv.Atoi(f[1])
		}
	}
	var out []int
	for pid := range parent {
		for p := parent[pid]; p > 1; p = parent[p] {
			if p == os.Getpid() {
				out = append(out, pid)
				break
			}
		}
	}
	return out
}

// A background printer's Chromium runs every process and thread in
// SCHED_IDLE, whatever priorities Chromium sets for its own threads (as
// root it may lower their niceness, which is why a nice value is not
// enough); the shared printer's stays in the normal class.
func TestBackgroundPrinterRunsIdle(t *testing.T) {
	needChromium(t)
	if _, err := exec.LookPath("chrt"); err != nil {
		reporttest.SkipOrFail(t, "chrt (util-linux) is not installed: the background printer would fall back to nice")
	}
	if _, err := printer.Print(context.Background(), []byte(`<body data-ready="1">normal</body>`)); err != nil {
		t.Fatal(err)
	}
	before := descendants(t)
	bg := pdf.New(pdf.Options{Background: true, Timeout: 60 * time.Second})
	defer bg.Close()
	if _, err := bg.Print(context.Background(), []byte(`<body data-ready="1">background</body>`)); err != nil {
		t.Fatal(err)
	}
	policies := func(pid int) []string {
		tasks, _ := os.ReadDir(filepath.Join("/proc", strconv.Itoa(pid), "task"))
		var out []string
		for _, task := range tasks {
			if f, ok := statFields(filepath.Join("/proc", strconv.Itoa(pid), "task", task.Name(), "stat")); ok && len(f) > 38 {
				out = append(out, f[38])
			}
		}
		return out
	}
	var idle, normal int
	for _, pid := range descendants(t) {
		for _, p := range policies(pid) {
			isIdle := p == strconv.Itoa(schedIdle)
			switch {
			case slices.Contains(before, pid) && isIdle:
				t.Errorf("a thread of the shared printer's process %d runs in SCHED_IDLE", pid)
			case slices.Contains(before, pid):
				normal++
			case !isIdle:
				t.Errorf("a thread of the background printer's process %d runs in scheduling policy %s, want SCHED_IDLE (%d)", pid, p, schedIdle)
			default:
				idle++
			}
		}
	}
	t.Logf("threads: %d of the background printer in SCHED_IDLE, %d of the shared printer in the normal class", idle, normal)
	if idle < 10 || normal < 10 {
		t.Errorf("found %d background and %d normal Chromium threads; want both browsers' threads", idle, normal)
	}
}
