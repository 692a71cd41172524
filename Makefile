# wfkit - plain Makefile. `make demo` and `make check` are the two entry
# points a newcomer needs; both install missing Debian build dependencies
# first when run as root (or via sudo), and say what to install otherwise.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
BASHCOMPDIR ?= $(shell pkg-config --variable=completionsdir bash-completion 2>/dev/null || echo $(DATADIR)/bash-completion/completions)
ZSHCOMPDIR ?= $(DATADIR)/zsh/site-functions

CC ?= cc
CLANG ?= clang
BUILD ?= build
OPT ?= -O2 -g
WARN ?= -Wall -Wextra -Werror
SAN ?=
PKGS = jansson zlib libzip
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -ljansson -lz -lzip)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(OPT) $(SAN) $(LIB_INC) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN) $(LDFLAGS)
LIBS = -lcsv $(PKG_LIBS) -lm -lpthread

# lib/ is grouped by job, one folder a wing: common (errors, text, decimals,
# maps, reader/writer, zip, CLI, outputs), conto (Conto Annuale dialects, code
# lists, places, ingest), bench, match, report. Headers are included by bare
# name ("wf_x.h"); every wing is on the include path.
LIB_DIRS := lib/common lib/conto lib/bench lib/match lib/report
LIB_INC := $(LIB_DIRS:%=-I%)
LIB_HDR := $(wildcard $(LIB_DIRS:%=%/*.h))
LIB_SRC := $(sort $(wildcard $(LIB_DIRS:%=%/*.c)))
LIB_OBJ := $(LIB_SRC:lib/%.c=$(BUILD)/lib/%.o)
LIBA := $(BUILD)/libwf.a
BINS := $(sort $(patsubst cmd/%.c,%,$(wildcard cmd/wf-*.c)))
BIN_PATHS := $(BINS:%=$(BUILD)/bin/%)
GEN_SRC := $(sort $(wildcard tests/gen/*.c))
GEN_BINS := $(GEN_SRC:tests/gen/%.c=$(BUILD)/bin/%)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_SECONDS ?= 5
MANS := $(sort $(wildcard share/man/man1/*.1 share/man/man7/*.7))

.PHONY: all deps demo check test test-unit test-bats test-spectrum check-asan fuzz \
	install uninstall clean bench bench-deps check-valgrind test-browser

all: $(BIN_PATHS) $(GEN_BINS)

$(BUILD)/lib/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/bin/%: cmd/%.c $(LIBA) $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $< $(LIBA) $(ALL_LDFLAGS) $(LIBS) -o $@

$(BUILD)/bin/%: tests/gen/%.c $(LIBA) $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $< $(LIBA) $(ALL_LDFLAGS) $(LIBS) -o $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/wf_test.h $(LIBA) $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit $< $(LIBA) $(ALL_LDFLAGS) $(LIBS) -o $@

# Set-up: install the Debian packages the build and tests need.
deps:
	@sh tests/deps.sh

demo: deps all
	@sh tests/demo.sh $(BUILD)

test-unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "unit $$t"; $$t; done

test-bats: all
	WF_BUILD=$(abspath $(BUILD)) bats tests/bats

test: test-unit test-bats

# Fuzz harnesses: libFuzzer + ASan + UBSan, a short run each in `make check`.
# The library is compiled once for all harnesses.
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined $(LIB_INC) $(PKG_CFLAGS)
FUZZ_OBJ := $(LIB_SRC:lib/%.c=$(BUILD)/fuzz/obj/%.o)

$(BUILD)/fuzz/obj/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CLANG) $(FUZZ_CFLAGS) -c $< -o $@

$(BUILD)/fuzz/libwf-fuzz.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/fuzz/libwf-fuzz.a $(LIB_HDR)
	@mkdir -p $(@D)
	$(CLANG) $(FUZZ_CFLAGS) -fsanitize=fuzzer $< $(BUILD)/fuzz/libwf-fuzz.a -lcsv $(PKG_LIBS) -lm -lpthread -o $@

fuzz: $(FUZZ_BINS)
	@set -e; for f in $(FUZZ_BINS); do n=$$(basename $$f); \
	  mkdir -p $(BUILD)/fuzz-corpus/$$n; \
	  echo "fuzz $$n ($(FUZZ_SECONDS)s)"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=0 \
	    $(BUILD)/fuzz-corpus/$$n tests/fuzz/corpus 2>$(BUILD)/fuzz/$$n.log || { tail -40 $(BUILD)/fuzz/$$n.log; exit 1; }; \
	done

check-asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g" SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" test

check: deps
	$(MAKE) all
	$(MAKE) test
	$(MAKE) check-asan
	$(MAKE) fuzz FUZZ_SECONDS=3
	@echo "make check: all tests passed"

check-valgrind: all $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 $$t >/dev/null; done
	WF_BUILD=$(abspath $(BUILD)) WF_WRAP="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99" bats tests/bats

test-browser: all
	@sh tests/browser.sh $(BUILD)

bench: all
	@sh tests/bench/run.sh $(BUILD)

bench-deps:
	@sh tests/bench/deps.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/wfkit \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)/wfkit
	install -m 755 $(BIN_PATHS) $(DESTDIR)$(BINDIR)/
	for m in $(MANS); do d=$$(basename $$(dirname $$m)); install -d $(DESTDIR)$(MANDIR)/$$d; install -m 644 $$m $(DESTDIR)$(MANDIR)/$$d/; done
	for f in share/wfkit/*; do [ -f "$$f" ] && install -m 644 $$f $(DESTDIR)$(DATADIR)/wfkit/ || true; done
	install -d $(DESTDIR)$(DATADIR)/wfkit/examples
	install -m 755 share/wfkit/examples/monthly.sh $(DESTDIR)$(DATADIR)/wfkit/examples/
	for b in $(BINS); do [ -f completions/$$b.bash ] && install -m 644 completions/$$b.bash $(DESTDIR)$(BASHCOMPDIR)/$$b || true; \
	  [ -f completions/_$$b ] && install -m 644 completions/_$$b $(DESTDIR)$(ZSHCOMPDIR)/_$$b || true; done
	install -m 644 $(LIBA) $(DESTDIR)$(LIBDIR)/libwf.a
	install -m 644 $(filter-out %_priv.h,$(LIB_HDR)) $(DESTDIR)$(INCLUDEDIR)/wfkit/
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCLUDEDIR@|$(INCLUDEDIR)|; s|@VERSION@|0.1.0|' share/wfkit.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/wfkit.pc

uninstall:
	for b in $(BINS); do rm -f $(DESTDIR)$(BINDIR)/$$b $(DESTDIR)$(BASHCOMPDIR)/$$b $(DESTDIR)$(ZSHCOMPDIR)/_$$b; done
	for m in $(MANS); do d=$$(basename $$(dirname $$m)); rm -f $(DESTDIR)$(MANDIR)/$$d/$$(basename $$m); done
	for f in share/wfkit/*; do [ -f "$$f" ] && rm -f $(DESTDIR)$(DATADIR)/wfkit/$$(basename $$f) || true; done
	rm -f $(DESTDIR)$(DATADIR)/wfkit/examples/monthly.sh
	-rmdir $(DESTDIR)$(DATADIR)/wfkit/examples $(DESTDIR)$(DATADIR)/wfkit 2>/dev/null
	rm -f $(DESTDIR)$(LIBDIR)/libwf.a $(DESTDIR)$(LIBDIR)/pkgconfig/wfkit.pc
	rm -rf $(DESTDIR)$(INCLUDEDIR)/wfkit

clean:
	rm -rf build build-asan
