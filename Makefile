# sysobs: build, test, bench. See README.md.
#
#   make          build ./sysobs (static)
#   make run      install deps, build, 5-second system-wide summary
#   make test     install deps, build, run all tests (as root)
#   make bench    overhead and footprint next to the peers

CLANG     ?= clang
CC        ?= gcc
BPFTOOL   ?= bpftool
LLVM_STRIP ?= llvm-strip

BUILD     := build
VERSION   := 0.1
CFLAGS    ?= -O2 -g
CFLAGS    += -Wall -Wextra -Wno-unused-parameter -std=gnu11 -D_GNU_SOURCE \
	     -I$(BUILD) -Ibpf -Iuser -DSYSOBS_VERSION='"$(VERSION)"'
LDLIBS    := -lbpf -lelf -lz
LDFLAGS   ?=
LDFLAGS   += -static
BPF_CFLAGS := -g -O2 -target bpf -D__TARGET_ARCH_x86 -Ivmlinux -Ibpf -Wall

BPF_SRCS  := $(wildcard bpf/*.bpf.c)
BPF_HDRS  := $(wildcard bpf/*.h)
SKELS     := $(patsubst bpf/%.bpf.c,$(BUILD)/%.skel.h,$(BPF_SRCS))
USER_SRCS := $(wildcard user/*.c)
USER_OBJS := $(patsubst user/%.c,$(BUILD)/%.o,$(USER_SRCS)) $(BUILD)/syscalls_gen.o \
	     $(BUILD)/classes_gen.o
USER_HDRS := $(wildcard user/*.h)
# Everything but main.o: linked into the unit tests too.
LIB_OBJS  := $(filter-out $(BUILD)/main.o,$(USER_OBJS))

.SECONDARY:
.PHONY: all run test bench deps clean format unit integration

all: sysobs

$(BUILD):
	mkdir -p $@

$(BUILD)/%.bpf.o: bpf/%.bpf.c $(BPF_HDRS) vmlinux/vmlinux.h | $(BUILD)
	$(CLANG) $(BPF_CFLAGS) -c $< -o $@
	$(LLVM_STRIP) -g $@

$(BUILD)/%.skel.h: $(BUILD)/%.bpf.o
	$(BPFTOOL) gen skeleton $< > $@

$(BUILD)/syscalls_gen.c: scripts/gen_syscalls.sh data/syscall_64.tbl data/syscall_32.tbl | $(BUILD)
	sh scripts/gen_syscalls.sh data/syscall_64.tbl data/syscall_32.tbl > $@.tmp
	mv $@.tmp $@

$(BUILD)/classes_gen.c: scripts/gen_classes_c.sh data/syscall_classes.txt | $(BUILD)
	sh scripts/gen_classes_c.sh data/syscall_classes.txt > $@.tmp
	mv $@.tmp $@

$(BUILD)/classes_gen.o: $(BUILD)/classes_gen.c user/filter.h
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/%.o: user/%.c $(USER_HDRS) bpf/sysobs.h $(SKELS) | $(BUILD)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/syscalls_gen.o: $(BUILD)/syscalls_gen.c
	$(CC) $(CFLAGS) -c $< -o $@

sysobs: $(USER_OBJS)
	$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

deps:
	sh scripts/install-deps.sh

run: deps
	$(MAKE) sysobs
	./sysobs -c --duration 5

test: deps
	$(MAKE) sysobs
	$(MAKE) -C tests
	sh tests/run.sh

bench: deps
	$(MAKE) sysobs $(BUILD)/floor
	$(MAKE) -C tests
	sh scripts/bench.sh

format:
	clang-format -i bpf/*.c bpf/*.h user/*.c user/*.h tests/*.c

clean:
	rm -rf $(BUILD) sysobs
	$(MAKE) -C tests clean

# The bench's floor: empty tp_btf programs on sys_enter/sys_exit.
$(BUILD)/floor: scripts/floor.c $(BUILD)/floor.skel.h
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LDLIBS) -o $@
