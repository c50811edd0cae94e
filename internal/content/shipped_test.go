package content_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/content"
	"github.com/mend-app/mend/internal/journal"
	seedcontent "github.com/mend-app/mend/migrations/content"
)

// loadShipped loads the embedded seed content, failing the test on any
// invalid file so the error names the file and key to fix.
func loadShipped(t *testing.T) ([]content.Article, []content.Exercise) {
	t.Helper()
	articles, exercises, err := content.Load(seedcontent.FS)
	if err != nil {
		t.Fatalf("shipped content does not load:\n%v", err)
	}
	return articles, exercises
}

var tagPattern = regexp.MustCompile(`<[^>]*>`)

// text strips tags so word counts and phrase checks see what a reader sees.
func text(html string) string {
	return strings.Join(strings.Fields(tagPattern.ReplaceAllString(html, " ")), " ")
}

func TestShippedCounts(t *testing.T) {
	t.Parallel()
	articles, exercises := loadShipped(t)
	if len(articles) < 9 {
		t.Errorf("%d articles, want at least 9", len(articles))
	}
	if len(exercises) < 10 {
		t.Errorf("%d exercises, want at least 10", len(exercises))
	}
}

func TestShippedCategoriesCovered(t *testing.T) {
	t.Parallel()
	articles, _ := loadShipped(t)
	seen := map[string]bool{}
	for _, a := range articles {
		seen[a.Category] = true
	}
	for _, c := range journal.Categories {
		if !seen[c] {
			t.Errorf("no article in category %q", c)
		}
	}
}

func TestShippedSlugsUniqueAndURLSafe(t *testing.T) {
	t.Parallel()
	articles, exercises := loadShipped(t)
	urlSafe := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seen := map[string]string{}
	check := func(kind, slug string) {
		if !urlSafe.MatchString(slug) {
			t.Errorf("%s slug %q is not URL-safe", kind, slug)
		}
		if prev, ok := seen[kind+"/"+slug]; ok {
			t.Errorf("%s slug %q used twice (%s)", kind, slug, prev)
		}
		seen[kind+"/"+slug] = slug
	}
	for _, a := range articles {
		check("article", a.Slug)
	}
	for _, x := range exercises {
		check("exercise", x.Slug)
	}
}

// The safety guidance links to this slug; every red flag of DESIGN.md and
// both milestones must be on the page it opens.
func TestShippedWhenToSeekCare(t *testing.T) {
	t.Parallel()
	articles, _ := loadShipped(t)
	i := slices.IndexFunc(articles, func(a content.Article) bool { return a.Slug == "when-to-seek-care" })
	if i < 0 {
		t.Fatal(`no article with slug "when-to-seek-care"`)
	}
	a := articles[i]
	if a.Category != "when_to_seek_care" || !slices.Contains(a.Topics, "red_flags") || a.WeeksFrom != 0 || a.WeeksTo != 0 {
		t.Errorf("when-to-seek-care header: category %q topics %v weeks %d–%d", a.Category, a.Topics, a.WeeksFrom, a.WeeksTo)
	}
	body := strings.ToLower(text(a.Body))
	for _, phrase := range []string{
		"pain radiating down a leg", "numbness", "tingling", "weakness in a leg",
		"see a clinician promptly",
		"bladder or bowels", "fever with back pain", "severe pain at night", "urgent care",
		"after a fall",
		"discomfort during an exercise", "stop that exercise", "physical therapist",
		"6-week", "about 6 weeks", "ob-gyn", "pelvic-floor or postpartum physical therapist", "self-refer",
		"past about 6 months", "needs an evaluation",
		"does not diagnose",
	} {
		if !strings.Contains(body, phrase) {
			t.Errorf("when-to-seek-care does not mention %q", phrase)
		}
	}
}

func TestShippedArticlesAreRealPieces(t *testing.T) {
	t.Parallel()
	articles, _ := loadShipped(t)
	for _, a := range articles {
		t.Run(a.Slug, func(t *testing.T) {
			t.Parallel()
			words := len(strings.Fields(text(a.Body)))
			if words < 250 {
				t.Errorf("%d words, want at least 250", words)
			}
			if n := strings.Count(a.Body, "<p>"); n < 4 {
				t.Errorf("%d paragraphs, want several", n)
			}
			if strings.Contains(a.Body, "<h1") {
				t.Error("the app shows the title; the body starts at h2")
			}
			if a.Slug != "when-to-seek-care" && !strings.Contains(text(a.Body), "When to seek care") {
				t.Error("does not point to When to seek care")
			}
			assertSafeHTML(t, a.Body)
		})
	}
}

// Topics DESIGN.md's domain facts ask the library to cover, by article.
func TestShippedArticlesCoverDomainFacts(t *testing.T) {
	t.Parallel()
	articles, _ := loadShipped(t)
	bySlug := map[string]string{}
	for _, a := range articles {
		bySlug[a.Slug] = strings.ToLower(text(a.Body))
	}
	scenarios := map[string][]string{
		"why-your-back-hurts":  {"relaxin", "pelvic floor", "diastasis recti", "car seat", "one hip"},
		"relief-at-home":       {"15 minutes", "belly wrap", "lumbar belt", "nursing pillow", "rest", "ask for help"},
		"feeding-posture":      {"support your back", "stool", "up to your chest", "cradle", "football", "side-lying"},
		"lifting-and-carrying": {"face the baby", "stand close", "hips and knees", "deep core", "midline", "switch sides"},
		"sleep-and-stress":     {"breathing", "yoga", "emotional triggers", "journal"},
		"everyday-habits":      {"water", "sleep", "help"},
		"what-to-avoid":        {"too soon", "planks", "crunches", "persistent", "painkillers", "carrier", "stroller"},
		"starting-gently":      {"pelvic floor", "transverse-abdominis", "kegels", "bridges"},
		"reading-your-trends":  {"association", "not prove", "2 points", "30%"},
	}
	for slug, phrases := range scenarios {
		body, ok := bySlug[slug]
		if !ok {
			t.Errorf("no article %q", slug)
			continue
		}
		for _, p := range phrases {
			if !strings.Contains(body, p) {
				t.Errorf("%s does not mention %q", slug, p)
			}
		}
	}
}

func TestShippedExercises(t *testing.T) {
	t.Parallel()
	_, exercises := loadShipped(t)
	have := map[string]bool{}
	for _, x := range exercises {
		have[x.Slug] = true
		t.Run(x.Slug, func(t *testing.T) {
			t.Parallel()
			if !strings.Contains(x.Steps, "<ol>") || strings.Count(x.Steps, "<li>") < 3 {
				t.Error("steps are not a numbered list of at least 3 steps")
			}
			c := strings.ToLower(x.Cautions)
			for _, p := range []string{"stop if it hurts", "pressure", "heaviness", "physical therapist"} {
				if !strings.Contains(c, p) {
					t.Errorf("cautions do not say %q", p)
				}
			}
			assertSafeHTML(t, x.Steps)
		})
	}
	for _, slug := range []string{
		"pelvic-tilt", "transverse-abdominis-activation", "kegels", "glute-bridge", "cat-cow",
		"childs-pose", "hip-flexor-stretch", "standing-pelvic-circles", "band-scapular-retraction",
		"doorway-chest-stretch",
	} {
		if !have[slug] {
			t.Errorf("no exercise %q", slug)
		}
	}
}

// Bridges come after the deep core, and later still after a cesarean.
func TestShippedExerciseOrder(t *testing.T) {
	t.Parallel()
	_, exercises := loadShipped(t)
	week := map[string]content.Exercise{}
	for _, x := range exercises {
		week[x.Slug] = x
	}
	bridge, core := week["glute-bridge"], week["transverse-abdominis-activation"]
	if bridge.EarliestWeek <= core.EarliestWeek || bridge.EarliestWeekCesarean <= bridge.EarliestWeek {
		t.Errorf("glute bridge weeks %d/%d should follow core activation %d and be later after a cesarean",
			bridge.EarliestWeek, bridge.EarliestWeekCesarean, core.EarliestWeek)
	}
}
