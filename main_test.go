package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The vendored JavaScript must be exactly what the pinned npm packages ship
// (pb_public/vendor/MANIFEST, written by fetch.sh): a hand edit or a partial
// update of ECharts or the SDK fails here rather than in a parent's browser.
func TestVendorMatchesManifest(t *testing.T) {
	t.Parallel()
	f, err := os.Open("pb_public/vendor/MANIFEST")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	listed := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, path, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("MANIFEST line %q is not in sha256sum format", sc.Text())
		}
		listed[path] = true
		b, err := os.ReadFile(filepath.Join("pb_public/vendor", path))
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		got := sha256.Sum256(b)
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s drifted from MANIFEST; run make vendor-js", path)
		}
	}
	if len(listed) == 0 {
		t.Fatal("MANIFEST lists nothing")
	}
	// Every vendored file is listed: nothing slips in beside the manifest.
	err = filepath.WalkDir("pb_public/vendor", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("pb_public/vendor", p)
		if rel != "MANIFEST" && rel != "fetch.sh" && !listed[rel] {
			t.Errorf("%s is vendored but not in MANIFEST", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The binary embeds the web app, so what is served is what is reviewed.
func TestWebAppIsEmbedded(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"pb_public/index.html", "pb_public/vendor/echarts@5.6.0/echarts.min.js"} {
		if _, err := fs.Stat(embedded, p); err != nil {
			t.Errorf("%s is not embedded: %v", p, err)
		}
	}
}

// Dev mode (every SQL statement on stdout, automigrate) is chosen only by
// MEND_DEV=1 or --dev, never by where the binary sits.
func TestDevMode(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name string
		args []string
		env  string
		want bool
	}{
		{"default", []string{"serve"}, "", false},
		{"env", []string{"serve"}, "1", true},
		{"env other value", []string{"serve"}, "true", false},
		{"flag", []string{"serve", "--dev"}, "", true},
		{"flag off wins over env", []string{"serve", "--dev=false"}, "1", false},
		{"flag on", []string{"serve", "--dev=true"}, "", true},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			if got := devMode(s.args, s.env); got != s.want {
				t.Errorf("devMode(%q, %q) = %v, want %v", s.args, s.env, got, s.want)
			}
		})
	}
}
