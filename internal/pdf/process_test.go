//go:build linux

package pdf_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/pdf"
)

// The printer's Chromium is one process (see oneProcess in pdf.go), so its
// resident memory is counted once; make bench-scale measures how much.
func TestPrinterRunsOneProcess(t *testing.T) {
	needChromium(t)
	before := descendants(t)
	p := pdf.New(pdf.Options{Timeout: 60 * time.Second})
	defer p.Close()
	if _, err := p.Print(context.Background(), []byte(`<body data-ready="1">one process</body>`)); err != nil {
		t.Fatal(err)
	}
	var started []int
	for _, pid := range descendants(t) {
		if !slices.Contains(before, pid) {
			started = append(started, pid)
		}
	}
	if len(started) != 1 {
		t.Errorf("the printer's Chromium runs %d processes (%v), want 1", len(started), started)
	}
}
