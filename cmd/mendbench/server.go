package main

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"time"
)

// server is one mend process serving a fresh data dir on a loopback port.
type server struct {
	bin, dir, url string
	cmd           *exec.Cmd
	log           bytes.Buffer
}

// startServer runs `bin serve` on a free 127.0.0.1 port with a new temp
// data dir and waits (at most 60 s) until /api/health answers.
func startServer(bin string) (*server, error) {
	dir, err := os.MkdirTemp("", "mendbench-")
	if err != nil {
		return nil, err
	}
	return startServerIn(bin, dir)
}

// startServerIn is startServer on an existing data dir (stop removes it).
func startServerIn(bin, dir string) (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	s := &server{bin: bin, dir: dir, url: "http://" + addr}
	s.cmd = exec.Command(bin, "serve", "--http", addr, "--dir", dir)
	s.cmd.Stdout, s.cmd.Stderr = &s.log, &s.log
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", bin, err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		res, err := http.Get(s.url + "/api/health")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.stop()
	return nil, fmt.Errorf("mend did not answer within 60 s:\n%s", s.log.String())
}

// freeAddr asks the kernel for a free loopback port.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// superuser creates a superuser with the binary's own command, as an
// operator would.
func (s *server) superuser(email, password string) error {
	out, err := exec.Command(s.bin, "superuser", "upsert", email, password, "--dir", s.dir).CombinedOutput()
	if err != nil {
		return fmt.Errorf("superuser upsert: %w\n%s", err, out)
	}
	return nil
}

// stop ends the server with SIGINT (a graceful stop, so the flare-up worker
// finishes), kills it after 15 s, and removes the data dir.
func (s *server) stop() {
	if s.cmd.Process != nil && s.cmd.ProcessState == nil {
		_ = s.cmd.Process.Signal(os.Interrupt) // best effort: Kill below covers a failure
		done := make(chan struct{})
		go func() { _ = s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = s.cmd.Process.Kill()
			<-done
		}
	}
	os.RemoveAll(s.dir)
}

// rssKiB reads the server's resident set size now.
func (s *server) rssKiB() (int64, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(s.cmd.Process.Pid) + "/status")
	if err != nil {
		return 0, false
	}
	return vmRSSKiB(string(b))
}

// rssSampler records the largest RSS seen every 20 ms until stopped.
type rssSampler struct {
	stopc chan struct{}
	wg    sync.WaitGroup
	max   int64
}

func (s *server) sampleRSS() *rssSampler {
	r := &rssSampler{stopc: make(chan struct{})}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			if kib, ok := s.rssKiB(); ok {
				r.max = max(r.max, kib)
			}
			select {
			case <-r.stopc:
				return
			case <-t.C:
			}
		}
	}()
	return r
}

// stop ends sampling and returns the maximum in MiB.
func (r *rssSampler) stop() float64 {
	close(r.stopc)
	r.wg.Wait()
	return float64(r.max) / 1024
}
