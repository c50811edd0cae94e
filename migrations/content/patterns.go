package seedcontent

import _ "embed"

// PatternsArticle is "How Mend finds patterns in your log" (issue 9), loaded
// by migration 1765000100. It lives apart from FS on purpose: the first seed
// migration loads every file in FS, so a piece added there would change what
// an already applied migration does.
//
//go:embed patterns/how-mend-finds-patterns.md
var PatternsArticle []byte
