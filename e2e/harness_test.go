// Package e2e drives the real mend binary from outside: the official
// PocketBase JS SDK under Node, headless Chromium through chromedp, and raw
// HTTP for crash and backup checks. TestMain builds the binary once.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/report/reporttest"
)

var (
	binary   string // path of the mend binary built for this run
	repoRoot string
)

func TestMain(m *testing.M) {
	_, file, _, _ := runtime.Caller(0)
	repoRoot = filepath.Dir(filepath.Dir(file))
	// Not under the OS temp dir: PocketBase treats a binary there as "go
	// run" (dev mode, automigrate), and the tests must see production.
	dir, err := os.MkdirTemp(filepath.Join(repoRoot, "e2e"), ".bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "mend")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Dir = repoRoot
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building mend failed:", err)
		os.Exit(1)
	}
	code := m.Run()
	stopChromium() // the browser tests' shared Chromium, if one started
	os.RemoveAll(dir)
	os.Exit(code)
}

// Server is one running mend process on a loopback port.
type Server struct {
	URL     string
	DataDir string
	cmd     *exec.Cmd
	log     *bytes.Buffer
}

// startServer runs mend serve on a free port with dataDir ("" for a fresh
// one) and waits until it answers. It is stopped gracefully when t ends.
func startServer(t testing.TB, dataDir string, env ...string) *Server {
	t.Helper()
	if dataDir == "" {
		dataDir = t.TempDir()
	}
	return startServerAt(t, freeAddr(t), dataDir, env...)
}

// startServerAt is startServer on a given address, e.g. to bring a stopped
// server back on the same origin (a browser keeps its service worker and
// storage per origin).
func startServerAt(t testing.TB, addr, dataDir string, env ...string) *Server {
	t.Helper()
	s := &Server{URL: "http://" + addr, DataDir: dataDir, log: &bytes.Buffer{}}
	s.cmd = exec.Command(binary, "serve", "--http", addr, "--dir", dataDir)
	s.cmd.Env = append(os.Environ(), env...)
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Stop(t) })
	waitHealthy(t, s)
	return s
}

// Stop ends the server with SIGINT, as an operator would, and waits.
func (s *Server) Stop(t testing.TB) {
	if s.cmd.Process == nil || s.cmd.ProcessState != nil {
		return
	}
	_ = s.cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
		t.Errorf("mend did not stop within 15 s of SIGINT\n%s", s.log.String())
	}
}

// Kill ends the server with SIGKILL, losing anything not on disk.
func (s *Server) Kill() {
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
}

// Superuser creates a superuser through the binary's own command.
func (s *Server) Superuser(t testing.TB, email, password string) {
	t.Helper()
	out, err := exec.Command(binary, "superuser", "upsert", email, password, "--dir", s.DataDir).CombinedOutput()
	if err != nil {
		t.Fatalf("superuser upsert: %v\n%s", err, out)
	}
}

func freeAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// call sends a JSON request and decodes a JSON answer into out (if not nil).
func call(t testing.TB, method, url, token string, body any, out any) int {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if out != nil && len(b) > 0 && strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: decoding %q: %v", method, url, b, err)
		}
	}
	return res.StatusCode
}

// needTool skips locally but fails in CI when a tool the test needs is
// missing: CI must install it (.ci/run does).
func needTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		reporttest.SkipOrFail(t, "%s is not installed", name)
	}
	return p
}
