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
	"github.com/pocketbase/pocketbase/tools/osutils"

	"github.com/mend-app/mend/hooks"
	_ "github.com/mend-app/mend/migrations"
)

//go:embed all:pb_public
var embedded embed.FS

func main() {
	app := pocketbase.New()
	isGoRun := osutils.IsProbablyGoRun()

	// Automigrate writes migration files from dashboard edits: useful while
	// developing with go run, never in a deployed binary.
	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{Automigrate: isGoRun, Dir: "migrations"})

	// Under go run, in the repository, the web app is read from disk so
	// edits show on reload; everywhere else the embedded copy is served.
	public, err := fs.Sub(embedded, "pb_public")
	if err != nil {
		log.Fatal(err)
	}
	if _, statErr := os.Stat("pb_public/index.html"); isGoRun && statErr == nil {
		public = os.DirFS("pb_public")
	}
	if err := hooks.Register(app, hooks.Config{Public: public}); err != nil {
		log.Fatal(err)
	}
	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}
