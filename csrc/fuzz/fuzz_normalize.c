/* libFuzzer target for core/normalize.c. For each tone style and with and without folding:
 *  - the output is idempotent: normalizing it again changes nothing;
 *  - the alignment has one entry per output code point plus one, is non-decreasing, and
 *    ends at the input length;
 *  - the fast scan never calls text unchanged that the full normalizer changes, at every width;
 *  - strip_diacritics never grows beyond the decomposition bound and never fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/normalize.h"
#include "fuzz_input.h"
#include "fuzz_check.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint32_t in[4096];
    size_t n = fuzz_text(data, size, in, 4096);
    static const tt_tone_style styles[3] = {TT_TONE_HOA, TT_TONE_HOAF, TT_TONE_KEEP};
    for (int s = 0; s < 3; s++) {
        for (int fold = 0; fold < 2; fold++) {
            tt_norm_opts o = {styles[s], fold};
            tt_cpbuf out = {0}, again = {0};
            tt_offbuf map = {0};
            int changed = -1, changed2 = -1;
            CHECK(tt_normalize(in, n, &o, &out, &map, &changed) == TT_OK);
            CHECK(map.n == out.n + 1);
            CHECK(map.v[map.n - 1] == n);
            for (size_t k = 1; k < map.n; k++)
                CHECK(map.v[k - 1] <= map.v[k]);
            CHECK(changed == (out.n != n || memcmp(out.v, in, n * sizeof *in) != 0));
            CHECK(tt_normalize(out.v, out.n, &o, &again, NULL, &changed2) == TT_OK);
            CHECK(changed2 == 0 && again.n == out.n && memcmp(again.v, out.v, out.n * sizeof *out.v) == 0);
            /* the scan is allowed to stop early, never to pass over a change */
            CHECK(tt_normalize_scan_u32(in, n, &o) < n || !changed);
            int narrow16 = 1, narrow8 = 1;
            for (size_t k = 0; k < n; k++) {
                narrow16 &= in[k] < 0x10000;
                narrow8 &= in[k] < 0x100;
            }
            if (narrow16) {
                uint16_t *w = malloc((n + 1) * sizeof *w);
                CHECK(w != NULL);
                for (size_t k = 0; k < n; k++)
                    w[k] = (uint16_t)in[k];
                CHECK(tt_normalize_scan_u16(w, n, &o) == tt_normalize_scan_u32(in, n, &o));
                free(w);
            }
            if (narrow8) {
                uint8_t *w = malloc(n + 1);
                CHECK(w != NULL);
                for (size_t k = 0; k < n; k++)
                    w[k] = (uint8_t)in[k];
                CHECK(tt_normalize_scan_u8(w, n, &o) == tt_normalize_scan_u32(in, n, &o));
                free(w);
            }
            tt_cpbuf_free(&out);
            tt_cpbuf_free(&again);
            tt_offbuf_free(&map);
        }
    }
    tt_cpbuf strip = {0};
    CHECK(tt_strip_diacritics(in, n, &strip) == TT_OK);
    CHECK(strip.n <= 4 * n);
    tt_cpbuf_free(&strip);
    return 0;
}
