// A small Go program for scripts/strace-compare.sh: the Go runtime's
// start-up (threads, signal handlers, mmap'd arenas) plus a little file
// I/O, so the comparison covers a statically linked, multi-threaded binary.
package main

import (
	"fmt"
	"os"
)

func main() {
	data, err := os.ReadFile("/etc/hostname")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d bytes\n", len(data))
}
