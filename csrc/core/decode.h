/* Decoding bytes into text: UTF-8 (strict) and the legacy Vietnamese encodings (CP1258, VISCII,
 * TCVN3/ABC, VNI-Windows, VIQR), and detecting which of them a byte string uses.
 *
 * Every decoder writes NFC code points into a tt_cpbuf. Legacy decoders never fail on their
 * input: every byte means something (bytes a table leaves out keep their Windows-1258/Latin-1
 * meaning). Only UTF-8 rejects input, and then it reports where, exactly as Python's own
 * decoder does (same start, end and reason), so that callers can raise the same error. */
#ifndef TT_DECODE_H
#define TT_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utypes.h>

#include "tt_base.h"

typedef enum {
    TT_ENC_UNKNOWN = -2, /* a name tt_encoding_lookup does not know */
    TT_ENC_AUTO = -1,    /* detect (tt_detect_encoding) */
    TT_ENC_UTF8 = 0,     /* "utf-8": strict; a leading byte-order mark is dropped */
    TT_ENC_CP1258,       /* "cp1258": Windows-1258 through ICU, then composed */
    TT_ENC_VISCII,       /* "viscii": RFC 1456 */
    TT_ENC_TCVN3,        /* "tcvn3": TCVN 5712 VN3 as the ABC fonts use it; no toned capitals */
    TT_ENC_VNI,          /* "vni": VNI-Windows, base byte plus optional diacritic byte */
    TT_ENC_VIQR,         /* "viqr": RFC 1456 ASCII mnemonics */
    TT_ENC_COUNT
} tt_encoding;

/* The canonical names, for error messages. */
#define TT_ENCODING_NAMES "'auto', 'utf-8', 'cp1258', 'viscii', 'tcvn3', 'vni', 'viqr'"

/* An encoding by name: the canonical names, "auto", and common aliases ("utf8",
 * "windows-1258", "abc", "vn3", "vni-windows", ...), compared ignoring case and the
 * characters " -_.". Returns TT_ENC_UNKNOWN for anything else. */
tt_encoding tt_encoding_lookup(const char *name, size_t len);

/* The canonical name of an encoding ("utf-8", "cp1258", "viscii", "tcvn3", "vni", "viqr"),
 * "auto" for TT_ENC_AUTO, NULL otherwise. */
const char *tt_encoding_name(tt_encoding enc);

/* Why decoding failed, filled by tt_decode and tt_utf8_check. */
typedef struct {
    size_t start;       /* TT_EINVAL: byte offset of the first byte of the ill-formed UTF-8 */
    size_t end;         /* one past its last byte */
    const char *reason; /* "invalid start byte", "invalid continuation byte", "unexpected end of data" */
    UErrorCode icu;     /* TT_EICU: what ICU reported */
} tt_decode_error;

/* Check that s[0, n) is well-formed UTF-8 (no surrogates, nothing above U+10FFFF, shortest
 * forms only). Returns 1 when it is; 0 with *err describing the first ill-formed sequence
 * (err may be NULL). */
int tt_utf8_check(const uint8_t *s, size_t n, tt_decode_error *err);

/* Decode data[0, n) in the given encoding (TT_ENC_AUTO detects first) into out, replacing
 * its contents. Returns TT_OK; TT_EINVAL for ill-formed UTF-8 (err->start/end/reason) or a
 * bad enc; TT_EICU (err->icu); TT_ENOMEM; TT_ETOOLONG. On failure out holds garbage that the
 * caller still frees with tt_cpbuf_free. err may be NULL. */
tt_status tt_decode(const uint8_t *data, size_t n, tt_encoding enc, tt_cpbuf *out, tt_decode_error *err);

/* Scores of one candidate decoding, as detection sees them. */
typedef struct {
    long score;       /* good + common - 2 * (bad + foreign) (the detector picks the highest) */
    size_t good;      /* words that decode to well-formed Vietnamese syllables with diacritics */
    size_t common;    /* those among them that are very common syllables ("của", "được", ...) */
    size_t bad;       /* words with non-ASCII letters that are not syllables, stray symbols, controls */
    size_t words;     /* all words with letters */
    size_t foreign;   /* letters read from bytes the encoding leaves undefined (Latin-1 meaning) */
    size_t strong;    /* VIQR only: mnemonics that rarely occur by chance (modifiers, DD, ` ~) */
} tt_enc_score;

/* How many leading bytes detection looks at (UTF-8 well-formedness is checked on all). */
#define TT_DETECT_SAMPLE 65536

/* Guess the encoding of data[0, n): empty input, plain ASCII and well-formed UTF-8 are
 * TT_ENC_UTF8 (ASCII that reads as VIQR is TT_ENC_VIQR); otherwise the candidate whose
 * decoding looks most like Vietnamese. scores (NULL or TT_ENC_COUNT entries) receives each
 * candidate's scores (zeros for those not tried). */
tt_status tt_detect_encoding(const uint8_t *data, size_t n, tt_encoding *out, tt_enc_score *scores,
                             tt_decode_error *err);

#endif
