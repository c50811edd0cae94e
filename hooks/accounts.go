package hooks

import (
	"errors"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// Plain words for signing up with an email that already has an account
// (compared regardless of case, see migration 1765000501). The field code
// stays PocketBase's validation_not_unique, which clients already handle.
const (
	msgEmailTaken      = "This email address already has a Mend account. Sign in, or reset the password if you forgot it."
	msgEmailTakenField = "This email address already has a Mend account."
)

// plainDuplicateEmail rewords PocketBase's "Failed to create record." /
// "Value must be unique" answer when the email is taken.
func plainDuplicateEmail(e *core.RecordRequestEvent) error {
	err := e.Next()
	var apiErr *router.ApiError
	if err == nil || !errors.As(err, &apiErr) {
		return err
	}
	field, ok := apiErr.Data[core.FieldNameEmail].(map[string]any)
	if !ok || field["code"] != "validation_not_unique" {
		return err
	}
	return apis.NewBadRequestError(msgEmailTaken, validation.Errors{
		core.FieldNameEmail: validation.NewError("validation_not_unique", msgEmailTakenField),
	})
}

// refuseAccountFiles answers 400 to a sign-up or profile change that carries
// a file. Accounts have no file field (users.avatar was removed: a script
// with an image header was served from the app's origin), and PocketBase
// silently drops a file for an unknown field, which reads as "accepted".
func refuseAccountFiles(e *core.RecordRequestEvent) error {
	if form := e.Request.MultipartForm; form != nil {
		for name := range form.File {
			return apis.NewBadRequestError("Mend does not keep pictures or other files on accounts.",
				validation.Errors{name: validation.NewError("validation_no_files", "Accounts take no files.")})
		}
	}
	return e.Next()
}
