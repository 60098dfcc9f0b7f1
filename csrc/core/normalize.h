/* Normalization of Vietnamese text with an alignment back to the original.
 *
 * NFC (through ICU), one tone-mark placement, misplaced marks fixed ("qủa" -> "quả"),
 * look-alike letters folded (U+00D0 -> Đ, a Cyrillic "о" inside a Latin word -> "o"),
 * odd spaces made plain, zero-width characters and BOMs dropped, quote and dash variants
 * made ASCII. Idempotent. */
#ifndef TT_NORMALIZE_H
#define TT_NORMALIZE_H

#include "syllable.h"
#include "tt_base.h"

typedef struct {
    tt_tone_style tone; /* TT_TONE_KEEP leaves tone placement alone */
    int fold_punct;     /* fold quote and dash variants to ASCII ' " - */
} tt_norm_opts;

/* Normalize in[0, n) and append the result to out.
 *
 * When map is non-NULL, it receives (appended) one entry per output code point plus one:
 * map[k] is the index in `in` where the source of output code point k starts, and the last
 * entry is n. A span [s, e) of the output therefore came from [map[s], map[e]) of the
 * input; characters dropped by normalization belong to the output character after them.
 * When changed is non-NULL it is set to 1 if the output differs from the input, else 0.
 * Lone surrogates and NUL pass through untouched. */
tt_status tt_normalize(const tt_cp *in, size_t n, const tt_norm_opts *opts,
                       tt_cpbuf *out, tt_offbuf *map, int *changed);

/* Length of the prefix of a text (stored 1, 2 or 4 bytes per code point) that
 * tt_normalize would copy unchanged. Equal to n when the whole text is already normal:
 * callers use it to skip work (and copies) for text that needs none. */
size_t tt_normalize_scan_u8(const uint8_t *in, size_t n, const tt_norm_opts *opts);
size_t tt_normalize_scan_u16(const uint16_t *in, size_t n, const tt_norm_opts *opts);
size_t tt_normalize_scan_u32(const uint32_t *in, size_t n, const tt_norm_opts *opts);

/* Remove diacritics: "Hà Nội" -> "Ha Noi", "Đ" -> "D", "Zürich" -> "Zurich". Combining
 * marks are dropped; other characters pass through. Appends to out. */
tt_status tt_strip_diacritics(const tt_cp *in, size_t n, tt_cpbuf *out);

#endif
