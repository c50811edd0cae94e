//go:build linux

package pdf

import (
	"os/exec"
	"syscall"

	"github.com/chromedp/chromedp"
)

// lowPriority runs Chromium in Linux's SCHED_IDLE scheduling class, through
// chrt(1) from util-linux (nice(1) at 10 when chrt is missing).
//
// Why: a long print is batch work that nobody watches second by second,
// while the server's answers to other users are. On a 2-core machine one
// account's five-year prints otherwise took the core that another user's
// insights needed (make bench-scale's neighbour figure: her insights took up
// to 3.3 times their idle time). A niceness alone is not enough: Chromium
// sets its own thread priorities (-8 for the browser's display threads, 0
// or 5 for renderers) and may lower them when it runs with CAP_SYS_NICE, as
// under root; a SCHED_IDLE thread keeps the class whatever its nice value,
// and every Chromium process and thread inherits it. Prints still get every
// cycle the server leaves, and a machine too busy to print at all answers
// with the print timeout's 503, not with slower answers for everyone.
//
// It replaces chromedp's own command setup, so it keeps what that did: the
// browser is killed when the server dies (Pdeathsig survives the wrapper's
// exec).
func lowPriority() []chromedp.ExecAllocatorOption {
	var prefix []string
	if chrt, err := exec.LookPath("chrt"); err == nil {
		prefix = []string{chrt, "--idle", "0"}
	} else if nice, err := exec.LookPath("nice"); err == nil {
		prefix = []string{nice, "-n", "10"}
	} else {
		return nil
	}
	return []chromedp.ExecAllocatorOption{chromedp.ModifyCmdFunc(func(cmd *exec.Cmd) {
		cmd.Args = append(append(prefix[:len(prefix):len(prefix)], cmd.Path), cmd.Args[1:]...)
		cmd.Path = prefix[0]
		if cmd.SysProcAttr == nil {
			cmd.SysProcAttr = new(syscall.SysProcAttr)
		}
		cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
	})}
}
