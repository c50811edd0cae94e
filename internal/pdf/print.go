package pdf

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// footer is Chromium's footer template: "Page X of Y" in the bottom margin.
// Chromium's default header/footer font size is 0, so the size is set here.
const footer = `<div style="font: 8pt sans-serif; color: #444; width: 100%; text-align: center;">` +
	`Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`

// A4 margins in inches: 15 mm, and 18 mm at the bottom to hold the footer.
// They match the @page rule of the report so screen and print agree.
const (
	marginSide   = 15 / 25.4
	marginBottom = 18 / 25.4
)

// readyPoll is how often the page's data-ready flag is read. Charts of a
// year draw in about 100 ms, so 25 ms adds little latency.
const readyPoll = 25 * time.Millisecond

// Print renders html in a new tab of the warm browser and returns the PDF:
// A4, backgrounds printed, "Page X of Y" in the footer. The page may load
// nothing: every request it makes, other than data: and about: URLs, is
// failed. Print waits for the page's data-ready flag (see the package doc).
// If the browser died, Print starts a new one and tries once more.
func (p *Printer) Print(ctx context.Context, html []byte) ([]byte, error) {
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-p.sem }()

	bctx, err := p.browserContext(ctx)
	if err != nil {
		return nil, err
	}
	out, err := p.print(ctx, bctx, html)
	if err != nil && bctx.Err() != nil && ctx.Err() == nil {
		// The browser itself went away (crash, OOM kill): start a new one.
		if bctx, err = p.browserContext(ctx); err != nil {
			return nil, err
		}
		out, err = p.print(ctx, bctx, html)
	}
	return out, err
}

func (p *Printer) print(ctx, bctx context.Context, html []byte) ([]byte, error) {
	tab, closeTab := chromedp.NewContext(bctx)
	defer closeTab()
	// Cancelling the tab's context closes the tab, which ends every call in
	// it; so the caller's cancellation and the timeout both just close it.
	var timedOut atomic.Bool
	stop := context.AfterFunc(ctx, closeTab)
	defer stop()
	timer := time.AfterFunc(p.opts.Timeout, func() { timedOut.Store(true); closeTab() })
	defer timer.Stop()

	out, err := p.render(tab, html)
	switch {
	case err == nil:
		return out, nil
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case timedOut.Load():
		return nil, fmt.Errorf("pdf: print took longer than %v", p.opts.Timeout)
	}
	return nil, err
}

func (p *Printer) render(tab context.Context, html []byte) ([]byte, error) {
	// Navigating the new tab to about:blank gives chromedp the top-level
	// frame that SetDocumentContent then replaces.
	if err := chromedp.Do(tab, chromedp.Navigate("about:blank")); err != nil {
		return nil, fmt.Errorf("pdf: open tab: %w", err)
	}
	// Subscribe before anything loads; the loops run until the tab closes.
	var dialog atomic.Bool
	go dismissDialogs(tab, chromedp.Events(tab, page.JavascriptDialogOpening), &dialog)
	go blockRequests(tab, chromedp.Events(tab, fetch.RequestPaused))
	if _, err := chromedp.Call(tab, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		return nil, fmt.Errorf("pdf: block network: %w", err)
	}
	// Lay the page out for print before its scripts run, so charts are
	// sized for the paper, not for a screen.
	if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		return nil, fmt.Errorf("pdf: emulate print: %w", err)
	}
	tree, err := chromedp.Call(tab, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return nil, fmt.Errorf("pdf: frame tree: %w", err)
	}
	// SetDocumentContent writes the page into the blank tab: no URL, no
	// size limit of a data: URL, and no server to serve it from.
	if _, err := chromedp.Call(tab, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: string(html)}); err != nil {
		return nil, fmt.Errorf("pdf: load page: %w", err)
	}
	if err := waitReady(tab); err != nil {
		return nil, err
	}
	if dialog.Load() {
		return nil, ErrDialog
	}
	buf, err := chromedp.Run(tab, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFMargins(marginSide, marginSide, marginBottom, marginSide),
		chromedp.PDFPrintBackground(),
		chromedp.PDFHeaderTemplate("<span></span>"), // no default date/title header
		chromedp.PDFFooterTemplate(footer),
	))
	if err != nil {
		return nil, fmt.Errorf("pdf: print: %w", err)
	}
	if dialog.Load() {
		return nil, ErrDialog
	}
	return buf, nil
}

// waitReady polls the body's data-ready attribute until the page sets it.
func waitReady(tab context.Context) error {
	const expr = `document.body ? (document.body.getAttribute('data-ready') || '') : ''`
	for {
		state, err := chromedp.Run(tab, chromedp.Evaluate[string](expr))
		if err != nil {
			return fmt.Errorf("pdf: wait for the page: %w", err)
		}
		switch state {
		case "":
		case "error":
			return errors.New("pdf: the page reported that it could not draw (data-ready=error)")
		default:
			return nil
		}
		select {
		case <-tab.Done():
			return tab.Err()
		case <-time.After(readyPoll):
		}
	}
}

// dismissDialogs closes any dialog at once (an open dialog blocks the page
// and so the print) and records that one opened.
func dismissDialogs(tab context.Context, events iter.Seq2[page.EventJavascriptDialogOpening, error], opened *atomic.Bool) {
	for _, err := range events {
		if err != nil {
			return
		}
		opened.Store(true)
		if _, err := chromedp.Call(tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false}); err != nil {
			return
		}
	}
}

// blockRequests fails every paused request except data: and about: URLs:
// a report must request nothing (DESIGN.md: no request leaves the machine),
// and a page that tries is either broken or carrying injected markup.
func blockRequests(tab context.Context, events iter.Seq2[fetch.EventRequestPaused, error]) {
	for ev, err := range events {
		if err != nil {
			return
		}
		u := ""
		if ev.Request != nil {
			u = ev.Request.URL
		}
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "about:") {
			_, err = chromedp.Call(tab, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
		} else {
			_, err = chromedp.Call(tab, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		}
		if err != nil {
			return
		}
	}
}
