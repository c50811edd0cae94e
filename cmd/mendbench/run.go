package main

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"
)

// run starts the server, sets it up and takes every measurement in a fixed
// order: reads first (on exactly the seeded rows), then writes.
func run(o options) ([]line, error) {
	s, err := startServer(o.bin)
	if err != nil {
		return nil, err
	}
	defer s.stop()
	c := newClient(s.url)
	start := time.Now()
	f, err := setup(s, c)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "mendbench: seeded %d rows in %.1f s on %s\n", f.rows, time.Since(start).Seconds(), s.url)

	ratio := insightsRatio(o.goBench)
	reads, err := readLines(c, f, o.samples)
	if err != nil {
		return nil, err
	}
	writes, err := writeLines(s, c, f, o)
	if err != nil {
		return nil, err
	}
	// Printed in the order: the two ratios, creates, then the rest.
	lines := []line{writes.ratio, ratio, writes.perSecond}
	return append(append(lines, reads...), writes.rss), nil
}

// insightsRatio reads the in-process benchmark pair from go test output.
func insightsRatio(path string) line {
	l := line{name: "insights_vs_read_ratio", value: "n/a"}
	if path == "" {
		l.note = "no -gobench output given"
		return l
	}
	fh, err := os.Open(path)
	if err != nil {
		l.note = err.Error()
		return l
	}
	defer fh.Close()
	got := map[string][]float64{}
	for _, unit := range []string{"ratio", "route-ms", "load-ms"} {
		vals, err := parseGoBench(fh, unit)
		if err != nil {
			l.note = err.Error()
			return l
		}
		got[unit] = vals["BenchmarkInsightsVsRead3Years"]
		if _, err := fh.Seek(0, 0); err != nil {
			l.note = err.Error()
			return l
		}
	}
	if len(got["ratio"]) == 0 {
		l.note = "BenchmarkInsightsVsRead3Years missing from " + path
		return l
	}
	r := median(got["ratio"])
	l.value = fmt.Sprintf("%.2f", r)
	l.note = fmt.Sprintf("in-process, interleaved: route p50 %.2f ms / store.LoadJournal p50 %.2f ms, median of %d runs; target ≤ 1.5",
		median(got["route-ms"]), median(got["load-ms"]), len(got["ratio"]))
	l.missed = r > 1.5
	return l
}

// readLines measures the read routes; the floor is the cheapest
// authenticated API read, the cost of HTTP, auth and routing alone.
func readLines(c *client, f *fixture, samples int) ([]line, error) {
	limit := 2 * time.Minute
	floor, _, err := p50(c, "/api/collections/pain_scores/records?perPage=1&skipTotal=1", f.userToken, 3, samples, limit)
	if err != nil {
		return nil, err
	}
	floorNote := fmt.Sprintf("; floor: 1-row authenticated list p50 %.2f ms", floor)
	ins, _, err := p50Every(c, uncached("/api/mend/insights?", f.last, 1100), f.userToken, 3, samples, 0, limit)
	if err != nil {
		return nil, err
	}
	chart, _, err := p50Every(c, uncached("/api/mend/charts/pain-trend?", f.last, 365), f.userToken, 3, samples, 0, limit)
	if err != nil {
		return nil, err
	}
	lines := []line{
		{name: "insights_p50_ms", value: fmt.Sprintf("%.1f", ins), note: "1,100 days, target ≤ 30" + floorNote, missed: ins > 30},
		{name: "chart_p50_ms", value: fmt.Sprintf("%.1f", chart), note: "pain-trend, 365 days" + floorNote},
	}
	html := reportLine(c, f, "report_html_p50_ms", "html", 3, samples)
	pdf := reportLine(c, f, "report_pdf_warm_p50_ms", "pdf", 1, 5)
	return append(lines, html, pdf), nil
}

// reportLine measures GET /api/mend/report over a year, or says why not:
// the route may not exist yet (unknown paths fall back to the web app's
// index.html, so a real report is recognised by its attachment header)
// and PDF needs Chromium (a 503 otherwise).
func reportLine(c *client, f *fixture, name, format string, warm, samples int) line {
	path := "/api/mend/report?format=" + format + "&" + period(f.last, 365)
	l := line{name: name, value: "n/a"}
	_, res, err := c.timed("GET", path, f.userToken, nil, http.StatusOK)
	switch {
	case res.status == http.StatusNotFound ||
		(res.status == http.StatusOK && !strings.Contains(res.header.Get("Content-Disposition"), "attachment")):
		l.value += " (route missing)"
		return l
	case res.status == http.StatusServiceUnavailable:
		l.value += fmt.Sprintf(" (%.200s)", res.body)
		return l
	case err != nil:
		l.value += " (" + err.Error() + ")"
		return l
	}
	ms, _, err := p50(c, path, f.userToken, warm, samples, 2*time.Minute)
	if err != nil {
		l.value += " (" + err.Error() + ")"
		return l
	}
	l.value, l.note = fmt.Sprintf("%.1f", ms), fmt.Sprintf("365 days, %d bytes, after %d warm-up", len(res.body), warm+1)
	return l
}

// writeResult is the write measurements' lines.
type writeResult struct{ ratio, perSecond, rss line }

// writeLines measures creates: the sequential interleaved ratio, then the
// concurrent load on the twin (baseline) and on pain_scores with RSS.
func writeLines(s *server, c *client, f *fixture, o options) (*writeResult, error) {
	hooked, twin, err := interleaved(c, f, o.pairs, time.Minute)
	if err != nil {
		return nil, err
	}
	ratio := median(hooked) / median(twin)
	idle, _ := s.rssKiB()
	base := createLoad(c, f, twinName, o.creates, o.workers, o.loadLimit)
	rss := s.sampleRSS()
	load := createLoad(c, f, "pain_scores", o.creates, o.workers, o.loadLimit)
	maxRSS := rss.stop()
	if load.firstErr != nil || base.firstErr != nil {
		return nil, fmt.Errorf("create load: %d and %d failed: %v", load.fail, base.fail, cmpOr(load.firstErr, base.firstErr))
	}
	return &writeResult{
		ratio: line{name: "hook_overhead_ratio", value: fmt.Sprintf("%.2f", ratio), missed: ratio > 1.25,
			note: fmt.Sprintf("sequential create p50 %.2f ms with hooks / %.2f ms twin, %d interleaved pairs; target ≤ 1.25",
				median(hooked), median(twin), len(hooked))},
		perSecond: line{name: "create_per_second", value: fmt.Sprintf("%.0f", load.perSecond), missed: load.perSecond < 800,
			note: fmt.Sprintf("%d creates at concurrency %d; twin without hooks %.0f/s; target ≥ 800",
				load.ok, o.workers, base.perSecond)},
		rss: line{name: "rss_mb_under_load", value: fmt.Sprintf("%.0f", maxRSS),
			note: fmt.Sprintf("max VmRSS during the pain_scores load; idle before loads %.0f MB", float64(idle)/1024)},
	}, nil
}
