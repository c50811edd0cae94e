package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/pdf"
	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

// printer is shared by the tests, as the server shares one: the first
// print pays for the start, later ones use the warm browser.
var printer = pdf.New(pdf.Options{Timeout: 60 * time.Second})

func TestMain(m *testing.M) {
	code := m.Run()
	printer.Close()
	os.Exit(code)
}

func needChromium(tb testing.TB) {
	tb.Helper()
	if err := printer.Available(); err != nil {
		reporttest.SkipOrFail(tb, "%v", err)
	}
}

func reportHTML(tb testing.TB, days int, notes []string) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := report.HTML(&b, reporttest.Sample(days, notes), reporttest.EChartsJS(tb)); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

var pageObject = regexp.MustCompile(`/Type\s*/Page\b`)

// pages counts pages with pdfinfo when installed, else the page objects
// (Chromium writes them uncompressed).
func pages(t *testing.T, doc []byte) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		path := filepath.Join(t.TempDir(), "report.pdf")
		if err := os.WriteFile(path, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdfinfo", path).Output()
		if err != nil {
			t.Fatalf("pdfinfo: %v", err)
		}
		m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
		if m == nil {
			t.Fatalf("pdfinfo gave no page count:\n%s", out)
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	return len(pageObject.FindAll(doc, -1))
}

func TestPrintReport(t *testing.T) {
	needChromium(t)
	doc, err := printer.Print(context.Background(), reportHTML(t, 365, reporttest.Hostile))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(t.TempDir(), "report.pdf"), doc, 0o644)
	if !bytes.HasPrefix(doc, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", doc[:min(20, len(doc))])
	}
	if n := pages(t, doc); n < 2 {
		t.Errorf("%d pages, want at least 2", n)
	}
	// Charts drawn with the SVG renderer print as vector paths; a canvas
	// chart would print as an image XObject.
	if bytes.Contains(doc, []byte("/Subtype /Image")) || bytes.Contains(doc, []byte("/Subtype/Image")) {
		t.Error("the PDF holds raster images; charts must be vector")
	}
	if _, err := exec.LookPath("pdfimages"); err == nil {
		path := filepath.Join(t.TempDir(), "r.pdf")
		os.WriteFile(path, doc, 0o644)
		out, err := exec.Command("pdfimages", "-list", path).Output()
		if err != nil || bytes.Count(out, []byte("\n")) > 2 {
			t.Errorf("pdfimages -list found images (%v):\n%s", err, out)
		}
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		path := filepath.Join(t.TempDir(), "t.pdf")
		os.WriteFile(path, doc, 0o644)
		out, _ := exec.Command("pdftotext", path, "-").Output()
		for _, want := range []string{"Page 1 of", "Postpartum pain report", "Pain over time", "informs; it does not diagnose"} {
			if !bytes.Contains(out, []byte(want)) {
				t.Errorf("PDF text lacks %q", want)
			}
		}
	}
}

func TestPrintBlocksNetwork(t *testing.T) {
	needChromium(t)
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	page := fmt.Sprintf(`<!DOCTYPE html><body><img src="%[1]s/img"><link rel="stylesheet" href="%[1]s/css">
<script>fetch(%[1]q + "/fetch").catch(function(){}).finally(function(){ document.body.setAttribute('data-ready','1') })</script>`, srv.URL)
	if _, err := printer.Print(context.Background(), []byte(page)); err != nil {
		t.Fatal(err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the page reached the network %d times", n)
	}
}

func TestPrintRefusesPages(t *testing.T) {
	needChromium(t)
	scenarios := []struct {
		name, page string
		want       error
	}{
		{"dialog", `<body><script>alert(1);document.body.setAttribute('data-ready','1')</script>`, pdf.ErrDialog},
		{"draw error", `<body><script>document.body.setAttribute('data-ready','error')</script>`, nil},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			_, err := printer.Print(context.Background(), []byte(s.page))
			if err == nil || (s.want != nil && !errors.Is(err, s.want)) {
				t.Errorf("err = %v, want %v", err, s.want)
			}
		})
	}
}

func TestPrintHonoursContext(t *testing.T) {
	needChromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := printer.Print(ctx, []byte(`<body>never ready</body>`))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's deadline", err)
	}
}

func TestPrintConcurrentAndRestart(t *testing.T) {
	needChromium(t)
	page := []byte(`<body><p>hello</p><script>document.body.setAttribute('data-ready','1')</script>`)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := printer.Print(context.Background(), page); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := printer.KillBrowser(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // let chromedp notice the lost browser
	if _, err := printer.Print(context.Background(), page); err != nil {
		t.Errorf("print after the browser died: %v", err)
	}
}

func TestNoChromium(t *testing.T) {
	t.Parallel()
	p := pdf.New(pdf.Options{ExecPath: "/nonexistent/chromium"})
	defer p.Close()
	if err := p.Available(); !errors.Is(err, pdf.ErrNoChromium) {
		t.Errorf("Available() = %v", err)
	}
	_, err := p.Print(context.Background(), []byte("<body>"))
	if !errors.Is(err, pdf.ErrNoChromium) || !bytes.Contains([]byte(err.Error()), []byte("chromium package")) {
		t.Errorf("Print() = %v, want ErrNoChromium naming the package", err)
	}
}
