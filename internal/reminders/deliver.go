package reminders

import "slices"

// Reach is what can carry a reminder at the moment the job looks.
type Reach struct {
	// Mail is true when the server can send mail (SMTP is set up) and her
	// address is verified: Mend never mails an unconfirmed address.
	Mail bool
	// Devices is how many push subscriptions she has.
	Devices int
}

// Deliverable lists the chosen channels that can carry a reminder now, in
// the order chosen. When it is empty the job must not settle the day: a
// parent who turns on email before confirming her address, or push before
// allowing notifications, would otherwise lose that day's reminder without
// any sign, and the job would never try again.
func Deliverable(chosen []string, r Reach) []string {
	var out []string
	for _, c := range chosen {
		ok := (c == Email && r.Mail) || (c == Push && r.Devices > 0)
		if ok && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}
