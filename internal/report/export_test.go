package report

// SafeCell exposes the CSV cell guard to the black-box tests and the fuzzer.
var SafeCell = safeCell
