package migrations

import (
	"fmt"
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addReportRateLimits, removeReportRateLimits, "1764000003_update_rate_limits.go")
}

// reportRateLimits cover the routes issue 4 added. Share links are open to
// anyone holding one, so guessing is throttled per client IP (the 256-bit
// token makes guessing hopeless anyway; this also caps scraping). Storing a
// report renders it, possibly as a PDF, so it gets the download's limit.
var reportRateLimits = []core.RateLimitRule{
	{Label: "/r/", MaxRequests: 30, Duration: 60},
	{Label: "POST /api/mend/reports", MaxRequests: 20, Duration: 60},
}

// addReportRateLimits adds the rules that are not there yet, keeping any an
// operator has set in the dashboard since.
func addReportRateLimits(app core.App) error {
	s := app.Settings()
	for _, rule := range reportRateLimits {
		if !slices.ContainsFunc(s.RateLimits.Rules, func(r core.RateLimitRule) bool { return r.Label == rule.Label }) {
			s.RateLimits.Rules = append(s.RateLimits.Rules, rule)
		}
	}
	if err := app.Save(s); err != nil {
		return fmt.Errorf("migrations: unable to add report rate limits: %w", err)
	}
	return nil
}

func removeReportRateLimits(app core.App) error {
	s := app.Settings()
	s.RateLimits.Rules = slices.DeleteFunc(s.RateLimits.Rules, func(r core.RateLimitRule) bool {
		return slices.ContainsFunc(reportRateLimits, func(x core.RateLimitRule) bool { return x.Label == r.Label })
	})
	if err := app.Save(s); err != nil {
		return fmt.Errorf("migrations: unable to remove report rate limits: %w", err)
	}
	return nil
}
