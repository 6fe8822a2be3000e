// LD_PRELOAD shim for Scripts/shared-refcounts: counts the Swift retains and releases made on
// objects that more than one thread has touched, per call site. Such reference counts are atomic
// writes to a cache line both cores want, which is what keeps `--jobs 2` from doubling speed.
// Addresses that a freed object leaves to another thread's allocation also count (noise: look
// for sites whose every operation is shared, on objects that live long, such as lexicon tables).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdatomic.h>
#define OBJ_BITS 22
#define SITE_BITS 16
static _Atomic uintptr_t objkeys[1u << OBJ_BITS];
static _Atomic uint32_t objmask[1u << OBJ_BITS];
static _Atomic uintptr_t sitekeys[1u << SITE_BITS];
static _Atomic uint64_t sitecount[1u << SITE_BITS];
static _Atomic uint64_t siteshared[1u << SITE_BITS];
static _Atomic int nthreads;
static __thread int tidx = -1;
typedef void *(*retain_fn)(void *);
typedef void (*release_fn)(void *);
typedef void *(*retainn_fn)(void *, uint32_t);
typedef void (*releasen_fn)(void *, uint32_t);
static retain_fn r_retain, r_bretain; static release_fn r_release, r_brelease;
static retainn_fn r_retain_n; static releasen_fn r_release_n;
static void init(void) {
  r_retain = (retain_fn)dlsym(RTLD_NEXT, "swift_retain");
  r_release = (release_fn)dlsym(RTLD_NEXT, "swift_release");
  r_bretain = (retain_fn)dlsym(RTLD_NEXT, "swift_bridgeObjectRetain");
  r_brelease = (release_fn)dlsym(RTLD_NEXT, "swift_bridgeObjectRelease");
  r_retain_n = (retainn_fn)dlsym(RTLD_NEXT, "swift_retain_n");
  r_release_n = (releasen_fn)dlsym(RTLD_NEXT, "swift_release_n");
}
static void note(void *obj, void *site) {
  uintptr_t p = ((uintptr_t)obj) & 0x00FFFFFFFFFFFFF8ull;
  if (p < 4096) return;
  if (tidx < 0) tidx = atomic_fetch_add(&nthreads, 1);
  uint32_t bit = 1u << (tidx & 31);
  uint64_t h = (p * 0x9E3779B97F4A7C15ull) >> (64 - OBJ_BITS);
  uint32_t mask = 0;
  for (int probe = 0; probe < 64; probe++) {
    uintptr_t k = atomic_load(&objkeys[h]);
    if (k == 0) { uintptr_t z = 0; if (atomic_compare_exchange_strong(&objkeys[h], &z, p) || z == p) k = p; else { h = (h + 1) & ((1u << OBJ_BITS) - 1); continue; } }
    if (k == p) { mask = atomic_fetch_or(&objmask[h], bit) | bit; break; }
    h = (h + 1) & ((1u << OBJ_BITS) - 1);
  }
  int shared = (mask & ~bit) != 0;
  uintptr_t s = (uintptr_t)site;
  uint64_t g = (s * 0x9E3779B97F4A7C15ull) >> (64 - SITE_BITS);
  for (int probe = 0; probe < 256; probe++) {
    uintptr_t k = atomic_load(&sitekeys[g]);
    if (k == 0) { uintptr_t z = 0; if (atomic_compare_exchange_strong(&sitekeys[g], &z, s) || z == s) k = s; else { g = (g + 1) & ((1u << SITE_BITS) - 1); continue; } }
    if (k == s) { atomic_fetch_add(&sitecount[g], 1); if (shared) atomic_fetch_add(&siteshared[g], 1); return; }
    g = (g + 1) & ((1u << SITE_BITS) - 1);
  }
}
void *swift_retain(void *o) { if (!r_retain) init(); note(o, __builtin_return_address(0)); return r_retain(o); }
void swift_release(void *o) { if (!r_release) init(); note(o, __builtin_return_address(0)); r_release(o); }
void *swift_bridgeObjectRetain(void *o) { if (!r_bretain) init(); note(o, __builtin_return_address(0)); return r_bretain(o); }
void swift_bridgeObjectRelease(void *o) { if (!r_brelease) init(); note(o, __builtin_return_address(0)); r_brelease(o); }
void *swift_retain_n(void *o, uint32_t n) { if (!r_retain_n) init(); note(o, __builtin_return_address(0)); return r_retain_n(o, n); }
void swift_release_n(void *o, uint32_t n) { if (!r_release_n) init(); note(o, __builtin_return_address(0)); r_release_n(o, n); }
__attribute__((destructor)) static void report(void) {
  FILE *f = fopen(getenv("RCSPY_OUT") ? getenv("RCSPY_OUT") : "/tmp/rcspy.txt", "w");
  if (!f) return;
  for (uint32_t i = 0; i < (1u << SITE_BITS); i++) {
    uintptr_t s = atomic_load(&sitekeys[i]);
    if (!s || atomic_load(&siteshared[i]) < 1000) continue;
    Dl_info info; const char *mod = "?"; uintptr_t base = 0;
    if (dladdr((void *)s, &info)) { mod = info.dli_fname; base = (uintptr_t)info.dli_fbase; }
    fprintf(f, "%lu %lu %s 0x%lx %s\n", (unsigned long)atomic_load(&siteshared[i]), (unsigned long)atomic_load(&sitecount[i]), mod, (unsigned long)(s - base), info.dli_sname ? info.dli_sname : "");
  }
  fclose(f);
}
