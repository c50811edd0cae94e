// Command genlabels writes the generated vocabulary block of the web app's
// pb_public/js/lib/labels.js from internal/journal, so the app, the charts
// and the report share one set of labels. Run it with
// `go generate ./internal/journal`.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/mend-app/mend/internal/journal"
)

func main() {
	out := flag.String("o", "pb_public/js/lib/labels.js", "the labels.js file to update")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genlabels:", err)
		os.Exit(1)
	}
}

// run replaces the block between the markers, keeping the hand-written rest.
func run(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s := string(b)
	start := strings.Index(s, journal.GeneratedBegin)
	end := strings.Index(s, journal.GeneratedEnd)
	if start < 0 || end < start {
		return fmt.Errorf("%s lacks the %q … %q markers", path, journal.GeneratedBegin, journal.GeneratedEnd)
	}
	end += len(journal.GeneratedEnd) + 1 // and its newline
	s = s[:start] + journal.LabelsJS() + s[min(end, len(s)):]
	return os.WriteFile(path, []byte(s), 0o644)
}
