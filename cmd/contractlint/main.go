// Command contractlint reviews IT-outsourcing, managed-service and cloud
// agreements for missing or weak security clauses.
package main

import (
	"os"

	"github.com/contractlint/contractlint/cmd/contractlint/internal/cli"
)

func main() {
	startHeap(64 << 20)
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
