package e2e

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// A binary run from the temp folder (as CI and many users do) must not be
// taken for "go run": PocketBase's dev mode prints every SQL statement to
// stdout, note text and password hashes included, and automigrate would
// write migration files from dashboard edits.
func TestTempFolderBinaryIsNotDevMode(t *testing.T) {
	t.Parallel()
	dir, err := os.MkdirTemp("", "mend-devmode-") // under the OS temp dir on purpose
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	bin := filepath.Join(dir, "mend")
	copyFile(t, binary, bin)

	dataDir := filepath.Join(dir, "pb_data")
	if out, err := exec.Command(bin, "superuser", "upsert", suEmail, suPassword, "--dir", dataDir).CombinedOutput(); err != nil {
		t.Fatalf("superuser upsert: %v\n%s", err, out)
	}
	addr := freeAddr(t)
	s := &Server{URL: "http://" + addr, DataDir: dataDir, log: &bytes.Buffer{}}
	s.cmd = exec.Command(bin, "serve", "--http", addr, "--dir", dataDir)
	s.cmd.Dir = dir
	s.cmd.Env = append(os.Environ(), "MEND_DEV=")
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Stop(t) })
	waitHealthy(t, s)

	su := superuserToken(t, s)
	// A dashboard edit: under automigrate this writes dir/migrations/*.go.
	if code := call(t, "POST", s.URL+"/api/collections", su,
		map[string]any{"name": "scratch", "type": "base", "fields": []map[string]any{{"name": "title", "type": "text"}}}, nil); code != 200 {
		t.Fatalf("creating a collection = %d\n%s", code, s.log.String())
	}
	_, token := signUp(t, s, "devmode@example.com")
	call(t, "GET", s.URL+"/api/collections/entries/records", token, nil, nil)
	s.Stop(t)

	if regexp.MustCompile(`(?i)\b(SELECT|INSERT|UPDATE)\b.*\b(FROM|INTO|SET)\b`).MatchString(s.log.String()) {
		t.Errorf("the binary printed SQL (dev mode):\n%s", s.log.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "migrations")); !os.IsNotExist(err) {
		t.Errorf("automigrate wrote %s (err %v)", filepath.Join(dir, "migrations"), err)
	}
}

func waitHealthy(t testing.TB, s *Server) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get(s.URL + "/api/health")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("mend did not start: %v\n%s", err, s.log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}
