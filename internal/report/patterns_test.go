package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

// TestPatternsTableQ: a q below a thousandth reads "< 0.001", never "0.000"
// (which reads as impossible); others keep three decimals. The table links
// the library article that explains the method.
func TestPatternsTableQ(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		q    float64
		want string
	}{{0.00002, `<td class="n">&lt; 0.001</td>`}, {0.0123, `<td class="n">0.012</td>`}, {0.001, `<td class="n">0.001</td>`}} {
		in := reporttest.Sample(30, nil)
		in.Doc.Associations = []insights.Association{{Factor: "sleep_hours", N: 40, NExposed: 9, Q: c.q, Significant: c.q <= 0.05, Sentence: "A pattern."}}
		var b bytes.Buffer
		if err := report.HTML(&b, in, []byte("/* echarts */")); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		if !strings.Contains(page, c.want) || strings.Contains(page, ">0.000<") {
			t.Errorf("q %v: want %s in the patterns table", c.q, c.want)
		}
		if !strings.Contains(page, `href="/#/library/article/how-mend-finds-patterns"`) {
			t.Error("no link to the article on how patterns are found")
		}
	}
}
