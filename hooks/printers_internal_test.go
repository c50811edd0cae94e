package hooks

import (
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/pdf"
	"github.com/mend-app/mend/internal/report"
)

// Reports of more than a year go to the background printer, shorter ones
// to the normal one; Register gives a production app both, and a test app
// that passes one printer uses it for everything.
func TestPrinterForPeriod(t *testing.T) {
	t.Parallel()
	short, long := pdf.New(pdf.Options{}), pdf.New(pdf.Options{Background: true})
	h := &handlers{cfg: Config{Printer: short, LongPrinter: long}}
	from := journal.Day(20000)
	for _, c := range []struct {
		days int
		want *pdf.Printer
	}{{1, short}, {90, short}, {longPrintDays, short}, {longPrintDays + 1, long}, {1826, long}} {
		in := report.Input{Doc: insights.Document{From: from, To: from.AddDays(c.days - 1)}}
		if got := h.printerFor(in); got != c.want {
			t.Errorf("%d days: background printer = %v, want %v", c.days, got.Background(), c.want.Background())
		}
	}

	for _, c := range []struct {
		name           string
		cfg            Config
		wantSame       bool
		wantBackground bool
	}{
		{"production", Config{}, false, true},
		{"one printer passed", Config{Printer: short}, true, false},
		{"both passed", Config{Printer: short, LongPrinter: long}, false, true},
	} {
		app, err := tests.NewTestApp()
		if err != nil {
			t.Fatal(err)
		}
		if err := Register(app, c.cfg); err != nil {
			t.Fatal(err)
		}
		got := app.Store().Get(handlersKey).(*handlers).cfg
		if (got.LongPrinter == got.Printer) != c.wantSame || got.LongPrinter.Background() != c.wantBackground || got.Printer.Background() {
			t.Errorf("%s: long printer same as short = %v, background = %v; short background = %v", c.name,
				got.LongPrinter == got.Printer, got.LongPrinter.Background(), got.Printer.Background())
		}
		app.Cleanup()
	}
}
