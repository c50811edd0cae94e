package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(deleteUsersAvatar, restoreUsersAvatar, "1765000500_delete_users_avatar.go")
}

// deleteUsersAvatar removes PocketBase's built-in users.avatar. Mend never
// shows avatars, and the field accepted any file whose first bytes looked
// like an image: a .js file with a GIF header was stored as *.js and served
// from the app's own origin, where the web app's CSP (script-src 'self')
// would let a <script src> run it. Without the field nothing is stored.
func deleteUsersAvatar(app core.App) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return fmt.Errorf("migrations: unable to find users: %w", err)
	}
	if users.Fields.GetByName("avatar") == nil {
		return nil
	}
	users.Fields.RemoveByName("avatar")
	if err := app.Save(users); err != nil {
		return fmt.Errorf("migrations: unable to remove users.avatar: %w", err)
	}
	return nil
}

// restoreUsersAvatar puts back PocketBase's default field (empty: the files
// were deleted with the field).
func restoreUsersAvatar(app core.App) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return fmt.Errorf("migrations: unable to find users: %w", err)
	}
	users.Fields.Add(&core.FileField{Name: "avatar", MaxSelect: 1,
		MimeTypes: []string{"image/jpeg", "image/png", "image/svg+xml", "image/gif", "image/webp"}})
	return app.Save(users)
}
