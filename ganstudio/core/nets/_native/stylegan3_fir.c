/* CPU kernels of StyleGAN3's filtered leaky ReLU for inference, in plain C (no Python or torch
 * headers; loaded with ctypes by ganstudio/core/nets/stylegan3_native.py).
 *
 * One call computes, for a float32 image x [N, H, W, C] (any strides; channels-last is the
 * fast case) and a channels-last output y [N, Ho, Wo, C]:
 *
 *   1. bias, then upsampling by `up` with zero insertion, padding (x0, x1, y0, y1; negative
 *      crops) and a FIR filter (separable taps uw / uh, or a 2-D kernel u2), computed in
 *      polyphase form: each output sample uses only the taps that meet real input samples;
 *   2. leaky ReLU (slope), times a gain, clamp to [-limit, limit], fused into the height pass;
 *   3. a FIR filter (separable dw / dh, or a 2-D kernel d2) evaluated only at every down-th
 *      sample of each axis.
 *
 * Taps are correlation taps (out[o] = sum_t g[t] in[o + t]): the caller flips the filters and
 * folds every gain into them. Work is split into jobs (an image, a block of channels, a band
 * of output rows) streamed row by row through small ring buffers, so the upsampled image is
 * never held in full: a job's rows stay in the L1 / L2 cache. Each filter tap is one broadcast
 * and several fused multiply-adds on vectors of channels, with the sums in registers.
 *
 * The kernels are compiled once per instruction set (generic; AVX2 + FMA and AVX-512 on x86
 * with GCC) and the best one the CPU supports is chosen at run time.
 *
 * At the end of the file: the last part of a StyleGAN2 layer (blur, bias, noise, leaky ReLU,
 * clamp) in one pass, gs_act_run. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200112L   /* posix_memalign, also under a strict -std=c11 */
#endif
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__unix__) || defined(__APPLE__)
#include <pthread.h>
#define GS_HAVE_PTHREADS 1
#endif

#if defined(__linux__)
#include <dlfcn.h>
#define GS_HAVE_DLSYM 1
#endif

#if defined(_WIN32)
#define GS_EXPORT __declspec(dllexport)
#else
#define GS_EXPORT __attribute__((visibility("default")))
#endif

#define GS_MAX_TAPS 64   /* taps per axis (and high-rate rows a 2-D kernel spans) */
#define GS_MAX_RING 66
#define GS_MAX_VRING (GS_MAX_TAPS + 8)   /* high-rate row rings: kdh + up rows */
#define GS_MAX_THREADS 256

/* The call's arguments; mirrored by a ctypes.Structure in stylegan3_native.py. */
typedef struct {
    const float *x;             /* input */
    int64_t sn, sh, sw, sc;     /* its strides, in floats */
    int32_t n, c, h, w;         /* its shape (as N, C, H, W) */
    const float *bias;          /* [C] or NULL */
    int32_t up, px0, px1, py0, py1;
    const float *uw, *uh;       /* separable upsampling taps along width / height */
    const float *u2;            /* or a 2-D kernel [kuh][kuw] (NULL: separable) */
    int32_t kuw, kuh;
    int32_t lrelu;              /* 1: leaky ReLU with slope */
    float slope;
    int32_t scale;              /* 1: multiply by gain after the leaky ReLU */
    float gain;
    int32_t clamp;              /* 1: clamp to [-limit, limit] */
    float limit;
    int32_t down;
    const float *dw, *dh;       /* separable downsampling taps along width / height */
    const float *d2;            /* or a 2-D kernel [kdh][kdw] (NULL: separable) */
    int32_t kdw, kdh;
    float *y;                   /* output, channels-last contiguous [N, Ho, Wo, C] */
    int32_t ho, wo;
    int32_t threads;            /* worker threads (>= 1) */
    int32_t isa;                /* 0: best available, 1: generic, 2: AVX2, 3: AVX-512 */
    int32_t own_threads;        /* 1: always start threads of our own (see gs_parallel) */
} gs_params;

typedef struct {
    int lrelu, lrelu_max, scale, clamp, any;
    float slope, gain, limit;
} gs_act;

typedef struct {
    int up, x0;
    long w1, h1;         /* high-rate size */
    long left, right;    /* zero margins of a raw input row */
    long raw_len;        /* left + w + right */
    int ring;            /* rows of the input rings */
    int grouped;         /* 1: high-rate rows made u at a time (separable up by 1, 2 or 4) */
    int group_span;      /* input rows a group reads */
    int vring;           /* rows of the high-rate rings */
    int d2_mirrored;     /* 1: the 2-D downsampling kernel's rows mirror (radial filters) */
    int direct;          /* 1: full channel blocks stream their output rows into y */
    int packed;          /* 1: the input is packed by channel blocks first (else each job
                            gathers its rows from channels-last x as it goes) */
    int blocks;          /* channel blocks of the chosen vector width */
    int bands, band_rows;
    long jobs;
    gs_act act;
} gs_plan;

typedef struct {
    const gs_params *params;
    const gs_plan *plan;
    int isa, width;      /* instruction set, floats per vector (channels per block) */
    int phase;           /* 0: pack the input, 1: filter, 2: unpack the output */
    int image;           /* the image of the batch being processed */
    float *packed_in;    /* [blocks][h][raw_len][width]: biased, zero margins */
    float *packed_out;   /* [blocks][ho][wo][width] */
    float *bias_padded;  /* [blocks * width]: the bias, zeros for missing channels */
    long next;           /* the next task of the phase */
    int failed;
} gs_shared;

/* 64-byte aligned memory (freed with gs_free); NULL when there is none */
static void *gs_alloc(size_t bytes) {
    if (bytes == 0) bytes = 64;
#if defined(_WIN32)
    return _aligned_malloc(bytes, 64);
#else
    void *ptr = NULL;
    return posix_memalign(&ptr, 64, bytes) == 0 ? ptr : NULL;
#endif
}

static void gs_free(void *ptr) {
#if defined(_WIN32)
    _aligned_free(ptr);
#else
    free(ptr);
#endif
}

static inline int gs_mod(int a, int m) { int r = a % m; return r < 0 ? r + m : r; }
static inline long gs_mod_l(long a, long m) { long r = a % m; return r < 0 ? r + m : r; }
static inline int gs_floordiv(int a, int m) { return (a - gs_mod(a, m)) / m; }
static inline long gs_floordiv_l(long a, long m) { return (a - gs_mod_l(a, m)) / m; }

#define GS_SPLAT4(f) {f, f, f, f}
#define GS_SPLAT8(f) {f, f, f, f, f, f, f, f}
#define GS_SPLAT16(f) {f, f, f, f, f, f, f, f, f, f, f, f, f, f, f, f}

/* --- the kernels, once per instruction set ------------------------------------------------- */

#define VL 4
#define GS_SPLAT GS_SPLAT4
#define PB 8
#define PBG 8
#define SFX(name) name##_generic
#include "fir_body.h"
#undef SFX
#undef PB
#undef PBG
#undef VL
#undef GS_SPLAT
#undef GS_VMAX
#undef GS_STREAM
#undef GS_VMIN

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define GS_X86 1
#include <immintrin.h>
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#define GS_VMAX(a, b) ((VF)_mm256_max_ps((__m256)(a), (__m256)(b)))
#define GS_VMIN(a, b) ((VF)_mm256_min_ps((__m256)(a), (__m256)(b)))
#define VL 8
#define GS_SPLAT GS_SPLAT8
#define PB 8
#define PBG 12
#define SFX(name) name##_avx2
#include "fir_body.h"
#undef SFX
#undef PB
#undef PBG
#undef VL
#undef GS_SPLAT
#undef GS_VMAX
#undef GS_STREAM
#undef GS_VMIN
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx2,fma")
#define GS_VMAX(a, b) ((VF)_mm512_max_ps((__m512)(a), (__m512)(b)))
#define GS_STREAM(dst, v) _mm512_stream_ps((dst), (__m512)(v))
#define GS_VMIN(a, b) ((VF)_mm512_min_ps((__m512)(a), (__m512)(b)))
#define VL 16
#define GS_SPLAT GS_SPLAT16
#define PB 12
#define PBG 24
#define SFX(name) name##_avx512
#include "fir_body.h"
#undef SFX
#undef PB
#undef PBG
#undef VL
#undef GS_SPLAT
#undef GS_VMAX
#undef GS_STREAM
#undef GS_VMIN
#pragma GCC pop_options
#endif

/* --- dispatch ------------------------------------------------------------------------------ */

static int gs_best_isa(void) {
#ifdef GS_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return 3;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return 2;
#endif
    return 1;
}

static int gs_isa_width(int isa) { return isa == 3 ? 16 : isa == 2 ? 8 : 4; }

/* the worker threads a call asks for, within 1 .. GS_MAX_THREADS */
static int gs_threads(int32_t asked) {
    return asked < 1 ? 1 : asked > GS_MAX_THREADS ? GS_MAX_THREADS : asked;
}

/* The instruction sets this build and CPU can run: bit 1 generic, bit 2 AVX2, bit 3 AVX-512. */
GS_EXPORT int gs_fir_isas(void) {
    int best = gs_best_isa(), mask = 1 << 1;
    if (best >= 2) mask |= 1 << 2;
    if (best >= 3) mask |= 1 << 3;
    return mask;
}

GS_EXPORT int gs_fir_abi(void) { return (int)sizeof(gs_params); }

/* Phase 0, one input row: image row iy, biased, into every channel block's packed row. */
static void gs_pack_row(const gs_shared *sh, long iy) {
    const gs_params *p = sh->params;
    const gs_plan *plan = sh->plan;
    int vl = sh->width;
    long len = plan->raw_len * vl;
    const float *src = p->x + (int64_t)sh->image * p->sn + (int64_t)iy * p->sh;
    for (int cb = 0; cb < plan->blocks; cb++) {
        float *row = sh->packed_in + ((long)cb * p->h + iy) * len;
        memset(row, 0, plan->left * vl * sizeof(float));
        memset(row + (plan->left + p->w) * vl, 0, plan->right * vl * sizeof(float));
    }
    if (p->sc == 1) {                          /* channels-last: pixel by pixel */
        const float *bias = sh->bias_padded;
        for (long ix = 0; ix < p->w; ix++) {
            const float *px = src + (int64_t)ix * p->sw;
            float *dst = sh->packed_in + (long)iy * len + (plan->left + ix) * vl;
            long block_stride = (long)p->h * len;
            int cb = 0;
            for (; (cb + 1) * vl <= p->c; cb++, dst += block_stride) {
                const float *s = px + cb * vl, *b = bias + cb * vl;
                for (int c = 0; c < vl; c++) dst[c] = s[c] + b[c];
            }
            if (cb < plan->blocks) {
                int cw = p->c - cb * vl;
                const float *s = px + cb * vl, *b = bias + cb * vl;
                for (int c = 0; c < cw; c++) dst[c] = s[c] + b[c];
                for (int c = cw; c < vl; c++) dst[c] = 0.0f;
            }
        }
    } else {                                   /* other layouts: channel by channel */
        for (int c = 0; c < plan->blocks * vl; c++) {
            float *dst = sh->packed_in + ((long)(c / vl) * p->h + iy) * len + plan->left * vl
                         + c % vl;
            if (c >= p->c) {
                for (long ix = 0; ix < p->w; ix++) dst[ix * vl] = 0.0f;
                continue;
            }
            const float *ch = src + (int64_t)c * p->sc;
            float b = p->bias ? p->bias[c] : 0.0f;
            for (long ix = 0; ix < p->w; ix++) dst[ix * vl] = ch[(int64_t)ix * p->sw] + b;
        }
    }
}

/* Phase 2, one output row: every channel block's packed row oy into y (channels-last). */
static void gs_unpack_row(const gs_shared *sh, long oy) {
    const gs_params *p = sh->params;
    const gs_plan *plan = sh->plan;
    int vl = sh->width;
    float *dst = p->y + (((int64_t)sh->image * p->ho + oy) * p->wo) * p->c;
    for (long ox = 0; ox < p->wo; ox++) {
        float *px = dst + (int64_t)ox * p->c;
        for (int cb = 0; cb < plan->blocks; cb++) {
            const float *src = sh->packed_out + (((long)cb * p->ho + oy) * p->wo + ox) * vl;
            int c0 = cb * vl, cw = p->c - c0 < vl ? p->c - c0 : vl;
            for (int c = 0; c < cw; c++) px[c0 + c] = src[c];
        }
    }
}

static void *gs_thread(void *arg) {
    gs_shared *sh = (gs_shared *)arg;
    if (sh->phase == 1) {
#ifdef GS_X86
        if (sh->isa == 3) { worker_avx512(sh); return NULL; }
        if (sh->isa == 2) { worker_avx2(sh); return NULL; }
#endif
        worker_generic(sh);
        return NULL;
    }
    long tasks = sh->phase == 0 ? sh->params->h : sh->params->ho;
    for (;;) {
        long index = __atomic_fetch_add(&sh->next, 1, __ATOMIC_RELAXED);
        if (index >= tasks) break;
        if (sh->phase == 0) gs_pack_row(sh, index);
        else gs_unpack_row(sh, index);
    }
    return NULL;
}

/* libgomp's entry for a parallel region, when the process has it loaded (PyTorch's CPU
 * build does, for its own threads); NULL otherwise. Looked up once. */
typedef void (*gs_team_fn)(void (*)(void *), void *, unsigned, unsigned);

static gs_team_fn gs_openmp_team(void) {
#ifdef GS_HAVE_DLSYM
    static void *entry;
    static int looked;
    if (!__atomic_load_n(&looked, __ATOMIC_ACQUIRE)) {
        __atomic_store_n(&entry, dlsym(RTLD_DEFAULT, "GOMP_parallel"), __ATOMIC_RELAXED);
        __atomic_store_n(&looked, 1, __ATOMIC_RELEASE);
    }
    return (gs_team_fn)__atomic_load_n(&entry, __ATOMIC_RELAXED);
#else
    return NULL;
#endif
}

/* 1 when gs_parallel runs on the caller's OpenMP team */
GS_EXPORT int gs_fir_openmp(void) { return gs_openmp_team() != NULL; }

/* Runs fn(arg) on `threads` threads (the caller's included) and returns when all are done:
 * on the calling thread's OpenMP team where the process has libgomp loaded (PyTorch's
 * threads), the same threads PyTorch has just used for the convolution, still spinning for
 * their next task. Threads of our own would compete with those for the cores (on 2 cores,
 * until libgomp lets them sleep: StyleGAN3-R 256 ran about 5 % slower). Otherwise, or with
 * `own`, it starts its own. fn shares the work out itself (an atomic task counter). */
typedef struct { void *(*fn)(void *); void *arg; } gs_call;

static void gs_team_member(void *arg) { gs_call *call = (gs_call *)arg; call->fn(call->arg); }

static void gs_run_team(void *(*fn)(void *), void *arg, int threads, int own) {
    gs_team_fn team = threads > 1 && !own ? gs_openmp_team() : NULL;
    if (team) {
        gs_call call = {fn, arg};
        team(gs_team_member, &call, (unsigned)threads, 0);
        return;
    }
#ifdef GS_HAVE_PTHREADS
    pthread_t ids[GS_MAX_THREADS];
    int started = 0;
    for (int t = 1; t < threads && t < GS_MAX_THREADS; t++) {
        if (pthread_create(&ids[started], NULL, fn, arg) != 0) break;
        started++;
    }
    fn(arg);
    for (int t = 0; t < started; t++) pthread_join(ids[t], NULL);
#else
    (void)threads;
    fn(arg);
#endif
}

/* Runs one phase on `threads` threads (see gs_run_team). */
static void gs_parallel(gs_shared *sh, int phase, int threads) {
    sh->phase = phase;
    sh->next = 0;
    gs_run_team(gs_thread, sh, threads, sh->params->own_threads);
}

/* Runs the filter. Returns 0, or a negative code: -1 bad arguments, -2 out of memory,
 * -3 instruction set not available. */
GS_EXPORT int gs_fir_run(const gs_params *p) {
    if (!p || !p->x || !p->y || p->n < 1 || p->c < 1 || p->h < 1 || p->w < 1) return -1;
    if (p->up < 1 || p->down < 1 || p->kuw < 1 || p->kuh < 1 || p->kdw < 1 || p->kdh < 1)
        return -1;
    if (p->kuw > GS_MAX_TAPS || p->kuh > GS_MAX_TAPS || p->kdw > GS_MAX_TAPS
        || p->kdh > GS_MAX_TAPS)
        return -1;
    if (p->u2 == NULL && (!p->uw || !p->uh)) return -1;
    if (p->d2 == NULL && (!p->dw || !p->dh)) return -1;
    int isa = p->isa ? p->isa : gs_best_isa();
    if (isa < 1 || isa > 3 || !(gs_fir_isas() & (1 << isa))) return -3;

    gs_plan plan;
    memset(&plan, 0, sizeof plan);
    plan.up = p->up;
    plan.x0 = p->px0;
    plan.w1 = (long)p->w * p->up + p->px0 + p->px1 - p->kuw + 1;
    plan.h1 = (long)p->h * p->up + p->py0 + p->py1 - p->kuh + 1;
    if (plan.w1 < p->kdw || plan.h1 < p->kdh) return -1;
    if ((plan.w1 - p->kdw) / p->down + 1 != p->wo || (plan.h1 - p->kdh) / p->down + 1 != p->ho)
        return -1;
    /* the input columns the width pass reads: from the first phase's start to the last's end */
    long lo = 0, hi = p->w - 1;
    for (int r = 0; r < p->up && r < plan.w1; r++) {
        int m0 = r - p->px0, t0 = gs_mod(-m0, p->up);
        long start = gs_floordiv(m0 + t0, p->up);
        long count = (plan.w1 - r + p->up - 1) / p->up;
        long taps = t0 < p->kuw ? (p->kuw - t0 + p->up - 1) / p->up : 0;
        if (taps == 0) continue;
        if (start < lo) lo = start;
        if (start + count - 1 + taps - 1 > hi) hi = start + count - 1 + taps - 1;
    }
    plan.left = -lo;
    plan.right = hi - (p->w - 1);
    plan.raw_len = plan.left + p->w + plan.right;
    plan.ring = (p->kuh + p->up - 1) / p->up + 1;
    if (plan.ring > GS_MAX_RING) return -1;
    plan.grouped = p->u2 == NULL && (p->up == 1 || p->up == 2 || p->up == 4);
    plan.group_span = (p->kuh + p->up - 1) / p->up + (p->up > 1);
    plan.packed = !(plan.grouped && p->sc == 1);
    plan.vring = p->kdh + (plan.grouped ? p->up + (p->u2 || p->d2 ? 0 : 3 * p->down) : 0);
    if (plan.vring > GS_MAX_VRING) return -1;
    if (p->d2) {
        plan.d2_mirrored = 1;
        for (int ty = 0; ty < p->kdh / 2 && plan.d2_mirrored; ty++)
            plan.d2_mirrored = memcmp(p->d2 + (long)ty * p->kdw,
                                      p->d2 + (long)(p->kdh - 1 - ty) * p->kdw,
                                      (size_t)p->kdw * sizeof(float)) == 0;
    }
    plan.act.lrelu = p->lrelu != 0;
    plan.act.slope = p->slope;
    plan.act.lrelu_max = p->slope >= 0.0f && p->slope <= 1.0f;
    plan.act.scale = p->scale != 0;
    plan.act.gain = p->gain;
    plan.act.clamp = p->clamp != 0;
    plan.act.limit = p->limit;
    plan.act.any = plan.act.lrelu || plan.act.scale || plan.act.clamp;

    int width = gs_isa_width(isa);
    int threads = gs_threads(p->threads);
    plan.blocks = (p->c + width - 1) / width;
    /* bands of rows only when images x channel blocks leave threads idle (a band re-reads a
     * few high-rate rows at its top edge) */
    long units = plan.blocks;
    int bands = 1;
    if (threads > 1 && units < 2L * threads) {
        bands = (int)((2L * threads + units - 1) / units);
        int most = p->ho / 16 > 1 ? p->ho / 16 : 1;
        if (bands > most) bands = most;
    }
    plan.band_rows = (p->ho + bands - 1) / bands;
    plan.bands = (p->ho + plan.band_rows - 1) / plan.band_rows;
    plan.jobs = units * plan.bands;

    gs_shared sh;
    memset(&sh, 0, sizeof sh);
    sh.params = p;
    sh.plan = &plan;
    sh.isa = isa;
    sh.width = width;
    size_t in_bytes = plan.packed ? (size_t)plan.blocks * p->h * plan.raw_len * width
                                    * sizeof(float) : 64;
    plan.direct = isa == 3 && p->c % 16 == 0 && ((uintptr_t)p->y % 64) == 0;
    size_t out_bytes = plan.direct ? 64 : (size_t)plan.blocks * p->ho * p->wo * width
                                          * sizeof(float);
    void *in_buf = gs_alloc(in_bytes), *out_buf = gs_alloc(out_bytes);
    float *bias = gs_alloc((size_t)plan.blocks * width * sizeof(float));
    if (!in_buf || !out_buf || !bias) {
        gs_free(in_buf);
        gs_free(out_buf);
        gs_free(bias);
        return -2;
    }
    for (int c = 0; c < plan.blocks * width; c++)
        bias[c] = p->bias && c < p->c ? p->bias[c] : 0.0f;
    sh.bias_padded = bias;
    sh.packed_in = (float *)in_buf;
    sh.packed_out = (float *)out_buf;
    int filter_threads = threads > plan.jobs ? (int)plan.jobs : threads;
    for (int image = 0; image < p->n && !sh.failed; image++) {
        sh.image = image;
        if (plan.packed) gs_parallel(&sh, 0, threads > p->h ? p->h : threads);
        gs_parallel(&sh, 1, filter_threads);
        if (!plan.direct) gs_parallel(&sh, 2, threads > p->ho ? p->ho : threads);
    }
    gs_free(in_buf);
    gs_free(out_buf);
    gs_free(bias);
    return sh.failed ? -2 : 0;
}

/* --- StyleGAN2's blur, bias, noise and activation in one pass ------------------------------
 *
 * A StyleGAN2 layer ends with: (upsampling layers) a 4 x 4 FIR blur of the transposed
 * convolution's output, the bias, the noise image (one value per pixel, for every channel),
 * leaky ReLU and a clamp. PyTorch runs these as four or five passes over the layer's output,
 * the blur as a depthwise convolution; here one pass reads the input rows once and writes
 * each output row once. Without a filter (k == 0) it is the pointwise part, in place allowed
 * (y == x). Bands of output rows are the tasks, shared out through an atomic counter. */

typedef struct {
    const float *x;             /* input, channels-last: [N, H, W, C], channel stride 1 */
    int64_t sn, sh, sw;         /* its strides, in floats */
    int32_t n, c, h, w;
    const float *f;             /* separable correlation taps, the same on both axes; NULL */
    int32_t k;                  /* taps (0: no filter; then pad0 = pad1 = 0) */
    int32_t pad0, pad1;         /* zeros before / after, on both axes */
    const float *bias;          /* [C] or NULL */
    const float *noise;         /* [Ho, Wo] per image (noise_sn floats apart; 0: shared) */
    int64_t noise_sn;
    int32_t lrelu;              /* 1: leaky ReLU with slope */
    float slope;
    int32_t clamp;              /* 1: clamp to [-limit, limit] */
    float limit;
    float *y;                   /* output, channels-last contiguous [N, Ho, Wo, C] */
    int32_t ho, wo;
    int32_t threads, own_threads;
} gs_act_params;

GS_EXPORT int gs_act_abi(void) { return (int)sizeof(gs_act_params); }

typedef struct {
    const gs_act_params *p;
    const float *bias;          /* [C]: the call's bias, or zeros */
    const float *zero;          /* a zero input row [W * C] (with a filter) */
    long bands, band_rows;      /* each image's output rows in bands: the tasks */
    long next;
    int failed;
} gs_act_shared;

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define GS_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define GS_CLONES
#endif

/* the activation of one value: clamp(lrelu(v)) */
#define GS_ACT(v) do {                                                                        \
        if (lrelu) (v) = (v) < 0.0f ? (v) * slope : (v);                                      \
        if (clamp) { (v) = (v) < lo ? lo : (v); (v) = (v) > hi ? hi : (v); }                  \
    } while (0)

/* rows [r0, r1) of image img's output: each the k input rows around it filtered along the
 * height into tmp (zero margins), then along the width with bias, noise and the activation
 * into y; without a filter, the pointwise part (in place allowed). bias is [c] (zeros when
 * the call has none), zero a zero input row. */
GS_CLONES
static void gs_act_rows(const gs_act_params *p, long img, long r0, long r1, float *tmp,
                        const float *restrict bias, const float *restrict zero) {
    const long wo = p->wo, w = p->w, sw = p->sw, sh = p->sh;
    const int c = p->c, k = p->k, pad0 = p->pad0, h = p->h;
    const int lrelu = p->lrelu != 0, clamp = p->clamp != 0;
    const float slope = p->slope, lo = -p->limit, hi = p->limit;
    const float *xi = p->x + img * p->sn;
    for (long oy = r0; oy < r1; oy++) {
        float *out = p->y + ((img * p->ho + oy) * wo) * c;
        const float *noise = p->noise ? p->noise + img * p->noise_sn + oy * wo : NULL;
        if (k == 0) {                 /* pointwise: in place allowed, so no restrict here */
            const float *src = xi + oy * sh;
            for (long ox = 0; ox < wo; ox++) {
                const float *a = src + ox * sw;
                float *o = out + ox * c;
                float nz = noise ? noise[ox] : 0.0f;
                for (int ch = 0; ch < c; ch++) {
                    float v = a[ch] + bias[ch] + nz;
                    GS_ACT(v);
                    o[ch] = v;
                }
            }
            continue;
        }
        /* height pass (rows are contiguous: sw == c) */
        const float *rows[GS_MAX_TAPS] = {0};
        for (int t = 0; t < k; t++) {
            long iy = oy - pad0 + t;
            rows[t] = iy < 0 || iy >= h ? zero : xi + iy * sh;
        }
        float *restrict mid = tmp + (long)pad0 * c;
        const long len = w * c;
        if (k == 4) {
            const float f0 = p->f[0], f1 = p->f[1], f2 = p->f[2], f3 = p->f[3];
            const float *restrict a0 = rows[0], *restrict a1 = rows[1], *restrict a2 = rows[2],
                        *restrict a3 = rows[3];
            for (long i = 0; i < len; i++) mid[i] = f0 * a0[i] + f1 * a1[i] + f2 * a2[i] + f3 * a3[i];
        } else {
            const float f0 = p->f[0];
            const float *restrict a0 = rows[0];
            for (long i = 0; i < len; i++) mid[i] = f0 * a0[i];
            for (int t = 1; t < k; t++) {
                const float g = p->f[t];
                const float *restrict at = rows[t];
                for (long i = 0; i < len; i++) mid[i] += g * at[i];
            }
        }
        /* width pass with bias, noise and the activation */
        for (long ox = 0; ox < wo; ox++) {
            const float *restrict a = tmp + ox * c;
            float *restrict o = out + ox * c;
            float nz = noise ? noise[ox] : 0.0f;
            if (k == 4) {
                const float f0 = p->f[0], f1 = p->f[1], f2 = p->f[2], f3 = p->f[3];
                const float *restrict a1 = a + c, *restrict a2 = a1 + c, *restrict a3 = a2 + c;
                for (long ch = 0; ch < c; ch++) {
                    float v = f0 * a[ch] + f1 * a1[ch] + f2 * a2[ch] + f3 * a3[ch] + bias[ch] + nz;
                    GS_ACT(v);
                    o[ch] = v;
                }
            } else {
                for (int ch = 0; ch < c; ch++) {
                    float v = bias[ch] + nz;
                    for (int t = 0; t < k; t++) v += p->f[t] * a[(long)t * c + ch];
                    GS_ACT(v);
                    o[ch] = v;
                }
            }
        }
    }
}

static void *gs_act_thread(void *arg) {
    gs_act_shared *sh = (gs_act_shared *)arg;
    const gs_act_params *p = sh->p;
    float *tmp = NULL;
    if (p->k > 0) {
        size_t len = ((size_t)p->w + p->pad0 + p->pad1) * p->c;
        tmp = gs_alloc(len * sizeof(float));
        if (!tmp) {
            __atomic_store_n(&sh->failed, 1, __ATOMIC_RELAXED);
            return NULL;
        }
        memset(tmp, 0, len * sizeof(float));
    }
    long tasks = (long)p->n * sh->bands;
    for (;;) {
        long task = __atomic_fetch_add(&sh->next, 1, __ATOMIC_RELAXED);
        if (task >= tasks) break;
        long img = task / sh->bands, r0 = task % sh->bands * sh->band_rows;
        long r1 = r0 + sh->band_rows < p->ho ? r0 + sh->band_rows : p->ho;
        gs_act_rows(p, img, r0, r1, tmp, sh->bias, sh->zero);
    }
    gs_free(tmp);
    return NULL;
}

/* Runs it. Returns 0, or -1 bad arguments, -2 out of memory. */
GS_EXPORT int gs_act_run(const gs_act_params *p) {
    if (!p || !p->x || !p->y || p->n < 1 || p->c < 1 || p->h < 1 || p->w < 1 || p->k < 0
        || p->k > GS_MAX_TAPS || p->pad0 < 0 || p->pad1 < 0)
        return -1;
    if (p->k > 0 ? (!p->f || p->ho != p->h + p->pad0 + p->pad1 - p->k + 1
                    || p->wo != p->w + p->pad0 + p->pad1 - p->k + 1 || p->ho < 1 || p->wo < 1)
                 : (p->pad0 || p->pad1 || p->ho != p->h || p->wo != p->w))
        return -1;
    if (p->k > 0 && p->sw != p->c) return -1;
    int threads = gs_threads(p->threads);
    /* contiguous bands of rows, a few per thread: a band re-reads its input rows from the
     * cache, and the last band to finish is short */
    long bands = p->n >= 4L * threads ? 1 : (4L * threads + p->n - 1) / p->n;
    if (bands > p->ho) bands = p->ho;
    long band_rows = (p->ho + bands - 1) / bands;
    bands = (p->ho + band_rows - 1) / band_rows;
    if (threads > (long)p->n * bands) threads = (int)((long)p->n * bands);
    float *bias = gs_alloc((size_t)p->c * sizeof(float));
    float *zero = p->k > 0 ? gs_alloc((size_t)p->w * p->c * sizeof(float)) : NULL;
    if (!bias || (p->k > 0 && !zero)) {
        gs_free(bias);
        gs_free(zero);
        return -2;
    }
    for (int ch = 0; ch < p->c; ch++) bias[ch] = p->bias ? p->bias[ch] : 0.0f;
    if (zero) memset(zero, 0, (size_t)p->w * p->c * sizeof(float));
    gs_act_shared sh = {p, bias, zero, bands, band_rows, 0, 0};
    gs_run_team(gs_act_thread, &sh, threads, p->own_threads);
    gs_free(zero);
    gs_free(bias);
    return sh.failed ? -2 : 0;
}
