package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Sign-up asks for the server's 10-character minimum up front: the hint
// says so and a 9-character password gets a field error before any
// request, while sign-in still accepts an older, shorter password.
func TestBrowserSignUpPasswordRule(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	tb := newTab(t, srv, phoneWidth)
	tb.open("/")
	tb.waitJS("the sign-up page", `location.hash === '#/signup' && !!document.querySelector('mend-auth')`)
	if hint := eval[string](tb, `document.getElementById('auth-password-hint').textContent`); !strings.Contains(hint, "10 characters") {
		t.Errorf("password hint = %q, want the 10-character rule", hint)
	}
	tb.fill("Email", "short.pw@example.com")
	tb.fill("Password", "123456789")
	tb.click(button("Create account"))
	tb.waitJS("the password error", `document.getElementById('auth-password-err').textContent.includes('10 characters')`)
	if _, _, code := signInAPI(t, srv, "short.pw@example.com", "123456789"); code == 200 {
		t.Error("an account was created with a 9-character password")
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`location.hash = '#/signin'`))
	tb.waitJS("the sign-in form, not asking 10 characters of existing passwords",
		`location.hash === '#/signin' && !document.getElementById('auth-password-hint') && document.getElementById('auth-password')?.getAttribute('minlength') === '1'`)
}
