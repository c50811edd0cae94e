package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(updateAuthSettings, nil, "1765000502_update_auth_settings.go")
}

const (
	// UserPasswordMin is the shortest password a user may set. The journal
	// holds health data, and sign-ins are only rate limited per IP address,
	// so a guessing attack spread over many addresses meets the password
	// alone: ten characters (NIST SP 800-63B allows 8 as a floor; OWASP's
	// guidance and most password managers start well above it) keep that out
	// of reach while a passphrase stays easy to type on a phone.
	UserPasswordMin = 10
	// UserTokenDays is how long a user's sign-in lasts without use. The web
	// app renews the token each time it opens (authRefresh), so a parent who
	// uses Mend weekly never signs in again, while a token copied from a lost
	// or shared phone stops working two weeks after that phone last opened
	// Mend. Changing the password revokes every token at once.
	UserTokenDays = 14
	// SuperuserTokenHours is PocketBase's default for the dashboard, kept on
	// purpose: an operator signs in for a task, not for weeks.
	SuperuserTokenHours = 24
)

// updateAuthSettings sets the sign-in defaults above for users and superusers.
func updateAuthSettings(app core.App) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return fmt.Errorf("migrations: unable to find users: %w", err)
	}
	if pw, ok := users.Fields.GetByName(core.FieldNamePassword).(*core.PasswordField); ok {
		pw.Min = UserPasswordMin
	}
	users.AuthToken.Duration = UserTokenDays * 24 * 60 * 60
	if err := app.Save(users); err != nil {
		return fmt.Errorf("migrations: unable to update users auth options: %w", err)
	}
	su, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		return fmt.Errorf("migrations: unable to find superusers: %w", err)
	}
	su.AuthToken.Duration = SuperuserTokenHours * 60 * 60
	if err := app.Save(su); err != nil {
		return fmt.Errorf("migrations: unable to update superusers auth options: %w", err)
	}
	return nil
}
