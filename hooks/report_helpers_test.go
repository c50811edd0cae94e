package hooks_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// pdfPages is the page count pdfinfo reads from a PDF.
func pdfPages(t testing.TB, b []byte) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", writeTemp(t, b)).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo printed no page count:\n%s", out)
	}
	n, err := strconv.Atoi(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// pdfText is the text pdftotext extracts from a PDF.
func pdfText(t testing.TB, b []byte) string {
	t.Helper()
	out, err := exec.Command("pdftotext", writeTemp(t, b), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(bytes.Join(bytes.Fields(out), []byte(" ")))
}

func writeTemp(t testing.TB, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
