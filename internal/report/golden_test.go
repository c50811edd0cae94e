package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fakeECharts stands in for the 1 MB library so the golden page stays small;
// the browser tests use the real one.
var fakeECharts = []byte("window.echarts={init:function(){return{setOption:function(){}}}};")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
	}
}

func TestGolden(t *testing.T) {
	t.Parallel()
	// A month shows the two-week comparison; a week keeps the raw exports'
	// golden files short enough to review.
	in, week := reporttest.Sample(30, nil), reporttest.Sample(7, nil)
	scenarios := []struct {
		name   string
		render func(*bytes.Buffer) error
	}{
		{"report.html", func(b *bytes.Buffer) error { return report.HTML(b, in, fakeECharts) }},
		{"report.csv", func(b *bytes.Buffer) error { return report.CSV(b, week) }},
		{"report.json", func(b *bytes.Buffer) error { return report.JSON(b, week) }},
		{"report.fhir.json", func(b *bytes.Buffer) error { return report.FHIR(b, week) }},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := s.render(&a); err != nil {
				t.Fatal(err)
			}
			if err := s.render(&b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("two renders of the same input differ")
			}
			golden(t, s.name, a.Bytes())
		})
	}
}
