// Command mend runs the Mend journal: PocketBase with Mend's migrations,
// hooks and the embedded web app.
package main

import (
	"embed"
	"io/fs"
	"log"
	"os"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/store"
	_ "github.com/mend-app/mend/migrations"
)

//go:embed all:pb_public
var embedded embed.FS

// devEnv turns on development mode when set to 1. Dev mode prints every SQL
// statement (note text and password hashes included) and turns automigrate
// on, so it is decided only by this variable or PocketBase's --dev flag,
// never by where the binary sits (PocketBase's default treats any binary
// under the temp folder as "go run", which is where CI and many users run it).
const devEnv = "MEND_DEV"

func main() {
	dev := devMode(os.Args[1:], os.Getenv(devEnv))
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDev: dev, DBConnect: store.DBConnect})

	// Automigrate writes migration files from dashboard edits: useful while
	// developing, never in a deployed binary.
	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{Automigrate: dev, Dir: "migrations"})

	// In dev mode, in the repository, the web app is read from disk so
	// edits show on reload; everywhere else the embedded copy is served.
	public, err := fs.Sub(embedded, "pb_public")
	if err != nil {
		log.Fatal(err)
	}
	if _, statErr := os.Stat("pb_public/index.html"); dev && statErr == nil {
		public = os.DirFS("pb_public")
	}
	if err := hooks.Register(app, hooks.Config{Public: public}); err != nil {
		log.Fatal(err)
	}
	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// devMode reports whether Mend runs in development mode: MEND_DEV=1, or
// PocketBase's --dev flag, which wins either way (--dev=false turns it off).
// The flag is read here as well as by PocketBase because automigrate must be
// decided before the app starts and parses its flags.
func devMode(args []string, env string) bool {
	dev := env == "1"
	for _, a := range args {
		switch a {
		case "--dev", "-dev", "--dev=true", "-dev=true", "--dev=1":
			dev = true
		case "--dev=false", "-dev=false", "--dev=0":
			dev = false
		}
	}
	return dev
}
