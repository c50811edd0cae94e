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

// printNice is the niceness the background printer's threads keep at least.
const printNice = 10

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

// A background printer's Chromium runs every process and thread at
// niceness 10 or more, whatever priorities Chromium sets for its own
// threads (as root it could lower them, which is why the capability is
// dropped); the shared printer's keeps Chromium's own, some below 10.
func TestBackgroundPrinterRunsNice(t *testing.T) {
	needChromium(t)
	for _, tool := range []string{"nice", "setpriv"} {
		if _, err := exec.LookPath(tool); err != nil {
			reporttest.SkipOrFail(t, "%s (coreutils, util-linux) is not installed", tool)
		}
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
	niceness := func(pid int) []int {
		tasks, _ := os.ReadDir(filepath.Join("/proc", strconv.Itoa(pid), "task"))
		var out []int
		for _, task := range tasks {
			if f, ok := statFields(filepath.Join("/proc", strconv.Itoa(pid), "task", task.Name(), "stat")); ok && len(f) > 16 {
				n, _ := strconv.Atoi(f[16])
				out = append(out, n)
			}
		}
		return out
	}
	var low, normal, normalBelow int
	for _, pid := range descendants(t) {
		for _, n := range niceness(pid) {
			switch {
			case slices.Contains(before, pid):
				normal++
				if n < printNice {
					normalBelow++
				}
			case n < printNice:
				t.Errorf("a thread of the background printer's process %d runs at niceness %d, want at least %d", pid, n, printNice)
			default:
				low++
			}
		}
	}
	t.Logf("threads: %d of the background printer at niceness ≥ %d; %d of the shared printer, %d of them below", low, printNice, normal, normalBelow)
	if low < 10 || normalBelow < 10 {
		t.Errorf("found %d background threads and %d normal ones below niceness %d; want both browsers' threads", low, normalBelow, printNice)
	}
}
