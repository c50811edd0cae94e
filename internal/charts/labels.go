package charts

import "github.com/mend-app/mend/internal/journal"

// Label returns the readable name of a pain area or relief code, such as
// "Lower back" for "lower_back": journal.Label, the one vocabulary the web
// app and the report share.
func Label(code string) string { return journal.Label(code) }
