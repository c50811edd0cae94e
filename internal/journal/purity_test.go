package journal_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The pure packages must never import PocketBase: that is what lets them be
// tested with plain data and reused by tools. go list -deps sees transitive
// imports too.
func TestPurePackagesImportNoPocketBase(t *testing.T) {
	t.Parallel()
	pure := []string{"journal", "insights", "charts", "report", "content", "pdf", "reminders", "limits", "benchdata"}
	for _, p := range pure {
		out, err := exec.Command("go", "list", "-deps", "github.com/mend-app/mend/internal/"+p).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", p, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.HasPrefix(dep, "github.com/pocketbase/") {
				t.Errorf("internal/%s depends on %s", p, dep)
			}
		}
	}
}
