// CICU implementation: thin wrappers over ICU's C API. See include/CICU.h for the contract.
#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/uspoof.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void cicu_version(char *dest, int32_t capacity) {
  UVersionInfo info;
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(info);
  u_versionToString(info, text);
  if (capacity > 0) {
    strncpy(dest, text, (size_t)capacity - 1);
    dest[capacity - 1] = 0;
  }
}

// MARK: Normalisation

static const UNormalizer2 *normalizer_for(int32_t form, UErrorCode *status) {
  switch (form) {
  case CICU_NFC: return unorm2_getNFCInstance(status);
  case CICU_NFD: return unorm2_getNFDInstance(status);
  case CICU_NFKC: return unorm2_getNFKCInstance(status);
  case CICU_NFKD: return unorm2_getNFKDInstance(status);
  case CICU_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance(status);
  default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
  }
}

int32_t cicu_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest,
                       int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *n = normalizer_for(form, &code);
  int32_t result = 0;
  if (U_SUCCESS(code)) result = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dest, capacity, &code);
  *status = code;
  return result;
}

int32_t cicu_normalized_prefix(int32_t form, const uint16_t *src, int32_t length, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *n = normalizer_for(form, &code);
  int32_t result = 0;
  if (U_SUCCESS(code)) result = unorm2_spanQuickCheckYes(n, (const UChar *)src, length, &code);
  *status = code;
  return result;
}

int32_t cicu_boundary_before_bmp(int32_t form, uint64_t *bits) {
  if (form != CICU_NFC) return cicu_boundary_before_bmp_by_code_point(form, bits);
  // For NFC, "a boundary before c and quick check yes" is "quick check yes and canonical
  // combining class 0": ICU keeps both in one trie value, and a character that is "yes" with
  // class 0 composes with nothing before it. Two property sets, read range by range, instead
  // of two lookups for each of the 65,536 code points (tested against the per-code-point loop).
  UErrorCode code = U_ZERO_ERROR;
  USet *set = uset_openEmpty();
  USet *starters = uset_openEmpty();
  uset_applyIntPropertyValue(set, UCHAR_NFC_QUICK_CHECK, UNORM_YES, &code);
  uset_applyIntPropertyValue(starters, UCHAR_CANONICAL_COMBINING_CLASS, 0, &code);
  if (U_SUCCESS(code)) {
    uset_retainAll(set, starters);
    uset_removeRange(set, 0xD800, 0xDFFF);
    memset(bits, 0, 1024 * sizeof(uint64_t));
    int32_t count = uset_getItemCount(set);
    for (int32_t i = 0; i < count && U_SUCCESS(code); i++) {
      UChar32 start = 0, end = 0;
      uset_getItem(set, i, &start, &end, NULL, 0, &code);
      if (start > 0xFFFF) break;
      if (end > 0xFFFF) end = 0xFFFF;
      for (UChar32 c = start; c <= end; c++) bits[c >> 6] |= (uint64_t)1 << (c & 63);
    }
  }
  uset_close(set);
  uset_close(starters);
  return U_FAILURE(code) ? code : 0;
}

int32_t cicu_boundary_before_bmp_by_code_point(int32_t form, uint64_t *bits) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *n = normalizer_for(form, &code);
  if (U_FAILURE(code)) return code;
  UProperty quick_check;
  switch (form) {
  case CICU_NFC: quick_check = UCHAR_NFC_QUICK_CHECK; break;
  case CICU_NFD: quick_check = UCHAR_NFD_QUICK_CHECK; break;
  case CICU_NFKC: quick_check = UCHAR_NFKC_QUICK_CHECK; break;
  case CICU_NFKD: quick_check = UCHAR_NFKD_QUICK_CHECK; break;
  default: return U_ILLEGAL_ARGUMENT_ERROR;
  }
  for (UChar32 c = 0; c < 0x10000; c++) {
    if ((c & 63) == 0) bits[c >> 6] = 0;
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    // A boundary before c, and c unchanged on its own: quick check "yes" (U+212B has the
    // boundary but is "no": it becomes Å).
    if (unorm2_hasBoundaryBefore(n, c) && u_getIntPropertyValue(c, quick_check) == UNORM_YES)
      bits[c >> 6] |= (uint64_t)1 << (c & 63);
  }
  return 0;
}

// MARK: Transliteration

void *cicu_trans_open(const uint16_t *id, int32_t idLength, int32_t reverse, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UTransliterator *t = utrans_openU((const UChar *)id, idLength, reverse ? UTRANS_REVERSE : UTRANS_FORWARD,
                                    NULL, 0, NULL, &code);
  *status = code;
  return U_SUCCESS(code) ? t : NULL;
}

void *cicu_trans_open_rules(const uint16_t *id, int32_t idLength, const uint16_t *rules,
                            int32_t rulesLength, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UParseError parseError;
  UTransliterator *t = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD, (const UChar *)rules,
                                    rulesLength, &parseError, &code);
  *status = code;
  return U_SUCCESS(code) ? t : NULL;
}

int32_t cicu_trans_apply(void *trans, uint16_t *buffer, int32_t length, int32_t capacity,
                         int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t textLength = length;
  int32_t limit = length;
  utrans_transUChars((const UTransliterator *)trans, (UChar *)buffer, &textLength, capacity, 0, &limit, &code);
  *status = code;
  return textLength;
}

void cicu_trans_close(void *trans) {
  if (trans) utrans_close((UTransliterator *)trans);
}

int32_t cicu_trans_count_ids(void) { return utrans_countAvailableIDs(); }

int32_t cicu_trans_id_at(int32_t index, uint16_t *dest, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UEnumeration *ids = utrans_openIDs(&code);
  int32_t result = 0;
  if (U_SUCCESS(code)) {
    const UChar *id = NULL;
    int32_t len = 0;
    for (int32_t i = 0; i <= index; i++) {
      id = uenum_unext(ids, &len, &code);
      if (!id || U_FAILURE(code)) break;
    }
    if (id && U_SUCCESS(code)) {
      result = len;
      if (len <= capacity) memcpy(dest, id, (size_t)len * sizeof(UChar));
      else code = U_BUFFER_OVERFLOW_ERROR;
    } else if (U_SUCCESS(code)) {
      code = U_INDEX_OUTOFBOUNDS_ERROR;
    }
    uenum_close(ids);
  }
  *status = code;
  return result;
}

// MARK: Segmentation

typedef struct {
  UBreakIterator *iterator;
  UChar *text;
} cicu_break;

void *cicu_break_open(int32_t kind, const char *locale, const uint16_t *text, int32_t length,
                      int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBreakIteratorType type;
  switch (kind) {
  case CICU_BREAK_CHARACTER: type = UBRK_CHARACTER; break;
  case CICU_BREAK_WORD: type = UBRK_WORD; break;
  case CICU_BREAK_LINE: type = UBRK_LINE; break;
  case CICU_BREAK_SENTENCE: type = UBRK_SENTENCE; break;
  default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
  }
  cicu_break *b = calloc(1, sizeof(cicu_break));
  if (!b) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
  b->text = malloc(((size_t)length + 1) * sizeof(UChar));
  if (!b->text) { free(b); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
  if (length > 0) memcpy(b->text, text, (size_t)length * sizeof(UChar));
  b->iterator = ubrk_open(type, locale, b->text, length, &code);
  if (U_FAILURE(code)) {
    if (b->iterator) ubrk_close(b->iterator);
    free(b->text);
    free(b);
    *status = code;
    return NULL;
  }
  ubrk_first(b->iterator);
  *status = code;
  return b;
}

int32_t cicu_break_next(void *iterator) {
  int32_t next = ubrk_next(((cicu_break *)iterator)->iterator);
  return next == UBRK_DONE ? -1 : next;
}

int32_t cicu_break_rule_status(void *iterator) { return ubrk_getRuleStatus(((cicu_break *)iterator)->iterator); }

void cicu_break_close(void *iterator) {
  if (!iterator) return;
  cicu_break *b = iterator;
  ubrk_close(b->iterator);
  free(b->text);
  free(b);
}

// MARK: Scripts

int32_t cicu_script_of(uint32_t codePoint) {
  UErrorCode code = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript((UChar32)codePoint, &code);
  return U_SUCCESS(code) ? (int32_t)script : -1;
}

int32_t cicu_script_has(uint32_t codePoint, int32_t script) {
  return uscript_hasScript((UChar32)codePoint, (UScriptCode)script) ? 1 : 0;
}

const char *cicu_script_short_name(int32_t script) { return uscript_getShortName((UScriptCode)script); }

int32_t cicu_script_from_code(const char *code) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode scripts[4];
  int32_t n = uscript_getCode(code, scripts, 4, &status);
  return (U_SUCCESS(status) && n > 0) ? (int32_t)scripts[0] : -1;
}

int32_t cicu_char_type(uint32_t codePoint) { return (int32_t)u_charType((UChar32)codePoint); }

// MARK: Spoof checks

void *cicu_spoof_open(int32_t checks, int32_t restrictionLevel, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  USpoofChecker *sc = uspoof_open(&code);
  if (U_SUCCESS(code) && checks != 0) uspoof_setChecks(sc, checks, &code);
  if (U_SUCCESS(code) && restrictionLevel != 0) uspoof_setRestrictionLevel(sc, (URestrictionLevel)restrictionLevel);
  *status = code;
  if (U_FAILURE(code)) {
    if (sc) uspoof_close(sc);
    return NULL;
  }
  return sc;
}

int32_t cicu_spoof_check(void *checker, const uint16_t *text, int32_t length, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t result = uspoof_check((const USpoofChecker *)checker, (const UChar *)text, length, NULL, &code);
  *status = code;
  return result;
}

int32_t cicu_spoof_skeleton(void *checker, const uint16_t *text, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t result = uspoof_getSkeleton((const USpoofChecker *)checker, 0, (const UChar *)text, length,
                                      (UChar *)dest, capacity, &code);
  *status = code;
  return result;
}

int32_t cicu_spoof_confusable(void *checker, const uint16_t *a, int32_t aLength,
                              const uint16_t *b, int32_t bLength, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int32_t result = uspoof_areConfusable((const USpoofChecker *)checker, (const UChar *)a, aLength,
                                        (const UChar *)b, bLength, &code);
  *status = code;
  return result;
}

void cicu_spoof_close(void *checker) {
  if (checker) uspoof_close((USpoofChecker *)checker);
}

// MARK: CLDR calendar symbols

static UDateFormatSymbolType symbol_type(int32_t set, int *ok) {
  *ok = 1;
  switch (set) {
  case CICU_MONTHS_WIDE: return UDAT_MONTHS;
  case CICU_MONTHS_ABBREVIATED: return UDAT_SHORT_MONTHS;
  case CICU_MONTHS_STANDALONE_WIDE: return UDAT_STANDALONE_MONTHS;
  case CICU_MONTHS_STANDALONE_ABBREVIATED: return UDAT_STANDALONE_SHORT_MONTHS;
  case CICU_WEEKDAYS_WIDE: return UDAT_WEEKDAYS;
  case CICU_WEEKDAYS_ABBREVIATED: return UDAT_SHORT_WEEKDAYS;
  case CICU_WEEKDAYS_STANDALONE_WIDE: return UDAT_STANDALONE_WEEKDAYS;
  case CICU_WEEKDAYS_STANDALONE_ABBREVIATED: return UDAT_STANDALONE_SHORT_WEEKDAYS;
  case CICU_ERAS: return UDAT_ERAS;
  case CICU_AM_PMS: return UDAT_AM_PMS;
  default: *ok = 0; return UDAT_MONTHS;
  }
}

void *cicu_datefmt_open(const char *locale, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UDateFormat *f = udat_open(UDAT_DEFAULT, UDAT_DEFAULT, locale, NULL, 0, NULL, 0, &code);
  *status = code;
  if (U_FAILURE(code)) {
    if (f) udat_close(f);
    return NULL;
  }
  return f;
}

int32_t cicu_datefmt_symbol_count(void *formatter, int32_t set) {
  int ok;
  UDateFormatSymbolType type = symbol_type(set, &ok);
  return ok ? udat_countSymbols((const UDateFormat *)formatter, type) : 0;
}

int32_t cicu_datefmt_symbol(void *formatter, int32_t set, int32_t index, uint16_t *dest,
                            int32_t capacity, int32_t *status) {
  int ok;
  UDateFormatSymbolType type = symbol_type(set, &ok);
  if (!ok) { *status = U_ILLEGAL_ARGUMENT_ERROR; return 0; }
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = udat_getSymbols((const UDateFormat *)formatter, type, index, (UChar *)dest, capacity, &code);
  *status = code;
  return n;
}

void cicu_datefmt_close(void *formatter) {
  if (formatter) udat_close((UDateFormat *)formatter);
}

int32_t cicu_locale_count(void) { return uloc_countAvailable(); }

const char *cicu_locale_at(int32_t index) { return uloc_getAvailable(index); }

// MARK: Charset detection and conversion

int32_t cicu_detect_charsets(const char *bytes, int32_t length, char *names, int32_t *confidences,
                             int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open(&code);
  if (U_FAILURE(code)) {
    *status = code;
    return 0;
  }
  ucsdet_setText(detector, bytes, length, &code);
  int32_t found = 0;
  const UCharsetMatch **matches = ucsdet_detectAll(detector, &found, &code);
  int32_t written = 0;
  for (int32_t i = 0; U_SUCCESS(code) && matches != NULL && i < found && written < capacity; i++) {
    const char *name = ucsdet_getName(matches[i], &code);
    int32_t confidence = ucsdet_getConfidence(matches[i], &code);
    if (U_FAILURE(code) || name == NULL) break;
    char *slot = names + (size_t)written * CICU_CHARSET_NAME_CAPACITY;
    strncpy(slot, name, CICU_CHARSET_NAME_CAPACITY - 1);
    slot[CICU_CHARSET_NAME_CAPACITY - 1] = 0;
    confidences[written] = confidence;
    written++;
  }
  *status = code;
  ucsdet_close(detector);
  return written;
}

int32_t cicu_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                              uint16_t *dest, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(charset, &code);
  if (U_FAILURE(code)) {
    *status = code;
    return 0;
  }
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &code);
  int32_t needed = ucnv_toUChars(converter, (UChar *)dest, capacity, bytes, length, &code);
  ucnv_close(converter);
  *status = code;
  return needed;
}
