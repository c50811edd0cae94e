package e2e

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// smtpSink is a minimal SMTP server on loopback that keeps every message.
type smtpSink struct {
	ln   net.Listener
	mu   sync.Mutex
	msgs []sinkMessage
}

type sinkMessage struct {
	To   []string
	Data string
}

func newSMTPSink(t *testing.T) *smtpSink {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpSink{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	return s
}

func (s *smtpSink) port() int { return s.ln.Addr().(*net.TCPAddr).Port }

func (s *smtpSink) serve(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(30 * time.Second))
	r := bufio.NewReader(c)
	say := func(line string) { fmt.Fprintf(c, "%s\r\n", line) }
	say("220 sink ESMTP")
	var cur sinkMessage
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250 sink")
		case strings.HasPrefix(cmd, "MAIL FROM"):
			cur = sinkMessage{}
			say("250 ok")
		case strings.HasPrefix(cmd, "RCPT TO"):
			addr := strings.Trim(strings.TrimSpace(line[len("RCPT TO:"):]), "<>")
			cur.To = append(cur.To, strings.ToLower(addr))
			say("250 ok")
		case cmd == "DATA":
			say("354 go on")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(l)
			}
			cur.Data = b.String()
			s.mu.Lock()
			s.msgs = append(s.msgs, cur)
			s.mu.Unlock()
			say("250 queued")
		case cmd == "QUIT":
			say("221 bye")
			return
		default:
			say("250 ok")
		}
	}
}

func (s *smtpSink) messages() []sinkMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.msgs)
}

// The acceptance, from outside: SMTP pointed at a local sink, the
// job run through PocketBase's cron API as a superuser; exactly the users
// due who have not logged today get one email with no journal content, and
// running it again sends nothing more.
func TestRemindersThroughCronAPI(t *testing.T) {
	t.Parallel()
	sink := newSMTPSink(t)
	srv := startServer(t, "")
	srv.Superuser(t, suEmail, suPassword)
	su := superuserToken(t, srv)
	settings := map[string]any{
		"smtp": map[string]any{"enabled": true, "host": "127.0.0.1", "port": sink.port()},
		"meta": map[string]any{"appURL": srv.URL, "senderAddress": "mend@example.com", "senderName": "Mend"},
	}
	if code := call(t, "PATCH", srv.URL+"/api/settings", su, settings, nil); code != 200 {
		t.Fatalf("settings: %d", code)
	}
	zone := zoneAt(12) // a 04:00 reminder is due, a 23:59 one is not
	const secret = "E2E-SECRET-NOTE"
	users := []struct {
		name, at string
		channels []string
		verified bool
	}{
		{"due1", "04:00", []string{"email"}, true},
		{"due2", "04:00", []string{"email", "push"}, true},
		{"logged", "04:00", []string{"email"}, true},
		{"later", "23:59", []string{"email"}, true},
		{"off", "04:00", []string{}, true},
		{"unverified", "04:00", []string{"email"}, false},
	}
	for _, u := range users {
		// The server's own cron runs every minute and a 04:00 reminder is
		// already due, so each account is made ready (verified, today
		// logged) before its reminder is turned on: a tick at any moment
		// then does what the job run below would do.
		a := newAccount(t, srv, u.name+"@example.com", map[string]any{"timezone": zone})
		if u.verified {
			if code := call(t, "PATCH", srv.URL+"/api/collections/users/records/"+a.ID, su, map[string]any{"verified": true}, nil); code != 200 {
				t.Fatalf("verify %s: %d", u.name, code)
			}
		}
		post(t, srv, a, "pain_scores", map[string]any{"user": a.ID, "day": day(-2), "score": 6, "note": secret})
		if u.name == "logged" {
			post(t, srv, a, "pain_scores", map[string]any{"user": a.ID, "score": 3}) // today's logical day, by the server's rule
		}
		reminder := map[string]any{"reminder_time": u.at, "reminder_channels": u.channels}
		if code := call(t, "PATCH", srv.URL+"/api/collections/users/records/"+a.ID, a.Token, reminder, nil); code != 200 {
			t.Fatalf("turn on reminders for %s: %d", u.name, code)
		}
	}
	runJob := func() {
		if code := call(t, "POST", srv.URL+"/api/crons/mend_reminders", su, nil, nil); code != 204 {
			t.Fatalf("POST /api/crons/mend_reminders = %d", code)
		}
	}
	runJob()
	// The cron API answers at once and runs the job in the background.
	deadline := time.Now().Add(20 * time.Second)
	for len(sink.messages()) < 2 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(time.Second) // room for a wrong third mail to arrive
	check := func(when string) {
		msgs := sink.messages()
		var to []string
		for _, m := range msgs {
			to = append(to, m.To...)
			if strings.Contains(m.Data, secret) || strings.Contains(m.Data, "score") {
				t.Errorf("%s: a reminder carries journal content:\n%s", when, m.Data)
			}
			if !strings.Contains(m.Data, "#/today") || !strings.Contains(m.Data, "#/settings") {
				t.Errorf("%s: a reminder lacks the app or settings link:\n%s", when, m.Data)
			}
		}
		slices.Sort(to)
		if want := []string{"due1@example.com", "due2@example.com"}; !slices.Equal(to, want) {
			t.Fatalf("%s: mailed %v, want %v (zone %s)\n%s", when, to, want, zone, srv.log.String())
		}
	}
	check("first run")
	runJob()
	time.Sleep(2 * time.Second)
	check("second run")
}

// The VAPID key pair is made when the server first starts, kept in the
// data dir with owner-only permissions, and the same after a restart (each
// phone's subscription is bound to it).
func TestVAPIDKeysKeptInDataDir(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	path := filepath.Join(srv.DataDir, "vapid_keys.json")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("no key file after the first start: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	a := newAccount(t, srv, "keys@example.com", nil)
	key := func(s *Server) string {
		var res struct {
			PublicKey string `json:"public_key"`
		}
		if code := call(t, "GET", s.URL+"/api/mend/push/key", a.Token, nil, &res); code != 200 || len(res.PublicKey) != 87 {
			t.Fatalf("GET /api/mend/push/key = %d %q", code, res.PublicKey)
		}
		return res.PublicKey
	}
	first := key(srv)
	srv.Stop(t)
	again := startServerAt(t, strings.TrimPrefix(srv.URL, "http://"), srv.DataDir)
	if k := key(again); k != first {
		t.Errorf("public key changed across a restart: %s then %s", first, k)
	}
}
