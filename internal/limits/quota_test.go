package limits_test

import (
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/limits"
)

func TestCheckQuota(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name    string
		usage   limits.Usage
		size    int64
		wantMsg string // "" means allowed
	}{
		{"empty", limits.Usage{}, 1 << 20, ""},
		{"one under the count", limits.Usage{Reports: limits.MaxReports - 1}, 0, ""},
		{"at the count", limits.Usage{Reports: limits.MaxReports}, 0, "You have 20 saved reports"},
		{"over the count", limits.Usage{Reports: limits.MaxReports + 3}, 0, "Delete an older one"},
		{"bytes exactly full", limits.Usage{Reports: 1, Bytes: limits.MaxReportBytes - 10}, 10, ""},
		{"bytes one over", limits.Usage{Reports: 1, Bytes: limits.MaxReportBytes - 10}, 11, "of the 50.0 MB"},
		{"already over before the size is known", limits.Usage{Reports: 1, Bytes: limits.MaxReportBytes + 1}, 0, "Delete an older report"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			err := limits.CheckQuota(sc.usage, sc.size)
			if sc.wantMsg == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), sc.wantMsg) {
				t.Fatalf("got %v, want a message containing %q", err, sc.wantMsg)
			}
		})
	}
}
