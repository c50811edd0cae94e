package hooks

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

// ServiceWorkerPath is the service worker's file in the web app. Served
// from the root, its default scope is the whole app.
const ServiceWorkerPath = "sw.js"

// versionMarker in sw.js is replaced by a hash of the whole web app, so any
// change to any file makes a new worker with new cache names: a browser never
// keeps serving old files, and never mixes files of two versions.
const versionMarker = "__MEND_VERSION__"

var (
	shellStart = []byte("/* shell:start */")
	shellEnd   = []byte("/* shell:end */")
)

// ServiceWorkerShell reads the app-shell list from sw.js: the JSON array
// between the shell:start and shell:end markers. The list lives in sw.js
// only; a test checks it against the files in pb_public.
func ServiceWorkerShell(sw []byte) ([]string, error) {
	_, rest, ok := bytes.Cut(sw, shellStart)
	if !ok {
		return nil, errors.New("hooks: sw.js has no shell:start marker")
	}
	list, _, ok := bytes.Cut(rest, shellEnd)
	if !ok {
		return nil, errors.New("hooks: sw.js has no shell:end marker")
	}
	var files []string
	if err := json.Unmarshal(list, &files); err != nil {
		return nil, errors.New("hooks: the shell list in sw.js is not a JSON array of paths")
	}
	return files, nil
}

// WebAppVersion hashes every file of the web app (paths and contents).
func WebAppVersion(public fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(public, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(public, path)
		if err != nil {
			return err
		}
		h.Write([]byte(path))
		h.Write([]byte{0})
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// bindServiceWorker serves sw.js with its version filled in and
// Cache-Control: no-cache, so browsers check for a new worker on every visit
// (the static handler would let it be cached). The version is computed once:
// the embedded web app cannot change while the server runs (under go run,
// restart to pick up edits).
func bindServiceWorker(public fs.FS) func(*core.ServeEvent) error {
	return func(se *core.ServeEvent) error {
		if public == nil {
			return se.Next()
		}
		src, err := fs.ReadFile(public, ServiceWorkerPath)
		if errors.Is(err, fs.ErrNotExist) {
			return se.Next() // test apps with a minimal web app
		}
		if err != nil {
			return err
		}
		version, err := WebAppVersion(public)
		if err != nil {
			return err
		}
		body := bytes.ReplaceAll(src, []byte(versionMarker), []byte(version))
		se.Router.GET("/"+ServiceWorkerPath, func(e *core.RequestEvent) error {
			e.Response.Header().Set("Cache-Control", "no-cache")
			return e.Blob(http.StatusOK, "text/javascript; charset=utf-8", body)
		})
		return se.Next()
	}
}
