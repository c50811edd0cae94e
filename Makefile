# PocketBase v0.40 needs Go 1.27; the go command fetches this toolchain from
# the module proxy on first use.
export GOTOOLCHAIN := go1.27.3

GO        ?= go
BIN       ?= ./mend
HTTP      ?= 127.0.0.1:8090
DATA      ?= ./pb_data

.PHONY: run build test test-go test-js vet fmt-check tidy-check bench bench-scale audit vendor-js clean

## run: build and serve Mend on http://$(HTTP) with SQLite in $(DATA)
run: build
	@echo "Mend:      http://$(HTTP)"
	@echo "Dashboard: http://$(HTTP)/_/  (first time: $(BIN) superuser upsert you@example.com 'a-long-password' --dir $(DATA))"
	$(BIN) serve --http $(HTTP) --dir $(DATA)

# A cold machine first fetches Go 1.27 and the modules and compiles
# PocketBase (a minute or two on 2 cores) with no output of its own: say so.
build:
	@echo "Building $(BIN) (on a new machine the first build fetches Go and the modules and takes a minute or two)..."
	$(GO) build -trimpath -o $(BIN) .

## test: the whole suite: format, vet, Go tests (browser tests included), JS unit tests
test: fmt-check tidy-check vet test-go test-js

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

## tidy-check: fails when go mod tidy would change go.mod or go.sum (prints the diff)
tidy-check:
	$(GO) mod tidy -diff

vet:
	$(GO) vet ./...

test-go:
	$(GO) test -count=1 ./...

test-js:
	node --test pb_public/js/lib/

## bench: Go benchmarks, then cmd/mendbench against the real binary on
## loopback; ends with the `name: value` lines of issue 6. Not part of test.
## The hooks benchmarks run 3 times: mendbench reads their median ratio.
BENCH_HOOKS ?= $${TMPDIR:-/tmp}/mend-bench-hooks.txt
bench: build
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 200ms ./internal/...
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 1s -count 3 ./hooks/... > $(BENCH_HOOKS); \
		status=$$?; cat $(BENCH_HOOKS); exit $$status
	$(GO) run ./cmd/mendbench -bin $(BIN) -gobench $(BENCH_HOOKS)

## bench-scale: issue 13's scale benchmark (not part of test): generates
## SCALE_USERS users with a year of journal each (cached under
## $${TMPDIR:-/tmp}/mend-scale), serves it and a one-user database, and ends
## with the `name: value` lines of issue 13. Minutes at full size.
SCALE_USERS ?= 2000
bench-scale: build
	$(GO) run ./cmd/mendbench -bin $(BIN) -scale -users $(SCALE_USERS)

## audit: known vulnerabilities in dependencies (needs network to vuln.go.dev)
audit:
	$(GO) run golang.org/x/vuln/cmd/govulncheck@latest ./...

## vendor-js: re-fetch the pinned ECharts and PocketBase SDK from npm
vendor-js:
	sh pb_public/vendor/fetch.sh

clean:
	rm -f $(BIN)
