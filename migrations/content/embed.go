// Package seedcontent embeds the articles and exercises Mend ships, one
// Markdown file per piece (see README.md beside this file for the format).
// The seed migration passes FS to content.Load from internal/content, which
// validates, renders and sanitizes every piece; keeping the text here as data
// rather than Go literals keeps the migration short and the prose reviewable.
package seedcontent

import "embed"

// FS holds articles/*.md and exercises/*.md. README.md is left out on
// purpose: it documents the format and is not content.
//
//go:embed articles exercises
var FS embed.FS
