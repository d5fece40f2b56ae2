# The two commands of the README's quick start are `make demo` and `make test`; both install
# what a fresh Debian machine lacks (scripts/setup.sh) before building.
SWIFT ?= swift
INTERVIEWS ?= 100000
BIN := .build/debug/peersurvey
INSTRUMENTS := $(wildcard instruments/*.yaml)

.PHONY: setup build demo test bench soak clean

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

## Benchmarks on a release build; figures are printed and written as JSON under .build/bench/.
bench: setup
	bash Benchmarks/run.sh $(INTERVIEWS)

## Long runs that CI has no time for: the disclosure attacker (Tests/Attacker) on 2,000 random
## simulated studies, each with its DDI codebook too (CI runs 200, a DDI every 25th).
soak: setup
	$(SWIFT) build --build-tests
	PEERSURVEY_ATTACK_STUDIES=$${PEERSURVEY_ATTACK_STUDIES:-2000} PEERSURVEY_ATTACK_THOROUGH=1 \
		$(SWIFT) test --skip-build --filter theAttackerRecoversNothingFromRandomStudies

clean:
	rm -rf .build
