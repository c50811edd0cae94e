package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// descendants returns the process ids below pid (Chromium and its helpers
// under the server), read from /proc.
func descendants(pid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	children := map[int][]int{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// The command may hold spaces and parentheses: fields start after the last ")".
		i := strings.LastIndexByte(string(b), ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(b)[i+1:])
		if len(f) < 2 {
			continue
		}
		if pp, err := strconv.Atoi(f[1]); err == nil {
			children[pp] = append(children[pp], p)
		}
	}
	var out []int
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, c := range children[p] {
			out = append(out, c)
			queue = append(queue, c)
		}
	}
	return out
}

// treeRSSKiB sums the resident set of pids.
func treeRSSKiB(pids []int) int64 { return treeKiB(pids, "status", "VmRSS:") }

// treePSSKiB sums the proportional set size of pids: each shared page is
// divided among the processes that map it, so the sum is the memory the
// tree really holds. Summed VmRSS counts Chromium's shared code and V8
// snapshot (about 70 MB) once per process, and it runs about eleven.
func treePSSKiB(pids []int) int64 { return treeKiB(pids, "smaps_rollup", "Pss:") }

func treeKiB(pids []int, file, key string) int64 {
	var sum int64
	for _, p := range pids {
		b, err := os.ReadFile("/proc/" + strconv.Itoa(p) + "/" + file)
		if err != nil {
			continue
		}
		if kib, ok := kibField(string(b), key); ok {
			sum += kib
		}
	}
	return sum
}

// killTree SIGKILLs pids (used after SIGKILLing the server, whose Chromium
// would otherwise outlive it).
func killTree(pids []int) {
	for _, p := range pids {
		_ = syscall.Kill(p, syscall.SIGKILL) // already gone is fine
	}
}
