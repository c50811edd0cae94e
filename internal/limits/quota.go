package limits

import "fmt"

// Stored-report quota per user. A clinician report a parent hands over is
// usually the last 90 days: a PDF of a few hundred KB. Twenty reports are a
// report for every visit of a busy year (6-week check, PT every few weeks,
// OB-GYN) with room to keep older ones, and 50 MB holds twenty 5-year HTML
// reports at their bound of 3 MB with room to spare, while 2,000 users at
// the full quota stay under 100 GB of disk. Expired and revoked reports
// count until their owner deletes them: the file is still on disk.
const (
	// MaxReports is the most stored reports a user keeps.
	MaxReports = 20
	// MaxReportBytes is the most bytes of stored report files a user keeps.
	MaxReportBytes = 50 << 20
)

// Usage is what a user stores now.
type Usage struct {
	Reports int
	Bytes   int64
}

// QuotaProblem is a refusal by CheckQuota, in words a person can act on.
type QuotaProblem struct {
	Message string
}

func (p *QuotaProblem) Error() string { return p.Message }

// QuotaCode is the machine name of a stored-report quota refusal (brief
// contract 3: data.quota.code).
const QuotaCode = "quota_reports"

// CheckQuota says whether a user with usage u may store one more report of
// size bytes (0 when the size is not known yet: only the count and the bytes
// already stored are checked). The error is a *QuotaProblem.
func CheckQuota(u Usage, size int64) error {
	if u.Reports >= MaxReports {
		return &QuotaProblem{Message: fmt.Sprintf(
			"You have %d saved reports, the most Mend keeps. Delete an older one to save a new report.", u.Reports)}
	}
	if u.Bytes+size > MaxReportBytes {
		return &QuotaProblem{Message: fmt.Sprintf(
			"Your saved reports use %s of the %s Mend keeps for you, and this one needs %s. Delete an older report to save a new one.",
			mb(u.Bytes), mb(MaxReportBytes), mb(size))}
	}
	return nil
}

// mb writes bytes as megabytes with one decimal, the way people read sizes.
func mb(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/(1<<20)) }
