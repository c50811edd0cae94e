package pdf_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/pdf"
)

// A browser that hangs while starting must not hang a print past its
// context, nor shutdown: Close returns at once and the start is abandoned.
func TestHungBrowserStart(t *testing.T) {
	t.Parallel()
	fake := filepath.Join(t.TempDir(), "chromium")
	// Prints nothing on stderr (chromedp waits for the DevTools URL there)
	// and never exits on its own.
	if err := os.WriteFile(fake, []byte("#!/bin/sh\nexec sleep 600\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := pdf.New(pdf.Options{ExecPath: fake, Timeout: 20 * time.Second})

	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := p.Print(ctx, []byte("<p>x</p>"))
	if err == nil || time.Since(start) > 5*time.Second {
		t.Fatalf("Print with a hung browser returned %v after %s; want an error within the context's 0.5 s", err, time.Since(start))
	}

	printing := make(chan error, 1)
	go func() {
		_, err := p.Print(context.Background(), []byte("<p>x</p>"))
		printing <- err
	}()
	time.Sleep(300 * time.Millisecond) // the second print is now starting the browser
	closed := make(chan struct{})
	go func() { p.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(3 * time.Second):
		t.Fatal("Close blocked behind a hung browser start")
	}
	select {
	case err := <-printing:
		if err == nil || !(errors.Is(err, pdf.ErrClosed) || errors.Is(err, context.Canceled)) {
			t.Logf("print after Close: %v", err)
		}
		if err == nil {
			t.Fatal("a print during Close succeeded with a hung browser")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the print in flight did not end after Close")
	}
}
