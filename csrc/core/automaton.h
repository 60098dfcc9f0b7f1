/* Gazetteer matching: a trie over syllables that finds listed names in text.
 *
 * Keys are token sequences, never character strings: a name and a text are normalized and
 * tokenized by the same code (normalize.h, tokenize.h), so a name can only match whole tokens
 * ("ng Nai" never matches inside "Đồng Nai"). Each token's key is its case-folded text without
 * diacritics ("Hà" -> "ha", "Đồng" -> "dong"); a hyphen token between two tokens is skipped like
 * a space, so "Nagorno-Karabakh", "Nagorno - Karabakh" and "Nagorno Karabakh" share one key. A
 * key never spans a line break.
 *
 * The trie walks the folded keys; at a node where entries end, each entry is checked against
 * the text as written:
 *   - a token matches exactly when it equals the entry's token up to case;
 *   - otherwise, when diacritics-insensitive matching is on and the entry is not TT_AC_EXACT,
 *     it matches without diacritics ("fold") if the text token is not a Vietnamese syllable
 *     ("Zurich" / "Zürich", "Phnom Penh" / "Phnôm Pênh", and "Nguyen", which lacks the marks
 *     its spelling needs), or carries no diacritics and stands in a line written without them
 *     (fewer than one word in eight marked: "Ha Noi", "HA NOI"). In text written with marks a
 *     Vietnamese syllable is a word of its own: "bà" is not "Ba", "ngà" is not "Nga", "thanh
 *     tra" is not "Thanh Trà". A TT_AC_PLAIN entry (a form listed without diacritics) also
 *     matches marked syllables, capitalized where it is ("Ha Noi" finds "Hà Nội");
 *   - case: a TT_AC_CASED entry matches only capitalized as written (an upper-case letter must be
 *     upper case in the text, a lower-case letter lower case, except that the form's first letter
 *     may be capitalized: "Miền Bắc" for "miền Bắc"). In every entry without TT_AC_ANYCASE, a token
 *     written in capitals (two or more letters, all upper case: "NAM", "AP", "HĐBA") is held to the
 *     same rule, so "nam" and "ap" do not fire;
 *   - typo fallback (when on): one word of the text that is not a known key, capitalized, at least
 *     TT_AC_TYPO_MIN_SYL - 1 code points long and not a well-formed Vietnamese syllable (a typo in
 *     a Vietnamese syllable mostly makes another real one), may stand for a key of at least
 *     TT_AC_TYPO_MIN_SYL letters at Damerau-Levenshtein distance 1 with the same first letter
 *     ("Azerbaizan" -> "azerbaijan"), in an entry of at least TT_AC_TYPO_MIN_LETTERS letters
 *     that is neither TT_AC_CASED nor TT_AC_NOTYPO. One typo per match;
 *   - with the capitals option, a token written with a capital initial must have one in the text
 *     (or be written in capitals) unless the entry is TT_AC_ANYCASE; in names of three tokens or
 *     more only the first token is held to it (the press writes "Tổ chức Hiệp ước an ninh tập
 *     thể" for "Tổ chức Hiệp ước An ninh Tập thể"); in a TT_AC_HEADED entry of three tokens or
 *     more, not even the first when it begins a word of the text (the words given in joins) and
 *     the second is capitalized in the name and in the text ("bộ Y tế" for "Bộ Y tế", but not
 *     the "bộ" of the word "cán bộ").
 * Among the entries that match one span, the best quality wins: exact, then fold (fewer folded
 * tokens first), then typo; entries of equal quality are all reported (an ambiguous form names
 * several things), in the order they were added.
 *
 * Leftmost-longest mode reports, scanning left to right, the longest match at each position and
 * continues after it; overlapping mode reports every span that matches, by start then end.
 *
 * A match records the tokens it covers as well as its offsets, so that rules reading the context
 * (titles before a surname, a place cue before a short form) can work on token indexes, and the
 * entry's flags, where callers keep their own marks (short, surname, ...).
 *
 * An automaton is immutable once built or loaded: any number of threads may match with it at the
 * same time, each with its own scratch. It serializes to bytes (little-endian, checksummed) and
 * loads back without a rebuild; loading validates every count, offset, table and link, so
 * malformed bytes give TT_EFORMAT and never a crash.
 *
 * Typical use:
 *     tt_ac_builder *b;  tt_automaton *a;  tt_ac_scratch scr = {0};  tt_ac_matchbuf m = {0};
 *     tt_ac_builder_new(&b);
 *     tt_ac_builder_add(b, name, name_len, 42, TT_AC_CASED);      // ... for every name
 *     tt_ac_build(b, &a);  tt_ac_builder_free(b);
 *     tt_ac_find(a, text, text_len, &opts, &scr, &m);             // m.v[k].start, .end, .value
 *     tt_ac_matchbuf_free(&m);  tt_ac_scratch_free(&scr);  tt_ac_free(a);
 */
#ifndef TT_AUTOMATON_H
#define TT_AUTOMATON_H

#include "token.h"
#include "tokenize.h"
#include "tt_base.h"

/* Entry flags. Bits 0-7 are the engine's; bits TT_AC_USER_SHIFT..31 are the caller's (the Python
 * layer keeps its form flags there: short, surname, ...) and select entries through `exclude`. */
enum {
    TT_AC_CASED = 1u << 0,   /* match only capitalized as written */
    TT_AC_ANYCASE = 1u << 1, /* never case-sensitive, not even for tokens written in capitals */
    TT_AC_EXACT = 1u << 2,   /* never match without diacritics */
    TT_AC_NOTYPO = 1u << 3,  /* never match through the typo fallback */
    TT_AC_PLAIN = 1u << 4,   /* written without diacritics, standing for any marking: "Ha Noi"
                                finds "Hà Nội" in text written with marks */
    TT_AC_HEADED = 1u << 5,  /* headed by a common noun the press may write in lower case ("bộ Y
                                tế" for "Bộ Y tế"): see the capitals option */
    TT_AC_USER_SHIFT = 8
};

#define TT_AC_MAX_TOKENS 64        /* tokens of a name's key */
#define TT_AC_MAX_SYL 1024         /* code points of one token of a name */
#define TT_AC_TYPO_MIN_SYL 5       /* letters of a key token the typo fallback may stand in for */
#define TT_AC_TYPO_MIN_LETTERS 8   /* letters of an entry the typo fallback may find */
#define TT_AC_NONE UINT32_MAX

/* How a match was made. */
enum { TT_AC_MATCH_EXACT = 0, TT_AC_MATCH_FOLD = 1, TT_AC_MATCH_TYPO = 2 };

typedef struct tt_automaton tt_automaton;
typedef struct tt_ac_builder tt_ac_builder;

/* ---- building ---- */

tt_status tt_ac_builder_new(tt_ac_builder **out);
void tt_ac_builder_free(tt_ac_builder *b);

/* Add a name (any text; it is normalized and tokenized here) with a caller's value and flags.
 * TT_EINVAL for a name whose key has no letter, more than TT_AC_MAX_TOKENS tokens or a token
 * longer than TT_AC_MAX_SYL, or that holds a line break. The same key may be added with many
 * values (all are reported); adding the same written form with the same value again is a no-op. */
tt_status tt_ac_builder_add(tt_ac_builder *b, const tt_cp *name, size_t n, int64_t value, uint32_t flags);

/* Why the last tt_ac_builder_add returned TT_EINVAL (a static English phrase). */
const char *tt_ac_builder_error(const tt_ac_builder *b);

/* Number of names added so far (duplicates included). */
size_t tt_ac_builder_count(const tt_ac_builder *b);

/* Build the automaton of everything added. The builder stays usable (and may be freed). */
tt_status tt_ac_build(const tt_ac_builder *b, tt_automaton **out);

void tt_ac_free(tt_automaton *a);

/* ---- serialization ---- */

/* Size of the serialized form, and writing it into buf (which must hold that many bytes). */
size_t tt_ac_serialized_size(const tt_automaton *a);
tt_status tt_ac_serialize(const tt_automaton *a, void *buf, size_t len);

/* The checksum a serialized automaton stores in its bytes 56-63 (little-endian), computed over
 * everything after its 64-byte header. Tools and the fuzz target use it to patch bytes and still
 * reach the structural checks behind the checksum. */
uint64_t tt_ac_checksum(const void *body, size_t len);

/* Load from bytes (copied; the caller may free them afterwards). TT_EFORMAT for anything
 * malformed, TT_ENOMEM, TT_EINVAL for NULL arguments. *out is NULL on failure. */
tt_status tt_ac_load(const void *data, size_t len, tt_automaton **out);

/* ---- information ---- */

typedef struct {
    size_t entries;   /* entries (a name added with a value) */
    size_t syllables; /* distinct key tokens */
    size_t nodes;     /* trie nodes, the root included */
    size_t typo_keys; /* entries of the typo index */
    size_t bytes;     /* memory held by the automaton (its serialized size, give or take the header) */
} tt_ac_stats;

void tt_ac_get_stats(const tt_automaton *a, tt_ac_stats *st);

/* The value and flags of entry e (e < entries). TT_EINVAL when out of range. */
tt_status tt_ac_entry(const tt_automaton *a, size_t e, int64_t *value, uint32_t *flags);

/* ---- matching ---- */

typedef struct {
    int overlapping;       /* 0: leftmost-longest; 1: every matching span */
    int fold;              /* diacritics-insensitive matching */
    int typos;             /* the typo fallback */
    int capitals;          /* a token written with a capital initial must have one in the text
                              (or be in capitals): "Trung Bình" finds "TRUNG BÌNH", not "trung bình";
                              in names of three tokens or more, the first token only, and not
                              even that one in a TT_AC_HEADED entry when it begins a word of the
                              text (see joins) and the second token is capitalized in both */
    uint32_t exclude;      /* entries with any of these flags are ignored */
    const uint8_t *joins;  /* per token of the text, nonzero when it joins the next into a word
                              (tt_doc.joins); NULL when the words are not known */
} tt_ac_opts;

/* One match: tokens [tok_start, tok_end) of the token sequence matched, [start, end) in code
 * points. Several entries of equal quality on one span come as consecutive records, all but the
 * first with tied = 1. */
typedef struct {
    int64_t value;
    uint32_t entry;              /* entry index (tt_ac_entry) */
    uint32_t flags;              /* the entry's flags */
    uint32_t tok_start, tok_end;
    tt_off start, end;
    uint8_t kind;                /* TT_AC_MATCH_* */
    uint8_t folded;              /* tokens matched without diacritics */
    uint8_t tied;
} tt_ac_match;

typedef struct {
    tt_ac_match *v;
    size_t n, cap;
} tt_ac_matchbuf;

void tt_ac_matchbuf_free(tt_ac_matchbuf *b);

/* Working memory reused across calls. Start from a zeroed struct; one per thread. */
typedef struct {
    void *units;
    size_t units_cap;
    tt_cpbuf norm;
    tt_offbuf map;
    tt_tokbuf toks;
    void *cands;
    size_t cands_cap;
    void *work;
} tt_ac_scratch;

void tt_ac_scratch_free(tt_ac_scratch *s);

/* Match over tokens that the caller already has (the document pipeline): toks[0, nt) are spans of
 * text[0, n), which must be normalized text (tt_normalize with the "hòa" tone style; dash
 * variants are read as hyphens either way). Offsets and token indexes of the matches refer to
 * text and toks. Matches are appended to out. TT_EINVAL when a token lies outside the text. */
tt_status tt_ac_match_tokens(const tt_automaton *a, const tt_cp *text, size_t n, const tt_token *toks,
                             size_t nt, const tt_ac_opts *o, tt_ac_scratch *scr, tt_ac_matchbuf *out);

/* The keys of a text's tokens, made once for matching against several automata (the pipeline
 * matches one token sequence against the gazetteer and against the cue lexicon). Start from a
 * zeroed struct; reused across calls; free with tt_ac_keyed_free. */
typedef struct {
    void *units; /* one record per token but hyphens */
    size_t nu, units_cap;
    tt_cp *keys; /* the units' keys, back to back */
    size_t keys_n, keys_cap;
    uint32_t *seen; /* open addressing: 1 + the first unit of each distinct key (0 empty) */
    size_t seen_cap;
} tt_ac_keyed;

void tt_ac_keyed_free(tt_ac_keyed *k);

/* Key toks[0, nt), spans of text[0, n) (the same text and tokens tt_ac_match_tokens takes).
 * TT_EINVAL when a token lies outside the text. */
tt_status tt_ac_key_tokens(const tt_cp *text, size_t n, const tt_token *toks, size_t nt, tt_ac_keyed *k);

/* tt_ac_match_tokens over keyed tokens: the same matches as tt_ac_match_tokens over the text
 * and tokens that were keyed, except that with lines == 0 the tokens' line breaks are ignored
 * (as if no token had TT_TF_NEWLINE_BEFORE). text must be the text that was keyed. */
tt_status tt_ac_match_keyed(const tt_automaton *a, const tt_cp *text, size_t n, const tt_ac_keyed *k, int lines,
                            const tt_ac_opts *o, tt_ac_scratch *scr, tt_ac_matchbuf *out);

/* Normalize (tone "hòa", punctuation folded), tokenize and match any text. Offsets of the matches
 * are code points of the ORIGINAL text; token indexes are those of tt_tokenize over the
 * normalized text (tintuc.tokenize(text)). Matches are appended to out. */
tt_status tt_ac_find(const tt_automaton *a, const tt_cp *text, size_t n, const tt_ac_opts *o,
                     tt_ac_scratch *scr, tt_ac_matchbuf *out);

/* The tokenizer the matcher runs on text: tt_tokenize's tokens, made faster by taking plain words
 * (letters with simple punctuation around them, between spaces) without the general scanner.
 * Appends to out exactly what tt_tokenize(s, n, out) would (the fuzz target checks it). */
tt_status tt_ac_tokenize(const tt_cp *s, size_t n, tt_tokbuf *out);

#endif
