package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(updateSettings, nil, "1764000001_update_settings.go")
}

// updateSettings turns on the safety settings PocketBase leaves off by default.
func updateSettings(app core.App) error {
	s := app.Settings()
	s.Meta.AppName = "Mend"
	// Health data: keep request logs short-lived and without client IPs.
	s.Logs.MaxDays = 7
	s.Logs.LogIP = false
	// The web app syncs an offline queue with the batch API.
	s.Batch.Enabled = true
	s.Batch.MaxRequests = 100
	s.Batch.Timeout = 10
	s.RateLimits.Enabled = true
	s.RateLimits.Rules = RateLimitRules()
	if err := app.Save(s); err != nil {
		return fmt.Errorf("migrations: unable to save settings: %w", err)
	}
	return nil
}

// RateLimitRules are the per-client-IP limits Mend ships with. Sign-in
// attempts are throttled hard enough to stop password guessing (10 a minute),
// while creates allow a bulk sync of a week's offline readings in one go.
func RateLimitRules() []core.RateLimitRule {
	return []core.RateLimitRule{
		{Label: "*:auth", MaxRequests: 10, Duration: 60},
		{Label: "*:requestPasswordReset", MaxRequests: 3, Duration: 60},
		{Label: "*:requestVerification", MaxRequests: 3, Duration: 60},
		{Label: "users:create", MaxRequests: 10, Duration: 60, Audience: core.RateLimitRuleAudienceGuest},
		{Label: "*:create", MaxRequests: 300, Duration: 10},
		{Label: "/api/batch", MaxRequests: 10, Duration: 1},
		{Label: "/api/mend/report", MaxRequests: 20, Duration: 60},
		{Label: "/api/", MaxRequests: 600, Duration: 10},
	}
}
