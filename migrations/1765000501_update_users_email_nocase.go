package migrations

import (
	"fmt"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/dbutils"
)

func init() {
	m.Register(emailIndexNoCase, emailIndexCaseSensitive, "1765000501_update_users_email_nocase.go")
}

// emailIndexNoCase makes users' email unique regardless of case, so
// ALICE@example.com cannot be registered beside alice@example.com. The
// unique index compares with COLLATE NOCASE (the same as a unique index on
// lower(email) for ASCII, which is what SQLite's lower() folds): it is the
// form PocketBase itself recognises, so sign-in, password reset and email
// change then find the account whatever case is typed.
func emailIndexNoCase(app core.App) error {
	return setEmailCollate(app, "NOCASE")
}

func emailIndexCaseSensitive(app core.App) error {
	return setEmailCollate(app, "")
}

func setEmailCollate(app core.App, collate string) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return fmt.Errorf("migrations: unable to find users: %w", err)
	}
	if collate != "" {
		var dupes int
		err := app.DB().NewQuery("SELECT count(*) FROM (SELECT lower(email) FROM users WHERE email != '' GROUP BY lower(email) HAVING count(*) > 1)").Row(&dupes)
		if err != nil {
			return fmt.Errorf("migrations: unable to check emails: %w", err)
		}
		if dupes > 0 {
			return fmt.Errorf("migrations: %d email addresses are registered more than once in different case; merge or rename those accounts in the dashboard, then start Mend again", dupes)
		}
	}
	for i, idx := range users.Indexes {
		parsed := dbutils.ParseIndex(idx)
		if parsed.Unique && len(parsed.Columns) == 1 && strings.EqualFold(parsed.Columns[0].Name, core.FieldNameEmail) {
			parsed.Columns[0].Collate = collate
			users.Indexes[i] = parsed.Build()
		}
	}
	if err := app.Save(users); err != nil {
		return fmt.Errorf("migrations: unable to update the users email index: %w", err)
	}
	return nil
}
