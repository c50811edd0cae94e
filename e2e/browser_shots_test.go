package e2e

import (
	"os"
	"path/filepath"
)

// shoot saves a screenshot of the tab as <name>.png in $MEND_SCREENSHOTS,
// for a person to look at; without the variable it does nothing.
func (tb *Tab) shoot(name string) {
	tb.t.Helper()
	dir := os.Getenv("MEND_SCREENSHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	scheme := "light"
	if eval[bool](tb, `matchMedia('(prefers-color-scheme: dark)').matches`) {
		scheme = "dark"
	}
	png, err := tb.screenshot()
	if err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, scheme+"-"+name+".png"), png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}
