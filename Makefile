# storyline — build, test, bench.  `make` builds; `make demo` runs the sample
# corpus; `make test` runs every test, then again under ASan+UBSan.
#
# SANITIZE=address,undefined builds an instrumented tree in build-san/.

PKGS     := icu-uc icu-i18n sqlite3 jansson libcjson gumbo libexttextcat libmicrohttpd zlib
CC       ?= cc
BUILD    ?= build
SANITIZE ?=

WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wconversion -Werror
# CFLAGS is the user's (optimisation, debug); the project's own flags are
# always added, so `make CFLAGS=-O0` keeps the warnings and include paths.
CFLAGS   ?= -O2 -g
# Both are expanded when used, not when read: on a fresh machine the
# packages pkg-config asks about are installed by the first rule that runs.
ALL_CFLAGS = -std=c11 $(WARN) -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
            -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(CFLAGS) $(SAN_CFLAGS)
LDLIBS    = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lpthread -lm

ifneq ($(SANITIZE),)
BUILD    := build-san
SAN_CFLAGS := -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=$(SANITIZE)
endif

LIB_SRC  := $(sort $(shell find src -name '*.c' -not -path 'src/cli/*'))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIB      := $(BUILD)/libstoryline.a
BIN      := $(BUILD)/storyline
DEPS_OK  := .deps-installed

PREFIX   ?= /usr/local

.PHONY: all deps demo test test-asan check unit e2e bench fuzz fuzz-build fuzz-bins valgrind install clean lint

all: $(DEPS_OK) $(BIN)

# Installs Debian packages once per machine (see scripts/install-deps.sh).
$(DEPS_OK): scripts/install-deps.sh
	@sh scripts/install-deps.sh
	@touch $@

deps: $(DEPS_OK)

$(BUILD)/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# Word translations (src/cluster/translate.h): a table generated at build
# time from Debian's FreeDict dictionaries by tools/gen_translations.c,
# which reads them with the library's own tokenizer (from CORE, the
# library without the table).
DICT_DIR  ?= /usr/share/dictd
CORE      := $(BUILD)/libstoryline-core.a
GEN_TRANS := $(BUILD)/tools/gen_translations
TRANS_C   := $(BUILD)/gen/translations.c
TRANS_OBJ := $(BUILD)/gen/translations.o

$(CORE): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# the table changes only with the tokenizer: other library changes leave it
TOKENIZER_OBJ := $(addprefix $(BUILD)/src/,analyze/tokenize.o analyze/normalize.o \
                   analyze/stopwords.o analyze/stopwords_data.o analyze/wordbreak.o util/strmap.o \
                   util/utf8.o)

$(GEN_TRANS): tools/gen_translations.c $(TOKENIZER_OBJ) | $(CORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(CORE) $(LDLIBS)

$(TRANS_C): $(GEN_TRANS) $(wildcard $(DICT_DIR)/freedict-*.index)
	@mkdir -p $(dir $@)
	$(GEN_TRANS) $(DICT_DIR) > $@.tmp
	@mv $@.tmp $@

$(TRANS_OBJ): $(TRANS_C)
	$(CC) $(ALL_CFLAGS) -O0 -c $< -o $@

$(LIB): $(LIB_OBJ) $(TRANS_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags check) $(LDFLAGS) -o $@ $< $(LIB) \
	    $(shell pkg-config --libs check) $(LDLIBS)

# The main job on the sample corpus: ingest the seeds, print events + stories.
demo: $(BIN)
	@rm -f demo.db demo.db-wal demo.db-shm
	$(BIN) ingest --db demo.db examples/seeds
	@echo; $(BIN) events --db demo.db
	@echo; $(BIN) stories --db demo.db

# One build's tests: unit binaries, then end-to-end cases.
check: $(BIN) $(TEST_BIN)
	@sh scripts/check-banned.sh
	@sh tests/run.sh $(BUILD)

# Everything: plain build, then the same suite under ASan + UBSan.
test: $(DEPS_OK)
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory check SANITIZE=address,undefined

# The suite under ASan + UBSan only (the second half of `make test`).
test-asan: $(DEPS_OK)
	@$(MAKE) --no-print-directory check SANITIZE=address,undefined

# End-to-end cases with every storyline process under valgrind memcheck;
# fails on any memory error or leak (tests/valgrind.sh says what it skips).
valgrind: $(BIN)
	@sh tests/valgrind.sh $(BUILD)

lint:
	@sh scripts/check-banned.sh

bench: $(BIN)
	@sh bench/run.sh $(BIN)

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), built by clang with ASan +
# UBSan into build-fuzz/; `make fuzz` runs each for FUZZ_SECONDS on its seed
# corpus (tests/fuzz/corpus/NAME/) through tests/fuzz/run.sh.
FUZZ_SECONDS ?= 30
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_CFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

fuzz-build: $(DEPS_OK)
	@$(MAKE) --no-print-directory CC=clang BUILD=build-fuzz SAN_CFLAGS='$(FUZZ_CFLAGS)' fuzz-bins

fuzz-bins: $(FUZZ_BIN)

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB) $(LDLIBS)

fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/storyline \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/storyline/*.h $(DESTDIR)$(PREFIX)/include/storyline/
	sed -e 's|@PREFIX@|$(PREFIX)|' storyline.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/storyline.pc

clean:
	rm -rf build build-san build-fuzz demo.db demo.db-wal demo.db-shm

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
