//go:build linux

package pdf

import (
	"os"
	"os/exec"
	"syscall"

	"github.com/chromedp/chromedp"
)

// printNice is the niceness of the background printer's Chromium: about a
// tenth of the CPU weight of the server's own work when both want a core,
// so one account's long prints cannot slow another user's answers, while
// a long print on a busy server still moves (SCHED_IDLE, tried first,
// starved five-year prints behind the server's background work).
const printNice = "10"

// lowPriority starts Chromium through nice(1). Chromium sets its own
// threads' niceness (-8 for the browser's display threads, 0 or 5 for
// renderers), which it can do below 10 only with CAP_SYS_NICE; a server
// running as root has it, so there the browser also starts through
// setpriv(1) from util-linux with that capability out of its bounding set.
// Every Chromium process and thread inherits both.
//
// Why: a long print is batch work that nobody watches second by second,
// while the server's answers to other users are. On a 2-core machine one
// account's five-year prints otherwise took the core that another user's
// insights needed (make bench-scale's neighbour figure: her insights took
// up to 3.3 times their idle time).
//
// It replaces chromedp's own command setup, so it keeps what that did: the
// browser is killed when the server dies (Pdeathsig survives the wrappers'
// exec).
func lowPriority() []chromedp.ExecAllocatorOption {
	nice, err := exec.LookPath("nice")
	if err != nil {
		return nil
	}
	prefix := []string{nice, "-n", printNice}
	if os.Geteuid() == 0 {
		if setpriv, err := exec.LookPath("setpriv"); err == nil {
			prefix = append([]string{setpriv, "--bounding-set", "-sys_nice", "--"}, prefix...)
		}
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
