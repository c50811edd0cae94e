package e2e

import (
	"maps"
	"slices"
	"testing"
	"time"
)

// TestBackupRestore is issue 6's backup acceptance, through PocketBase's own
// API as an operator would use it: back up, change the journal, restore,
// and find the journal exactly as it was. Restoring replaces pb_data and
// re-executes the binary in place (same PID), so the test also checks the
// server comes back by itself and still stops cleanly.
func TestBackupRestore(t *testing.T) {
	s := startServer(t, newDataDir(t))
	su := superuserToken(t, s)
	userID, token := signUp(t, s, "backup@example.com")
	pid := s.cmd.Process.Pid

	var kept []string
	for i, score := range []int{2, 5, 7} {
		var rec struct{ ID string }
		day := time.Now().UTC().AddDate(0, 0, -i).Format("2006-01-02")
		if code := call(t, "POST", s.URL+"/api/collections/pain_scores/records", token,
			map[string]any{"user": userID, "day": day, "score": score, "note": "as it was"}, &rec); code != 200 {
			t.Fatalf("create = %d", code)
		}
		kept = append(kept, rec.ID)
	}
	before := recordIDs(t, s, token, "pain_scores")

	if code := call(t, "POST", s.URL+"/api/backups", su, map[string]string{"name": "before_change.zip"}, nil); code != 204 {
		t.Fatalf("create backup = %d\n%s", code, s.log.String())
	}
	var backups []struct{ Key string }
	if code := call(t, "GET", s.URL+"/api/backups", su, nil, &backups); code != 200 || len(backups) != 1 || backups[0].Key != "before_change.zip" {
		t.Fatalf("backups = %d %+v", code, backups)
	}
	if code := call(t, "POST", s.URL+"/api/backups", token, map[string]string{"name": "user.zip"}, nil); code != 403 && code != 401 {
		t.Errorf("a user created a backup: %d", code)
	}

	// Change the journal: one reading deleted, one edited, one added.
	if code := call(t, "DELETE", s.URL+"/api/collections/pain_scores/records/"+kept[0], token, nil, nil); code != 204 {
		t.Fatalf("delete = %d", code)
	}
	if code := call(t, "PATCH", s.URL+"/api/collections/pain_scores/records/"+kept[1], token, map[string]any{"note": "changed"}, nil); code != 200 {
		t.Fatalf("update = %d", code)
	}
	if code := call(t, "POST", s.URL+"/api/collections/pain_scores/records", token,
		map[string]any{"user": userID, "score": 9}, nil); code != 200 {
		t.Fatalf("create after backup = %d", code)
	}
	if after := recordIDs(t, s, token, "pain_scores"); maps.Equal(after, before) {
		t.Fatal("the change did not change the journal")
	}

	if code := call(t, "POST", s.URL+"/api/backups/before_change.zip/restore", su, nil, nil); code != 204 {
		t.Fatalf("restore = %d\n%s", code, s.log.String())
	}
	waitRestored(t, s, token, before)

	var rec struct{ Note string }
	if code := call(t, "GET", s.URL+"/api/collections/pain_scores/records/"+kept[1], token, nil, &rec); code != 200 || rec.Note != "as it was" {
		t.Errorf("edited reading after restore = %d %q, want the note as it was", code, rec.Note)
	}
	if s.cmd.Process.Pid != pid || s.cmd.ProcessState != nil {
		t.Fatalf("the server process did not survive the restore in place\n%s", s.log.String())
	}
	s.Stop(t)
	integrityCheck(t, s.DataDir)
}

// waitRestored polls until the restarted server answers with the backed-up
// readings. The restore runs a second after its 204 and re-executes the
// process, so answers from the old process come first.
func waitRestored(t *testing.T, s *Server, token string, want map[string]bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	var got map[string]bool
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		ids, err := tryRecordIDs(s, token, "pain_scores")
		if err != nil {
			continue // restarting
		}
		if got = ids; maps.Equal(got, want) {
			return
		}
	}
	t.Fatalf("after restore the readings are %v, want %v\n%s",
		slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)), s.log.String())
}
