package reminders_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/reminders"
)

func TestEmailMessage(t *testing.T) {
	t.Parallel()
	m, err := reminders.EmailMessage(`Mend <b>&`, "https://mend.example/")
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{m.Text, m.HTML} {
		for _, want := range []string{"https://mend.example/#/today", "https://mend.example/#/settings", "Turn reminders off"} {
			if !strings.Contains(part, want) {
				t.Errorf("message lacks %q:\n%s", want, part)
			}
		}
	}
	if strings.Contains(m.HTML, "<b>") || !strings.Contains(m.HTML, "Mend &lt;b&gt;&amp;") {
		t.Errorf("app name not escaped in HTML:\n%s", m.HTML)
	}
	if len(m.Text) > 600 {
		t.Errorf("reminder text is %d bytes; keep it short", len(m.Text))
	}
	def, err := reminders.EmailMessage(" ", "")
	if err != nil || !strings.Contains(def.Subject, "Mend") {
		t.Errorf("empty app name: subject %q, %v", def.Subject, err)
	}
}

func TestPushPayload(t *testing.T) {
	t.Parallel()
	var p map[string]string
	if err := json.Unmarshal(reminders.PushPayload(), &p); err != nil {
		t.Fatal(err)
	}
	if p["url"] != "/#/today" || p["title"] == "" || p["body"] == "" || p["tag"] == "" {
		t.Errorf("payload %v", p)
	}
	if len(p) != 4 {
		t.Errorf("payload carries more than title, body, url and tag: %v", p)
	}
}

func TestLinksFor(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"": "/#/today", "http://127.0.0.1:8090": "http://127.0.0.1:8090/#/today", " https://a.example// ": "https://a.example/#/today"} {
		if got := reminders.LinksFor(in).Today; got != want {
			t.Errorf("LinksFor(%q).Today = %q, want %q", in, got, want)
		}
	}
}
