/* The anchor words of the attribution rules (tintuc.attribution) that can open one of its
 * forms: one pass over the anchors the cue pass found (cue_find.h's longest phrase at each
 * token), dropping those whose surroundings rule out every form before the rules' regular
 * expressions read them.
 *
 * What the pass does is what the rules' loop did first for each anchor: skip one that starts
 * inside the one kept before it, or right after a letter or digit; then, by its key word (the
 * lower-cased text of the anchor), ask what the key's form needs next to it:
 * - TT_AS_SENTENCE ("theo"): the key opens a line or follows a sentence's end (spaces, tabs
 *   and no-break spaces aside) and a space that breaks no line follows it;
 * - TT_AS_SPACED ("dẫn", "phóng viên"): a space that breaks no line follows the key, and,
 *   when the key names the characters a next word may begin with ("dẫn lời", "dẫn thông
 *   báo của"), one of them follows those spaces;
 * - TT_AS_NAME_NEXT (an outlet: "báo", "hãng tin"): the character one past the key's end is
 *   upper case ("báo Nhân Dân", not "báo cáo");
 * - TT_AS_KEEP: nothing.
 * A key that is none of the table's takes the `other` rule. Character classes are the
 * host's (ctype: TT_AS_SPACE, TT_AS_UPPER, TT_AS_ALNUM), so the core holds no Unicode
 * tables. */
#ifndef TT_ATTRIB_SCAN_H
#define TT_ATTRIB_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "cue_find.h"
#include "tt_base.h"

/* A text read in place: n code points of `width` bytes each (1, 2 or 4). */
typedef struct {
    const void *data;
    size_t n;
    int width;
} tt_as_text;

enum { TT_AS_SPACE = 1, TT_AS_UPPER = 2, TT_AS_ALNUM = 4 };
typedef unsigned (*tt_as_ctype)(tt_cp c);

enum { TT_AS_KEEP = 0, TT_AS_SENTENCE, TT_AS_SPACED, TT_AS_NAME_NEXT, TT_AS_NRULES };

/* A key word (lower-cased, as the lower-cased text holds it), its rule, and for TT_AS_SPACED
 * the characters the next word may begin with (none: any). */
typedef struct {
    const tt_cp *cp;
    size_t n;
    int rule;
    const tt_cp *next;
    size_t n_next;
} tt_as_key;

/* The anchors rec[idx[0..n_idx)] (in text order) that may open a form, their indexes written
 * to out (room for n_idx; out may be idx itself) and counted in *got. `norm` is the text and
 * `low` its lower-cased form of the same length. TT_EINVAL for an anchor outside the text,
 * texts of different lengths, a bad width or a rule out of range. */
tt_status tt_attrib_scan(const tt_cue_rec *rec, size_t n_rec, const size_t *idx, size_t n_idx,
                         const tt_as_text *norm, const tt_as_text *low, const tt_as_key *keys, size_t n_keys,
                         int other, tt_as_ctype ctype, size_t *out, size_t *got);

/* The starts of the lines of norm where a dateline ("Hà Nội, 14/3 (TTXVN) -") can stand:
 * those holding a ")" that a dash ("-", "–", "—") follows, spaces that break no line aside.
 * Pushed to out in text order, each once. */
tt_status tt_attrib_dateline_lines(const tt_as_text *norm, tt_as_ctype ctype, tt_offbuf *out);

/* The starts of the lines among the last k of norm (trailing whitespace aside; after the
 * k-th line break from its end, or after the first when it has fewer, none without any)
 * where a credit ("Theo Reuters") can stand: spaces that break no line, "Theo" or "theo",
 * then such a space. Pushed to out in text order. */
tt_status tt_attrib_credit_lines(const tt_as_text *norm, size_t k, tt_as_ctype ctype, tt_offbuf *out);

#endif
