package pdf

import "github.com/chromedp/chromedp"

// KillBrowser kills the running browser process, as an OOM killer would, so
// a test can check that the next print starts a new one.
func (p *Printer) KillBrowser() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return chromedp.FromContext(p.browser).Browser.Process().Kill()
}
