package e2e

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// runSDK runs one of the Node scripts in e2e/sdk against a fresh server.
func runSDK(t *testing.T, script string) {
	t.Helper()
	node := needTool(t, "node")
	s := startServer(t, "")
	cmd := exec.Command(node, filepath.Join(repoRoot, "e2e", "sdk", script), s.URL)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s failed: %v\n%s\nserver log:\n%s", script, err, out, s.log.String())
	}
	t.Logf("%s", out)
}

// TestFoundationWithSDK is issue 2's acceptance, from outside.
func TestFoundationWithSDK(t *testing.T) { runSDK(t, "foundation.mjs") }

// TestInsightsWithSDK is issue 3's acceptance, from outside.
func TestInsightsWithSDK(t *testing.T) { runSDK(t, "insights.mjs") }
