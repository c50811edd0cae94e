// Package pdf prints HTML pages to PDF with one warm headless Chromium
// (Debian's chromium package) driven through chromedp. Starting Chromium
// takes about a second; a warm browser prints a report in a few hundred
// milliseconds, so the browser is started on first use and kept, each print
// gets its own tab, and a browser that died is started again.
//
// The page contract: the page sets a data-ready attribute on <body> when it
// has finished drawing ("1"), or "error" when it could not. The report of
// package report does so after its charts are drawn.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium means no Chromium binary was found. Routes answer 503 with
// its message, which names the package an operator installs.
var ErrNoChromium = errors.New("pdf: Chromium is not installed: install Debian's chromium package (apt-get install chromium) or set MEND_CHROME to a Chrome binary")

// ErrClosed is returned by Print after Close.
var ErrClosed = errors.New("pdf: printer is closed")

// ErrDialog means the page opened an alert, confirm or prompt dialog. A
// report never does, so the page ran code it should not have: the print is
// refused rather than handed to a clinician.
var ErrDialog = errors.New("pdf: the page opened a JavaScript dialog")

// Candidates are the binary names looked up on PATH, in order, when neither
// Options.ExecPath nor MEND_CHROME names one.
var Candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Options configure a Printer; the zero value is usable.
type Options struct {
	// ExecPath is the browser binary; empty means $MEND_CHROME, then Candidates on PATH.
	ExecPath string
	// Concurrency bounds the tabs printing at once (default
	// DefaultConcurrency()): each tab of a long report holds tens of MB,
	// and PDF layout is CPU-bound.
	Concurrency int
	// Timeout bounds one print, from opening the tab to the last PDF byte
	// (default 30 s).
	Timeout time.Duration
	// Background runs the browser at a low CPU priority (niceness 10 on
	// Linux, see lowPriority): for long reports, which take
	// seconds of layout that nobody watches second by second, so that one
	// account's five-year prints cannot slow another user's answers or her
	// short report.
	Background bool
}

// Printer prints HTML to PDF with one shared browser. It is safe for
// concurrent use. The zero value is not usable; call New.
type Printer struct {
	opts Options
	sem  chan struct{}

	// startMu lets one print start the browser while the others wait; it
	// is never held by Close, so a browser that hangs on start cannot hang
	// shutdown.
	startMu sync.Mutex
	mu      sync.Mutex
	browser context.Context // chromedp context of the running browser; nil before the first print
	stop    func()          // ends that browser and removes its profile directory
	abort   func()          // ends a browser that is still starting
	closed  bool
}

// New returns a Printer. It starts nothing: the browser starts on the first
// Print, so a server without Chromium still boots and serves other formats.
func New(opts Options) *Printer {
	if opts.Concurrency <= 0 {
		opts.Concurrency = DefaultConcurrency()
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	return &Printer{opts: opts, sem: make(chan struct{}, opts.Concurrency)}
}

// Background reports whether p prints at the lowest CPU priority.
func (p *Printer) Background() bool { return p.opts.Background }

// DefaultConcurrency is the prints at once a machine affords: half its
// cores (layout is CPU-bound, and the server needs the rest), but never
// fewer than 2, so a user allowed one print at a time cannot hold them all.
func DefaultConcurrency() int {
	return max(2, runtime.NumCPU()/2)
}

// FindChromium returns the browser binary: explicit when set, else
// $MEND_CHROME, else the first of Candidates on PATH. The error wraps
// ErrNoChromium.
func FindChromium(explicit string) (string, error) {
	for _, p := range []string{explicit, os.Getenv("MEND_CHROME")} {
		if p == "" {
			continue
		}
		path, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("%w (%s: %v)", ErrNoChromium, p, err)
		}
		return path, nil
	}
	for _, name := range Candidates {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	return "", fmt.Errorf("%w (looked for %v on PATH)", ErrNoChromium, Candidates)
}

// Available reports whether a browser binary can be found, without starting
// it, so a route can answer 503 before rendering anything.
func (p *Printer) Available() error {
	_, err := FindChromium(p.opts.ExecPath)
	return err
}

// AllocatorOptions are chromedp's defaults (headless, no first run, no
// background networking, no sync, no extensions, a fresh temporary profile
// removed on exit) plus the flags STACK-NOTES.md found necessary: no sandbox
// (containers and root lack the user namespaces it needs; the pages printed
// are Mend's own and may load nothing), no GPU, and no component updates or
// pings, which otherwise keep trying to reach the network. The browser tests
// start their Chromium with the same options.
func AllocatorOptions(path string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
	)
}

// oneProcess runs the printer's Chromium as a single process (browser,
// renderers and utilities as threads; no zygote). A five-year report then
// peaks at about 620 MB of resident memory in one process instead of eleven
// processes whose resident sets sum to 1.3 GB, because each of those maps
// the same 250 MB binary and shared memory again (their proportional sizes
// sum to the same 610 MB: the memory really used is unchanged). Prints are
// no slower (warm five-year PDF 2.6 s vs 3.0 s; two at once 4.4 s vs 5.0 s),
// and the isolation it gives up protects nothing here: the sandbox is off
// and the pages are Mend's own, loading nothing. A crash takes every tab
// with it; Print then starts a new browser and tries once more. Only the
// printer runs this way; the browser tests need a normal Chromium (service
// workers, push) and keep AllocatorOptions.
//
// V8's heap is held small as well: 2 MB semi-spaces for the young
// generation (well below V8's default) and a 160 MB old generation. The largest
// report Mend prints (five years, bounded notes, weekly chart points) needs
// between 24 and 48 MB of old space, so 160 MB leaves room for it and a
// second one at once (TestPrintFiveYearsUnder40Pages prints it); V8 then
// collects earlier instead of growing, and a five-year print peaks near
// 500 MB instead of 620-670 MB. It costs time: 0.1 s per print alone, and
// in make bench-scale 3.1 s instead of 2.6-2.9 s (the target is 5 s).
var oneProcess = []chromedp.ExecAllocatorOption{
	chromedp.Flag("single-process", true),
	chromedp.Flag("no-zygote", true),
	chromedp.Flag("js-flags", "--max-old-space-size=160 --max-semi-space-size=2"),
}

// browserContext returns the running browser, starting one when there is
// none or the last one died (chromedp cancels a browser's context when its
// process exits or its connection is lost). A start is bounded by ctx and
// the print timeout: a browser that hangs while starting is killed.
func (p *Printer) browserContext(ctx context.Context) (context.Context, error) {
	p.startMu.Lock()
	defer p.startMu.Unlock()
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, ErrClosed
	}
	if p.browser != nil && p.browser.Err() == nil {
		b := p.browser
		p.mu.Unlock()
		return b, nil
	}
	if p.stop != nil {
		p.stop() // reap the dead browser and its profile directory
		p.browser, p.stop = nil, nil
	}
	p.mu.Unlock()

	path, err := FindChromium(p.opts.ExecPath)
	if err != nil {
		return nil, err
	}
	alloc := append(AllocatorOptions(path), oneProcess...)
	if p.opts.Background {
		alloc = append(alloc, lowPriority()...)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), alloc...)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	stop := func() { cancelBrowser(); cancelAlloc() }
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		stop()
		return nil, ErrClosed
	}
	p.abort = stop
	p.mu.Unlock()

	// The first Do starts the browser and binds its life to bctx, which has
	// no deadline: a timeout on bctx would later kill the warm browser. So
	// the wait is bounded here instead.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(bctx) }()
	timer := time.NewTimer(p.opts.Timeout)
	defer timer.Stop()
	select {
	case err = <-started:
	case <-ctx.Done():
		err = ctx.Err()
	case <-timer.C:
		err = fmt.Errorf("did not start within %s", p.opts.Timeout)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.abort = nil
	if err == nil && p.closed {
		err = ErrClosed
	}
	if err != nil {
		stop()
		return nil, fmt.Errorf("pdf: start %s: %w", path, err)
	}
	p.browser, p.stop = bctx, stop
	return bctx, nil
}

// Close ends the browser, if one runs, and makes later prints fail.
func (p *Printer) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	if p.abort != nil {
		p.abort()
	}
	if p.stop != nil {
		p.stop()
		p.browser, p.stop = nil, nil
	}
	return nil
}
