package reminders

import (
	"html/template"
	"strings"
)

// Message is the text of a reminder. It never carries journal content: a
// mailbox or a lock screen is not private, so it names no score, note, day
// logged or missed, only that Mend is there.
type Message struct {
	Subject string
	Text    string
	HTML    string
}

// Links are the two places a reminder points to.
type Links struct {
	Today    string // opens the daily log
	Settings string // where reminders are changed or turned off
}

// LinksFor builds the links from the Application URL setting; an empty URL
// gives relative links, which a push notification resolves on its origin.
func LinksFor(appURL string) Links {
	base := strings.TrimRight(strings.TrimSpace(appURL), "/")
	return Links{Today: base + "/#/today", Settings: base + "/#/settings"}
}

var mailHTML = template.Must(template.New("mail").Parse(`<!doctype html>
<html lang="en"><body style="font-family:sans-serif;line-height:1.5;color:#2b2230">
<p>Hello,</p>
<p>This is your gentle reminder from {{.App}}: if you have a moment, a quick note of how today went takes less than a minute.</p>
<p><a href="{{.Links.Today}}">Open {{.App}}</a></p>
<p>Busy day? That is fine. Whatever you manage to log is enough.</p>
<p style="color:#6b6070;font-size:90%">You get this because you turned on email reminders. To change the time or stop them, open <a href="{{.Links.Settings}}">Settings</a> and choose "Turn reminders off".</p>
</body></html>`))

// EmailMessage is the reminder email. appName comes from the dashboard's
// Application name (Mend by default); html/template escapes it and the links.
func EmailMessage(appName, appURL string) (Message, error) {
	if strings.TrimSpace(appName) == "" {
		appName = "Mend"
	}
	links := LinksFor(appURL)
	var b strings.Builder
	if err := mailHTML.Execute(&b, struct {
		App   string
		Links Links
	}{appName, links}); err != nil {
		return Message{}, err
	}
	text := "Hello,\n\n" +
		"This is your gentle reminder from " + appName + ": if you have a moment, a quick note of how today went takes less than a minute.\n\n" +
		"Open " + appName + ": " + links.Today + "\n\n" +
		"Busy day? That is fine. Whatever you manage to log is enough.\n\n" +
		"You get this because you turned on email reminders. To change the time or stop them, open Settings (" + links.Settings + ") and choose \"Turn reminders off\".\n"
	return Message{Subject: "A moment for your " + appName + " log?", Text: text, HTML: b.String()}, nil
}

// PushPayload is the JSON the service worker turns into a notification
// (pb_public/sw.js reads title, body, url and tag). The tag makes a second
// notification replace the first instead of stacking.
func PushPayload() []byte {
	return []byte(pushPayload)
}

const pushPayload = `{"title":"Mend","body":"A moment to log how today went?","url":"/#/today","tag":"mend-reminder"}`
