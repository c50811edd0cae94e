//go:build !linux

package pdf

import "github.com/chromedp/chromedp"

// lowPriority is Linux-only (see priority_linux.go); elsewhere Chromium
// runs at the server's priority.
func lowPriority() []chromedp.ExecAllocatorOption { return nil }
