/* The kernels of stylegan3_fir.c for one vector width. Included once per instruction set with
 * VL (floats per vector), PB / PBG (output pixels register-blocked per tap, for one row / for
 * a group of rows), GS_SPLAT and, where the instruction set has them, GS_VMAX / GS_VMIN
 * defined, and SFX(name) giving each function its instruction set's name; stylegan3_fir.c
 * runs SFX(worker) on its threads.
 *
 * Layout: one job is one block of VL channels and one band of output rows of the image being
 * processed (the images of a batch run one after the other). Rows inside a job are arrays of
 * pixels, one vector (VL channels) per pixel, so every filter tap is one broadcast and several
 * fused multiply-adds into accumulators that stay in registers. */

typedef float SFX(vf) __attribute__((vector_size(VL * 4)));
typedef int SFX(vi) __attribute__((vector_size(VL * 4)));
#define VF SFX(vf)
#define VI SFX(vi)

static inline __attribute__((always_inline)) VF SFX(bcast)(float f) {
    VF v = GS_SPLAT(f);   /* one broadcast instruction */
    return v;
}

/* out[q * os] (+)= sum_t taps[t] * in[q * is + t], q < p: one block of p outputs */
static inline __attribute__((always_inline)) void SFX(fir_block)(
        VF *restrict out, long os, const VF *restrict in, long is,
        const float *restrict taps, int nt, int p, int accumulate) {
    VF acc[PB];
    for (int q = 0; q < p; q++) acc[q] = accumulate ? out[q * os] : (VF){0};
    for (int t = 0; t < nt; t++) {
        VF tv = SFX(bcast)(taps[t]);
        const VF *s = in + t;
        for (int q = 0; q < p; q++) acc[q] += tv * s[q * is];
    }
    for (int q = 0; q < p; q++) out[q * os] = acc[q];
}

/* out[k * os] (+)= sum_t taps[t] * in[k * is + t] for k < count */
static void SFX(fir_line)(VF *restrict out, long os, const VF *restrict in, long is,
                          const float *restrict taps, int nt, long count, int accumulate) {
    long k = 0;
#define GS_LINE(IS, OS)                                                                       \
    for (; k + PB <= count; k += PB)                                                          \
        SFX(fir_block)(out + k * (OS), (OS), in + k * (IS), (IS), taps, nt, PB, accumulate);  \
    for (; k < count; k++)                                                                    \
        SFX(fir_block)(out + k * (OS), (OS), in + k * (IS), (IS), taps, nt, 1, accumulate);
    /* constant strides: the compiler then addresses the PB vectors by fixed offsets */
    if (is == 1 && os == 2) {
        GS_LINE(1, 2)
    } else if (is == 1 && os == 4) {
        GS_LINE(1, 4)
    } else if (is == 2 && os == 1) {
        GS_LINE(2, 1)
    } else if (is == 1 && os == 1) {
        GS_LINE(1, 1)
    } else {
        GS_LINE(is, os)
    }
#undef GS_LINE
}

/* leaky ReLU (slope), times gain, clamp to [-limit, limit] */
static inline __attribute__((always_inline)) VF SFX(activate)(VF v, const gs_act *a) {
    if (a->lrelu) {
#ifdef GS_VMAX
        if (a->lrelu_max) {                   /* 0 <= slope <= 1: max(slope v, v) */
            v = GS_VMAX(v * a->slope, v);
        } else
#endif
        {
            VI neg = v < (VF){0};
            VF s = v * a->slope;
            v = (VF)(((VI)s & neg) | ((VI)v & ~neg));
        }
    }
    if (a->scale) v = v * a->gain;
    if (a->clamp) {
        VF hi = SFX(bcast)(a->limit), lo = SFX(bcast)(-a->limit);
#ifdef GS_VMAX
        v = GS_VMIN(hi, GS_VMAX(lo, v));      /* NaN stays NaN, as in torch.clamp */
#else
        VI above = v > hi, below = v < lo;
        v = (VF)(((VI)hi & above) | ((VI)v & ~above));
        v = (VF)(((VI)lo & below) | ((VI)v & ~below));
#endif
    }
    return v;
}

/* out[x] = act(sum_t taps[t] * rows[t][x]) for x < count (act may be NULL) */
static inline __attribute__((always_inline)) void SFX(column_block)(
        VF *restrict out, const VF *const *rows, const float *restrict taps, int nt, long x,
        int p, const gs_act *act) {
    VF acc[PB];
    for (int q = 0; q < p; q++) acc[q] = (VF){0};
    for (int t = 0; t < nt; t++) {
        VF tv = SFX(bcast)(taps[t]);
        const VF *s = rows[t] + x;
        for (int q = 0; q < p; q++) acc[q] += tv * s[q];
    }
    if (act)
        for (int q = 0; q < p; q++) acc[q] = SFX(activate)(acc[q], act);
    for (int q = 0; q < p; q++) out[x + q] = acc[q];
}

static void SFX(column)(VF *restrict out, const VF *const *rows, const float *restrict taps,
                        int nt, long count, const gs_act *act) {
    long x = 0;
    if (act) {
        for (; x + PB <= count; x += PB) SFX(column_block)(out, rows, taps, nt, x, PB, act);
        for (; x < count; x++) SFX(column_block)(out, rows, taps, nt, x, 1, act);
    } else {
        for (; x + PB <= count; x += PB) SFX(column_block)(out, rows, taps, nt, x, PB, NULL);
        for (; x < count; x++) SFX(column_block)(out, rows, taps, nt, x, 1, NULL);
    }
}

/* outs[r][x] = act(sum_l taps[r][l] * rows[l][x]) for r < U: the U phases of upsampling along
 * height read the same input rows, so each loaded vector feeds U accumulators */
static inline __attribute__((always_inline)) void SFX(group_block)(
        VF *const *outs, const VF *const *rows, const float *restrict taps, int span, long x,
        int p, int U, const gs_act *act) {
    VF acc[4][PBG];
    for (int r = 0; r < U; r++)
        for (int q = 0; q < p; q++) acc[r][q] = (VF){0};
    for (int l = 0; l < span; l++) {
        VF tv[4];
        for (int r = 0; r < U; r++) tv[r] = SFX(bcast)(taps[r * span + l]);
        const VF *s = rows[l] + x;
        for (int q = 0; q < p; q++) {
            VF v = s[q];
            for (int r = 0; r < U; r++) acc[r][q] += tv[r] * v;
        }
    }
    for (int r = 0; r < U; r++)
        for (int q = 0; q < p; q++) {
            VF a = acc[r][q];
            if (act) a = SFX(activate)(a, act);
            outs[r][x + q] = a;
        }
}

static void SFX(group)(VF *const *outs, const VF *const *rows, const float *restrict taps,
                       int span, long count, int u, const gs_act *act) {
    long x = 0;
#define GS_GROUP(U)                                                                           \
    for (; x + PBG / (U) <= count; x += PBG / (U))                                            \
        SFX(group_block)(outs, rows, taps, span, x, PBG / (U), (U), act);                     \
    for (; x < count; x++) SFX(group_block)(outs, rows, taps, span, x, 1, (U), act);
    if (u == 2) {
        GS_GROUP(2)
    } else if (u == 4) {
        GS_GROUP(4)
    } else {
        GS_GROUP(1)
    }
#undef GS_GROUP
}

/* out[x] = sum_ty sum_tx f[ty][tx] * rows[ty][x * d + tx]: a 2-D kernel, every d-th column */
static inline __attribute__((always_inline)) void SFX(kernel2d_block)(
        VF *restrict out, const VF *const *rows, const float *restrict f, int kh, int kw,
        int d, long x, int p) {
    VF acc[PB];
    for (int q = 0; q < p; q++) acc[q] = (VF){0};
    for (int ty = 0; ty < kh; ty++) {
        const VF *r = rows[ty] + x * d;
        const float *ft = f + (long)ty * kw;
        for (int tx = 0; tx < kw; tx++) {
            VF tv = SFX(bcast)(ft[tx]);
            const VF *s = r + tx;
            for (int q = 0; q < p; q++) acc[q] += tv * s[q * d];
        }
    }
    for (int q = 0; q < p; q++) out[x + q] = acc[q];
}

static void SFX(kernel2d)(VF *restrict out, const VF *const *rows, const float *restrict f,
                          int kh, int kw, int d, long count) {
    long x = 0;
#define GS_2D(D)                                                                              \
    for (; x + PB <= count; x += PB) SFX(kernel2d_block)(out, rows, f, kh, kw, (D), x, PB);   \
    for (; x < count; x++) SFX(kernel2d_block)(out, rows, f, kh, kw, (D), x, 1);
    if (d == 1) {
        GS_2D(1)
    } else if (d == 2) {
        GS_2D(2)
    } else {
        GS_2D(d)
    }
#undef GS_2D
}

/* kernel2d for a kernel whose rows mirror (f[ty] = f[kh-1-ty], as a radial filter's do): the
 * mirrored input rows are added first (in a small buffer that stays in the L1 cache), which
 * halves the multiply-adds */
static inline __attribute__((always_inline)) void SFX(kernel2d_sym_block)(
        VF *restrict out, const VF *const *rows, const float *restrict f, int kh, int kw,
        int d, long x, int p) {
    VF acc[PB];
    VF pair[PB * 2 + GS_MAX_TAPS];
    int n = (p - 1) * d + kw;
    for (int q = 0; q < p; q++) acc[q] = (VF){0};
    for (int ty = 0; ty < kh / 2; ty++) {
        const VF *a = rows[ty] + x * d, *b = rows[kh - 1 - ty] + x * d;
        for (int i = 0; i < n; i++) pair[i] = a[i] + b[i];
        const float *ft = f + (long)ty * kw;
        for (int tx = 0; tx < kw; tx++) {
            VF tv = SFX(bcast)(ft[tx]);
            const VF *s = pair + tx;
            for (int q = 0; q < p; q++) acc[q] += tv * s[q * d];
        }
    }
    if (kh % 2) {
        int ty = kh / 2;
        const VF *r = rows[ty] + x * d;
        const float *ft = f + (long)ty * kw;
        for (int tx = 0; tx < kw; tx++) {
            VF tv = SFX(bcast)(ft[tx]);
            const VF *s = r + tx;
            for (int q = 0; q < p; q++) acc[q] += tv * s[q * d];
        }
    }
    for (int q = 0; q < p; q++) out[x + q] = acc[q];
}

/* kernel2d_sym for the radial filters StyleGAN3 uses (12 x 12 taps, every 2nd sample), fully
 * unrolled: each mirrored pair of input vectors is loaded and added once and feeds every
 * output of the block it reaches (up to 6), with the row's 12 taps held in registers */
static inline __attribute__((always_inline)) void SFX(kernel2d_s12_block)(
        VF *restrict out, const VF *const *rows, const float *restrict f, int kh, long x) {
    VF acc[PB];
#pragma GCC unroll 16
    for (int q = 0; q < PB; q++) acc[q] = (VF){0};
    for (int ty = 0; ty < kh / 2; ty++) {
        VF tap[12];
#pragma GCC unroll 12
        for (int tx = 0; tx < 12; tx++) tap[tx] = SFX(bcast)(f[ty * 12 + tx]);
        const VF *a = rows[ty] + x * 2, *b = rows[kh - 1 - ty] + x * 2;
#pragma GCC unroll 64
        for (int i = 0; i < 2 * (PB - 1) + 12; i++) {
            VF v = a[i] + b[i];
#pragma GCC unroll 16
            for (int q = 0; q < PB; q++) {
                int tx = i - 2 * q;
                if (tx >= 0 && tx < 12) acc[q] += tap[tx] * v;
            }
        }
    }
#pragma GCC unroll 16
    for (int q = 0; q < PB; q++) out[x + q] = acc[q];
}

static void SFX(kernel2d_sym)(VF *restrict out, const VF *const *rows, const float *restrict f,
                              int kh, int kw, int d, long count) {
    long x = 0;
    if (kw == 12 && d == 2 && kh % 2 == 0)
        for (; x + PB <= count; x += PB) SFX(kernel2d_s12_block)(out, rows, f, kh, x);
#define GS_2D(D)                                                                              \
    for (; x + PB <= count; x += PB)                                                          \
        SFX(kernel2d_sym_block)(out, rows, f, kh, kw, (D), x, PB);                            \
    for (; x < count; x++) SFX(kernel2d_sym_block)(out, rows, f, kh, kw, (D), x, 1);
    if (d == 2) {
        GS_2D(2)
    } else if (d == 1) {
        GS_2D(1)
    } else {
        GS_2D(d)
    }
#undef GS_2D
}


/* Polyphase upsampling of one row along width: out[o] (+)= sum_t g[t] * zero-inserted,
 * padded input[o + t] for o < plan->w1, computed phase by phase from the real samples only.
 * `in` points at input pixel 0 of a row with zero margins wide enough for every read. */
static void SFX(upsample_row)(VF *restrict out, const VF *restrict in, const float *g, int k,
                              const gs_plan *plan, int accumulate) {
    int u = plan->up;
    float taps[GS_MAX_TAPS];
    for (int r = 0; r < u && r < plan->w1; r++) {
        int m0 = r - plan->x0, t0 = gs_mod(-m0, u), n = 0;
        long start = gs_floordiv(m0 + t0, u);
        for (int t = t0; t < k; t += u) taps[n++] = g[t];
        long count = (plan->w1 - r + u - 1) / u;
        if (n == 0) {
            if (!accumulate)
                for (long p = 0; p < count; p++) out[r + p * u] = (VF){0};
            continue;
        }
        SFX(fir_line)(out + r, u, in + start, 1, taps, n, count, accumulate);
    }
}

typedef struct {
    VF *wide;       /* width-upsampled rows: ring of `ring` rows (separable upsampling) */
    VF *vrows;      /* rows at the high rate after the activation: ring of vring rows (2-D
                       down), else the rows of one group */
    VF *trows;      /* rows filtered along width and decimated: ring of vring rows */
    VF *zero;       /* a row of zeros */
    long wide_tag[GS_MAX_RING], v_tag[GS_MAX_VRING], t_tag[GS_MAX_VRING];
    VF *group[4];   /* the high-rate rows of one group (separable downsampling) */
    const VF *in;   /* this job's packed input rows [h][raw_len] (biased, zero margins) */
    VF *raw;        /* one input row with zero margins (rows gathered straight from x) */
    VF *orows;      /* 4 output rows on their way into y (streamed rows) */
    const float *x; /* this job's image and first channel in x (gathered rows) */
    VF bias;        /* this block's bias (gathered rows) */
    int cw;         /* channels in this block */
} SFX(scratch);

/* input row iy of the job (pixel 0; margins readable), NULL outside the image */
static inline const VF *SFX(raw_row)(const gs_params *p, const gs_plan *plan,
                                     const SFX(scratch) *s, long iy) {
    if (iy < 0 || iy >= p->h) return NULL;
    return s->in + iy * plan->raw_len + plan->left;
}

/* Input row iy of the job's channel block, biased, gathered straight from x into the row buffer
 * `raw` (whose zero margins are never written); the next row is prefetched meanwhile, so the
 * strided reads of a channels-last image do not wait on memory. */
static void SFX(gather_row)(const gs_params *p, const gs_plan *plan, const SFX(scratch) *s,
                            long iy, VF *raw) {
    const float *row = s->x + (int64_t)iy * p->sh;
    const float *next = iy + 1 < p->h ? row + p->sh : NULL;
    VF *dst = raw + plan->left;
    VF b = s->bias;
    if (s->cw == VL) {
        for (long ix = 0; ix < p->w; ix++) {
            const float *src = row + (int64_t)ix * p->sw;
            if (next) {
                __builtin_prefetch(next + (int64_t)ix * p->sw);
                __builtin_prefetch(next + (int64_t)ix * p->sw + VL - 1);
            }
            VF v;
            memcpy(&v, src, sizeof v);          /* an unaligned vector load */
            dst[ix] = v + b;
        }
    } else {
        for (long ix = 0; ix < p->w; ix++) {
            const float *src = row + (int64_t)ix * p->sw;
            VF v = (VF){0};
            for (int c = 0; c < s->cw; c++) v[c] = src[c];
            dst[ix] = v + b;
        }
    }
}

/* the width-upsampled input row iy (separable upsampling), from the ring */
static const VF *SFX(wide_row)(const gs_params *p, const gs_plan *plan, SFX(scratch) *s,
                               long iy) {
    if (iy < 0 || iy >= p->h) return s->zero;
    int slot = (int)gs_mod_l(iy, plan->ring);
    VF *row = s->wide + (long)slot * plan->w1;
    if (s->wide_tag[slot] != iy) {
        const VF *in;
        if (plan->packed) {
            in = SFX(raw_row)(p, plan, s, iy);
        } else {
            SFX(gather_row)(p, plan, s, iy, s->raw);
            in = s->raw + plan->left;
        }
        SFX(upsample_row)(row, in, p->uw, p->kuw, plan, 0);
        s->wide_tag[slot] = iy;
    }
    return row;
}

/* high-rate row j (after upsampling and the activation) into out */
static void SFX(high_row)(const gs_params *p, const gs_plan *plan, SFX(scratch) *s, long j,
                          VF *out) {
    int u = p->up;
    long m0 = j - p->py0;
    int t0 = (int)gs_mod_l(-m0, u);
    long start = gs_floordiv_l(m0 + t0, u);
    const gs_act *act = plan->act.any ? &plan->act : NULL;
    if (p->u2 == NULL) {
        const VF *rows[GS_MAX_TAPS];
        float taps[GS_MAX_TAPS];
        int nt = 0;
        for (int t = t0; t < p->kuh; t += u, nt++) {
            taps[nt] = p->uh[t];
            rows[nt] = SFX(wide_row)(p, plan, s, start + nt);
        }
        if (nt == 0) {
            rows[0] = s->zero;
            taps[0] = 0.0f;
            nt = 1;
        }
        SFX(column)(out, rows, taps, nt, plan->w1, act);
        return;
    }
    /* 2-D upsampling kernel: each contributing input row with its row of taps */
    for (long x = 0; x < plan->w1; x++) out[x] = (VF){0};
    int l = 0;
    for (int t = t0; t < p->kuh; t += u, l++) {
        const VF *raw = SFX(raw_row)(p, plan, s, start + l);
        if (raw) SFX(upsample_row)(out, raw, p->u2 + (long)t * p->kuw, p->kuw, plan, 1);
    }
    if (act)
        for (long x = 0; x < plan->w1; x++) out[x] = SFX(activate)(out[x], act);
}

/* The high-rate rows j = py0 + u g + r (r < u) of group g, which read the same input rows,
 * in one pass (grouped path: separable upsampling by 1, 2 or 4); outs[r] receives row r. */
static void SFX(high_group)(const gs_params *p, const gs_plan *plan, SFX(scratch) *s, long g,
                            VF *const *outs) {
    int u = p->up, k = p->kuh;
    const VF *rows[GS_MAX_TAPS + 1];
    float taps[4 * (GS_MAX_TAPS + 1)];
    int span = plan->group_span;
    /* phase r starts at input row g + (r > 0) with taps (u - r) % u, u + (u - r) % u, ... */
    for (int l = 0; l < span; l++) rows[l] = SFX(wide_row)(p, plan, s, g + l);
    for (int r = 0; r < u; r++) {
        int t0 = (u - r) % u, first = r > 0;
        for (int l = 0; l < span; l++) {
            int t = t0 + u * (l - first);
            taps[r * span + l] = (l >= first && t < k) ? p->uh[t] : 0.0f;
        }
    }
    SFX(group)(outs, rows, taps, span, plan->w1, u, plan->act.any ? &plan->act : NULL);
}

/* high-rate row j, computed with its group (all of whose rows are kept), in its ring slot */
static VF *SFX(grouped_row)(const gs_params *p, const gs_plan *plan, SFX(scratch) *s, long j) {
    int u = p->up, ring = plan->vring;
    int slot = (int)(j % ring);
    if (s->v_tag[slot] == j) return s->vrows + (long)slot * plan->w1;
    long g = gs_floordiv_l(j - p->py0, u);
    VF *outs[4];
    for (int r = 0; r < u; r++) {
        long jr = p->py0 + g * u + r;
        int sr = jr >= 0 ? (int)(jr % ring) : ring;        /* rows before 0: a spare row */
        outs[r] = s->vrows + (long)sr * plan->w1;
        if (jr >= 0) s->v_tag[sr] = jr;
    }
    SFX(high_group)(p, plan, s, g, outs);
    return s->vrows + (long)slot * plan->w1;
}

/* one job: channel block cb, a band of output rows, of the image in sh */
static void SFX(job)(const gs_shared *sh, SFX(scratch) *s, long index) {
    const gs_params *p = sh->params;
    const gs_plan *plan = sh->plan;
    int cb = (int)(index / plan->bands), band = (int)(index % plan->bands);
    long oy0 = (long)band * plan->band_rows;
    long oy1 = oy0 + plan->band_rows < p->ho ? oy0 + plan->band_rows : p->ho;
    int d = p->down, kdh = p->kdh;
    s->in = plan->packed ? (const VF *)sh->packed_in + (long)cb * p->h * plan->raw_len : NULL;
    s->x = p->x + (int64_t)sh->image * p->sn + (int64_t)cb * VL;
    s->cw = p->c - cb * VL < VL ? p->c - cb * VL : VL;
    for (int c = 0; c < VL; c++) s->bias[c] = sh->bias_padded[cb * VL + c];
    VF *out = (VF *)sh->packed_out + (long)cb * p->ho * p->wo;
#ifdef GS_STREAM
    /* whole cache lines of y (64-byte blocks at 64-byte offsets): the rows go straight into y
     * with streaming stores (no read of the lines first, no unpacking pass) */
    float *ydst = plan->direct ? p->y + (int64_t)sh->image * p->ho * p->wo * p->c
                                 + (int64_t)cb * VL : NULL;
#endif
    for (int i = 0; i < GS_MAX_RING; i++) s->wide_tag[i] = LONG_MIN;
    for (int i = 0; i < GS_MAX_VRING; i++) s->v_tag[i] = s->t_tag[i] = LONG_MIN;
    const VF *rows[GS_MAX_VRING];
    for (long oy = oy0; oy < oy1;) {
        /* separable downsampling (grouped path): up to 4 output rows per pass over the
         * kdh + 3 d filtered rows they share; otherwise one */
        int nrows = 1;
        if (plan->grouped && !p->d2) nrows = oy1 - oy >= 4 ? 4 : oy1 - oy >= 2 ? 2 : 1;
        int span = kdh + (nrows - 1) * d;
        for (int t = 0; t < span; t++) {
            long j = oy * d + t;
            if (plan->grouped) {
                if (p->d2) {
                    rows[t] = SFX(grouped_row)(p, plan, s, j);
                } else {
                    int slot = (int)(j % plan->vring);
                    VF *tr = s->trows + (long)slot * p->wo;
                    if (s->t_tag[slot] != j) {
                        VF *v = SFX(grouped_row)(p, plan, s, j);
                        SFX(fir_line)(tr, 1, v, d, p->dw, p->kdw, p->wo, 0);
                        s->t_tag[slot] = j;
                    }
                    rows[t] = tr;
                }
                continue;
            }
            int slot = (int)(j % kdh);
            if (p->d2) {
                VF *v = s->vrows + (long)slot * plan->w1;
                if (s->v_tag[slot] != j) {
                    SFX(high_row)(p, plan, s, j, v);
                    s->v_tag[slot] = j;
                }
                rows[t] = v;
            } else {
                VF *tr = s->trows + (long)slot * p->wo;
                if (s->t_tag[slot] != j) {
                    SFX(high_row)(p, plan, s, j, s->vrows);
                    SFX(fir_line)(tr, 1, s->vrows, d, p->dw, p->kdw, p->wo, 0);
                    s->t_tag[slot] = j;
                }
                rows[t] = tr;
            }
        }
        VF *orow = out + oy * p->wo;
#ifdef GS_STREAM
        if (ydst) orow = s->orows;
#endif
        if (nrows > 1) {
            float taps[4 * GS_MAX_VRING];
            VF *outs[4];
            for (int r = 0; r < nrows; r++) {
                outs[r] = out + (oy + r) * p->wo;
#ifdef GS_STREAM
                if (ydst) outs[r] = s->orows + (long)r * p->wo;
#endif
                for (int l = 0; l < span; l++) {
                    int t = l - r * d;
                    taps[r * span + l] = t >= 0 && t < kdh ? p->dh[t] : 0.0f;
                }
            }
            SFX(group)(outs, rows, taps, span, p->wo, nrows, NULL);
#ifdef GS_STREAM
            if (ydst)
                for (int r = 0; r < nrows; r++) {
                    float *dst = ydst + (int64_t)(oy + r) * p->wo * p->c;
                    for (long x = 0; x < p->wo; x++)
                        GS_STREAM(dst + (int64_t)x * p->c, outs[r][x]);
                }
#endif
            oy += nrows;
            continue;
        }
        if (p->d2 && plan->d2_mirrored)
            SFX(kernel2d_sym)(orow, rows, p->d2, kdh, p->kdw, d, p->wo);
        else if (p->d2)
            SFX(kernel2d)(orow, rows, p->d2, kdh, p->kdw, d, p->wo);
        else
            SFX(column)(orow, rows, p->dh, kdh, p->wo, NULL);
#ifdef GS_STREAM
        if (ydst) {
            float *dst = ydst + (int64_t)oy * p->wo * p->c;
            for (long x = 0; x < p->wo; x++) GS_STREAM(dst + (int64_t)x * p->c, orow[x]);
        }
#endif
        oy++;
    }
}

static void *SFX(alloc)(long vectors) {
    size_t bytes = (size_t)(vectors > 0 ? vectors : 1) * sizeof(VF);
    void *ptr = gs_alloc(bytes);
    if (ptr) memset(ptr, 0, bytes);
    return ptr;
}

static void SFX(worker)(gs_shared *sh) {
    const gs_params *p = sh->params;
    const gs_plan *plan = sh->plan;
    SFX(scratch) s;
    s.wide = SFX(alloc)(p->u2 ? 1 : (long)plan->ring * plan->w1);
    s.vrows = SFX(alloc)((long)(plan->vring + 1) * plan->w1);
    s.trows = SFX(alloc)((long)plan->vring * p->wo);
    s.zero = SFX(alloc)(plan->w1 > plan->raw_len ? plan->w1 : plan->raw_len);
    s.raw = SFX(alloc)(plan->raw_len);
    s.orows = SFX(alloc)(4L * p->wo);
    if (!s.wide || !s.vrows || !s.trows || !s.zero || !s.raw || !s.orows) {
        __atomic_store_n(&sh->failed, 1, __ATOMIC_RELAXED);
    } else {
        for (;;) {
            long index = __atomic_fetch_add(&sh->next, 1, __ATOMIC_RELAXED);
            if (index >= plan->jobs) break;
            SFX(job)(sh, &s, index);
        }
    }
    gs_free(s.wide); gs_free(s.vrows); gs_free(s.trows); gs_free(s.zero);
    gs_free(s.raw);
    gs_free(s.orows);
#ifdef GS_STREAM
    _mm_sfence();   /* this thread's streaming stores are visible before it reports done */
#endif
}

#undef VF
#undef VI
