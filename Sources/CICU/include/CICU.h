// CICU: the only part of Normalize that sees ICU headers.
//
// Every function here is our own, unversioned, and uses plain C types, so Swift never imports
// ICU's headers (which clash with Foundation's bundled ICU copy and hide their names behind
// version-suffix macros such as `utrans_openU_72`). Strings are UTF-16 (`uint16_t`) buffers with
// explicit lengths. `status` is ICU's UErrorCode as an int32_t: <= 0 is success, > 0 an error
// (name it with `cicu_error_name`). Functions that fill a buffer return the full length needed,
// so callers can retry once with a larger buffer on U_BUFFER_OVERFLOW_ERROR (15).
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// UErrorCode value for a buffer too small for the result.
#define CICU_BUFFER_OVERFLOW 15

/// The symbolic name of an ICU error code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *cicu_error_name(int32_t status);

/// The ICU version the library was built against, e.g. "72.1".
void cicu_version(char *dest, int32_t capacity);

// MARK: Normalisation

/// Normalisation forms understood by `cicu_normalize`.
#define CICU_NFC 0
#define CICU_NFD 1
#define CICU_NFKC 2
#define CICU_NFKD 3
#define CICU_NFKC_CASEFOLD 4

/// Normalises `src` into `dest`; returns the length of the result (may exceed `capacity`).
int32_t cicu_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest,
                       int32_t capacity, int32_t *status);

/// Length of the prefix of `src` that is certainly already normalised (quick check "yes").
int32_t cicu_normalized_prefix(int32_t form, const uint16_t *src, int32_t length, int32_t *status);

/// Fills `bits` (1024 words, bit `c & 63` of word `c >> 6`) with the code points of the Basic
/// Multilingual Plane that have a normalisation boundary before them in `form` (they neither
/// combine with nor reorder against what precedes them) and that the form leaves unchanged on
/// their own: text made only of such characters is already in that form. Returns 0, or an ICU
/// error code.
int32_t cicu_boundary_before_bmp(int32_t form, uint64_t *bits);

/// What `cicu_boundary_before_bmp` gives, found by asking ICU about each code point in turn
/// (the slow way, which the tests compare it with; the other forms use it).
int32_t cicu_boundary_before_bmp_by_code_point(int32_t form, uint64_t *bits);

// MARK: Transliteration

/// Opens a transliterator by ICU id ("Han-Latin", "Any-Latin; Latin-ASCII", "Cyrillic-Latin/BGN");
/// `reverse` != 0 opens the inverse. Returns NULL on failure. Close with `cicu_trans_close`.
void *cicu_trans_open(const uint16_t *id, int32_t idLength, int32_t reverse, int32_t *status);

/// Opens a transliterator from rules in ICU transform syntax, under the given id.
void *cicu_trans_open_rules(const uint16_t *id, int32_t idLength, const uint16_t *rules,
                            int32_t rulesLength, int32_t *status);

/// Transliterates `buffer[0..<length]` in place; returns the new length. When it exceeds
/// `capacity`, status is CICU_BUFFER_OVERFLOW and the caller retries with a larger buffer.
int32_t cicu_trans_apply(void *trans, uint16_t *buffer, int32_t length, int32_t capacity,
                         int32_t *status);

void cicu_trans_close(void *trans);

/// Number of transliterator ids ICU knows.
int32_t cicu_trans_count_ids(void);

/// The id at `index` (UTF-16), returns its length.
int32_t cicu_trans_id_at(int32_t index, uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: Segmentation

/// Break iterator kinds.
#define CICU_BREAK_CHARACTER 0
#define CICU_BREAK_WORD 1
#define CICU_BREAK_LINE 2
#define CICU_BREAK_SENTENCE 3

/// Opens a break iterator over a private copy of `text`. Returns NULL on failure.
void *cicu_break_open(int32_t kind, const char *locale, const uint16_t *text, int32_t length,
                      int32_t *status);

/// The next boundary (UTF-16 offset) or -1 at the end.
int32_t cicu_break_next(void *iterator);

/// The rule status of the boundary just returned (word kinds: 0 none, 100 number, 200 letter,
/// 300 kana, 400 ideographic).
int32_t cicu_break_rule_status(void *iterator);

void cicu_break_close(void *iterator);

// MARK: Scripts

/// The ISO 15924 script code number of a code point (USCRIPT_*), or -1 on error.
int32_t cicu_script_of(uint32_t codePoint);

/// Whether the code point's Script_Extensions include `script`.
int32_t cicu_script_has(uint32_t codePoint, int32_t script);

/// The four-letter ISO 15924 code of a script number, e.g. "Hang"; NULL if unknown.
const char *cicu_script_short_name(int32_t script);

/// The script number of an ISO 15924 code such as "Cyrl", or -1.
int32_t cicu_script_from_code(const char *code);

/// General category of a code point (UCharCategory), and whether it is assigned.
int32_t cicu_char_type(uint32_t codePoint);

// MARK: Spoof checks (UTS #39)

/// Opens a spoof checker with the given check bits (0 = ICU's default checks) and restriction
/// level (ICU USpoofChecks restriction-level value; 0 = leave ICU's default).
void *cicu_spoof_open(int32_t checks, int32_t restrictionLevel, int32_t *status);

/// Runs the checks on `text`; returns the failed check bits (0 = passes).
int32_t cicu_spoof_check(void *checker, const uint16_t *text, int32_t length, int32_t *status);

/// Writes the confusable skeleton of `text`; returns its length.
int32_t cicu_spoof_skeleton(void *checker, const uint16_t *text, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t *status);

/// Returns non-zero confusability bits when `a` and `b` are confusable.
int32_t cicu_spoof_confusable(void *checker, const uint16_t *a, int32_t aLength,
                              const uint16_t *b, int32_t bLength, int32_t *status);

void cicu_spoof_close(void *checker);

/// Spoof check bits, as in ICU's USpoofChecks.
#define CICU_SPOOF_SINGLE_SCRIPT_CONFUSABLE 1
#define CICU_SPOOF_MIXED_SCRIPT_CONFUSABLE 2
#define CICU_SPOOF_WHOLE_SCRIPT_CONFUSABLE 4
#define CICU_SPOOF_RESTRICTION_LEVEL 16
#define CICU_SPOOF_INVISIBLE 32
#define CICU_SPOOF_CHAR_LIMIT 64
#define CICU_SPOOF_MIXED_NUMBERS 128
#define CICU_SPOOF_HIDDEN_OVERLAY 256

// MARK: CLDR calendar symbols

/// Symbol sets of the Gregorian calendar.
#define CICU_MONTHS_WIDE 0
#define CICU_MONTHS_ABBREVIATED 1
#define CICU_MONTHS_STANDALONE_WIDE 2
#define CICU_MONTHS_STANDALONE_ABBREVIATED 3
#define CICU_WEEKDAYS_WIDE 4
#define CICU_WEEKDAYS_ABBREVIATED 5
#define CICU_WEEKDAYS_STANDALONE_WIDE 6
#define CICU_WEEKDAYS_STANDALONE_ABBREVIATED 7
#define CICU_ERAS 8
#define CICU_AM_PMS 9

/// Opens a date formatter for `locale` (e.g. "it", "ko_KR") to read its symbols.
void *cicu_datefmt_open(const char *locale, int32_t *status);

/// Number of symbols of `set` (weekday sets include an empty entry at index 0).
int32_t cicu_datefmt_symbol_count(void *formatter, int32_t set);

/// Writes symbol `index` of `set`; returns its length.
int32_t cicu_datefmt_symbol(void *formatter, int32_t set, int32_t index, uint16_t *dest,
                            int32_t capacity, int32_t *status);

void cicu_datefmt_close(void *formatter);

/// Number of locales ICU has data for, and the id of one ("it_IT").
int32_t cicu_locale_count(void);
const char *cicu_locale_at(int32_t index);


// MARK: CLDR relative dates, plural rules, skeleton formats (reldate.c)

/// Units of `cicu_reldatefmt_format`, in ICU's URelativeDateTimeUnit order.
#define CICU_REL_YEAR 0
#define CICU_REL_QUARTER 1
#define CICU_REL_MONTH 2
#define CICU_REL_WEEK 3
#define CICU_REL_DAY 4
#define CICU_REL_HOUR 5
#define CICU_REL_MINUTE 6
#define CICU_REL_SECOND 7
#define CICU_REL_SUNDAY 8
#define CICU_REL_SATURDAY 14

/// Opens a relative date-time formatter; style 0 long, 1 short, 2 narrow. NULL on failure.
void *cicu_reldatefmt_open(const char *locale, int32_t style, int32_t *status);

/// Formats `offset` units from now ("23 ore fa", "vor 23 Stunden", "23시간 전"); `numeric` != 0
/// always uses a number, 0 allows words ("ieri", "в прошлом году", "작년"). Returns the length.
int32_t cicu_reldatefmt_format(void *formatter, double offset, int32_t unit, int32_t numeric,
                               uint16_t *dest, int32_t capacity, int32_t *status);

void cicu_reldatefmt_close(void *formatter);

/// Opens the cardinal plural rules of `locale`. NULL on failure.
void *cicu_plural_open(const char *locale, int32_t *status);

/// Writes the plural category keyword ("one", "few", "other") of `number`; returns its length.
int32_t cicu_plural_select(void *rules, double number, uint16_t *dest, int32_t capacity,
                           int32_t *status);

void cicu_plural_close(void *rules);

/// Opens the date-time pattern generator of `locale` (CLDR's skeleton → pattern data), to open
/// several formatters with `cicu_datefmt_open_best` while building it once. NULL on failure;
/// close with `cicu_datepatterns_close`.
void *cicu_datepatterns_open(const char *locale, int32_t *status);

void cicu_datepatterns_close(void *generator);

/// As `cicu_datefmt_open_skeleton`, with the pattern from an open generator of `locale`.
void *cicu_datefmt_open_best(void *generator, const char *locale, const uint16_t *skeleton,
                             int32_t length, int32_t *status);

/// Gives `formatter` (opened by `cicu_datefmt_open_best` for the generator's locale) the
/// generator's best pattern for another skeleton, as opening a new formatter would, for a
/// fraction of the cost. Returns 0, or an ICU error code (the formatter then keeps its pattern).
int32_t cicu_datefmt_apply_best(void *formatter, void *generator, const uint16_t *skeleton,
                                int32_t length);

/// Opens a date formatter (UTC) with the locale's best pattern for a skeleton such as
/// "yMMMMd" ("27 maggio 2025", "2025년 5월 27일"). Close with `cicu_datefmt_close`.
void *cicu_datefmt_open_skeleton(const char *locale, const uint16_t *skeleton, int32_t length,
                                 int32_t *status);

/// Formats a UDate (milliseconds since 1970, UTC); returns the length.
int32_t cicu_datefmt_format(void *formatter, double millis, uint16_t *dest, int32_t capacity,
                            int32_t *status);

// MARK: Charset detection and conversion

/// Longest charset name `cicu_detect_charsets` writes, with its NUL.
#define CICU_CHARSET_NAME_CAPACITY 32

/// Guesses the charset of `bytes` with ICU's detector (ucsdet): writes up to `capacity`
/// matches, best first, as NUL-terminated names at `names + i * CICU_CHARSET_NAME_CAPACITY`
/// and confidences 0-100 in `confidences`. Returns the number of matches written.
int32_t cicu_detect_charsets(const char *bytes, int32_t length, char *names, int32_t *confidences,
                             int32_t capacity, int32_t *status);

/// Converts `bytes` from `charset` (an ICU converter name: "windows-1252", "Shift_JIS",
/// "UTF-16LE") to UTF-16, stopping with an error status at the first byte sequence the charset
/// does not define. Returns the length of the result (may exceed `capacity`).
int32_t cicu_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                              uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: Lunisolar calendar

/// The day (days since 1970-01-01) on which `lunar_month`/`lunar_day` of ICU's `chinese`
/// calendar falls in the lunar year that begins in Gregorian `year` (month 1 day 1 = the Spring
/// Festival of that year; 8/15 = the Mid-Autumn Festival, Chuseok).
int32_t cicu_lunar_to_gregorian(int32_t year, int32_t lunar_month, int32_t lunar_day, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
