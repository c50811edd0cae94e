package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/report/reporttest"
)

// `make run` on a cold machine compiles for a minute or two before it
// prints anything of its own: it must say it is building first.
func TestMakeRunSaysItIsBuilding(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("make"); err != nil {
		reporttest.SkipOrFail(t, "make is not installed; the README's commands need it")
	}
	out, err := exec.Command("make", "-n", "run").CombinedOutput()
	if err != nil {
		t.Fatalf("make -n run: %v\n%s", err, out)
	}
	s := string(out)
	building, compile := strings.Index(s, "Building"), strings.Index(s, " build -trimpath")
	if building < 0 || compile < 0 || building > compile {
		t.Errorf("make run does not announce the build before compiling:\n%s", s)
	}
}

// The README's set-up section answers what a person setting Mend up asks:
// PDF needs chromium (and what happens without it), a phone on the same
// network, HTTPS for phones behind a proxy, and who can read a journal.
func TestReadmeSetUp(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, want := range []string{
		"apt-get install -y chromium", "**503**", "--http 0.0.0.0:8090", "Phones need HTTPS",
		"reverse_proxy 127.0.0.1:8090", "User IP proxy headers", "superusers can read every journal in the dashboard",
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("README lacks %q", want)
		}
	}
}
