package reporttest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// EChartsVersion is the pinned ECharts release (DESIGN.md).
const EChartsVersion = "5.6.0"

// cacheDir holds a copy fetched with npm when the vendored file is absent,
// shared by every test run on the machine.
var cacheDir = filepath.Join(os.TempDir(), "mend-echarts-"+EChartsVersion)

// EChartsJS returns the real echarts.min.js: the vendored copy under
// pb_public/vendor/echarts@5.6.0 when present, else a copy fetched once
// with `npm pack echarts@5.6.0` into a temp directory. It skips the test
// when neither is possible (fails when CI=true), because a browser test
// with a fake ECharts would prove nothing.
func EChartsJS(tb testing.TB) []byte {
	tb.Helper()
	if root, ok := moduleRoot(); ok {
		if b, err := os.ReadFile(filepath.Join(root, "pb_public", "vendor", "echarts@"+EChartsVersion, "echarts.min.js")); err == nil {
			return b
		}
	}
	cached := filepath.Join(cacheDir, "package", "dist", "echarts.min.js")
	if b, err := os.ReadFile(cached); err == nil {
		return b
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		skipOrFail(tb, "echarts: %v", err)
	}
	pack := exec.Command("npm", "pack", "--silent", "echarts@"+EChartsVersion)
	pack.Dir = cacheDir
	if out, err := pack.CombinedOutput(); err != nil {
		skipOrFail(tb, "echarts %s not vendored and npm pack failed: %v\n%s", EChartsVersion, err, out)
	}
	untar := exec.Command("tar", "xzf", "echarts-"+EChartsVersion+".tgz", "package/dist/echarts.min.js")
	untar.Dir = cacheDir
	if out, err := untar.CombinedOutput(); err != nil {
		skipOrFail(tb, "echarts: unpack: %v\n%s", err, out)
	}
	b, err := os.ReadFile(cached)
	if err != nil {
		skipOrFail(tb, "echarts: %v", err)
	}
	return b
}

// SkipOrFail skips a test that lacks an outside tool, except in CI, where a
// missing tool must fail the build rather than pass it silently.
func SkipOrFail(tb testing.TB, format string, args ...any) {
	tb.Helper()
	skipOrFail(tb, format, args...)
}

// A developer without the tool still gets the rest of the suite; the skip
// says how to run this test too.
func skipOrFail(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatalf(format, args...)
	}
	tb.Skipf(format+" (skipped outside CI: `bash .ci/run` installs what the tests need and runs them with CI=true, where this fails instead)", args...)
}

// moduleRoot finds the directory of go.mod above the working directory.
func moduleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
