# The two commands of the README's quick start are `make demo` and `make test`; both install
# what a fresh Debian machine lacks (scripts/setup.sh) before building.
SWIFT ?= swift
INTERVIEWS ?= 100000
BIN := .build/debug/peersurvey
INSTRUMENTS := $(wildcard instruments/*.yaml)

.PHONY: setup build demo test bench soak soak-crash soak-fuzz soak-attack clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

## The main job: check the bundled instruments, then a real interview on the warmline follow-up
## into study.sqlite (full screen on a terminal; line mode otherwise, or with PLAIN=--plain).
demo: build
	$(BIN) check $(INSTRUMENTS)
	$(BIN) interview instruments/warmline-follow-up.yaml --db study.sqlite --interviewer DEMO $(PLAIN)

## Every test: unit, golden and end-to-end runs of the built binary.
test: setup
	$(SWIFT) build
	$(SWIFT) test

## The crash-and-race suite at length: KILLS kill -9s of interview, merge, backup, withdraw,
## export and study init (`make test` runs 210); SEED=N replays a run.
KILLS ?= 2000
soak-crash: setup
	$(SWIFT) build --build-tests
	PEERSURVEY_KILLS=$(KILLS) $(if $(SEED),PEERSURVEY_CRASH_SEED=$(SEED)) $(SWIFT) test --skip-build --filter CrashAndRaceTests

## Benchmarks on a release build; figures are printed and written as JSON under .build/bench/.
bench: setup
	bash Benchmarks/run.sh $(INTERVIEWS)

## Long runs of the red-team suites (issue 13), beyond what `make test` runs in CI. soak-fuzz:
## FUZZ_INPUTS mutated instruments through `check` (CI runs 600 from seed 13), from FUZZ_SEED
## (a new seed each run unless given); crashers are kept in $$TMPDIR/peersurvey-fuzz-crashers.
FUZZ_INPUTS ?= 20000
FUZZ_SEED ?= $(shell date +%s)
soak: soak-crash soak-fuzz soak-attack

soak-fuzz: setup
	$(SWIFT) build --build-tests
	PEERSURVEY_FUZZ_INPUTS=$(FUZZ_INPUTS) PEERSURVEY_FUZZ_SEED=$(FUZZ_SEED) \
		$(SWIFT) test --skip-build --filter FuzzTests

## soak-attack: the disclosure attacker (Tests/Attacker) on 2,000 random simulated studies, each
## with its DDI codebook too (CI runs 200, a DDI every 25th).
soak-attack: setup
	$(SWIFT) build --build-tests
	PEERSURVEY_ATTACK_STUDIES=$${PEERSURVEY_ATTACK_STUDIES:-2000} PEERSURVEY_ATTACK_THOROUGH=1 \
		$(SWIFT) test --skip-build --filter theAttackerRecoversNothingFromRandomStudies

clean:
	rm -rf .build
