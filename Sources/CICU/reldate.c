// CICU relative-date, plural-rule and skeleton date-format wrappers (CLDR data for the
// DateResolution vocabulary). See include/CICU.h for the contract.
#include "CICU.h"

#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/upluralrules.h>
#include <unicode/ureldatefmt.h>
#include <unicode/ustring.h>

// MARK: Relative date formatting

static int rel_unit(int32_t unit, URelativeDateTimeUnit *out) {
  if (unit < 0 || unit > CICU_REL_SATURDAY) return 0;
  // Our constants follow ICU's URelativeDateTimeUnit order (year … saturday).
  *out = (URelativeDateTimeUnit)unit;
  return 1;
}

void *cicu_reldatefmt_open(const char *locale, int32_t style, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UDateRelativeDateTimeFormatterStyle s =
      style == 1 ? UDAT_STYLE_SHORT : (style == 2 ? UDAT_STYLE_NARROW : UDAT_STYLE_LONG);
  URelativeDateTimeFormatter *f =
      ureldatefmt_open(locale, NULL, s, UDISPCTX_CAPITALIZATION_NONE, &code);
  *status = code;
  if (U_FAILURE(code)) {
    if (f) ureldatefmt_close(f);
    return NULL;
  }
  return f;
}

int32_t cicu_reldatefmt_format(void *formatter, double offset, int32_t unit, int32_t numeric,
                               uint16_t *dest, int32_t capacity, int32_t *status) {
  URelativeDateTimeUnit u;
  if (!formatter || !rel_unit(unit, &u)) {
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return 0;
  }
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = numeric
      ? ureldatefmt_formatNumeric((const URelativeDateTimeFormatter *)formatter, offset, u,
                                  (UChar *)dest, capacity, &code)
      : ureldatefmt_format((const URelativeDateTimeFormatter *)formatter, offset, u,
                           (UChar *)dest, capacity, &code);
  *status = code;
  return n;
}

void cicu_reldatefmt_close(void *formatter) {
  if (formatter) ureldatefmt_close((URelativeDateTimeFormatter *)formatter);
}

// MARK: Plural rules

void *cicu_plural_open(const char *locale, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UPluralRules *rules = uplrules_open(locale, &code);
  *status = code;
  if (U_FAILURE(code)) {
    if (rules) uplrules_close(rules);
    return NULL;
  }
  return rules;
}

int32_t cicu_plural_select(void *rules, double number, uint16_t *dest, int32_t capacity,
                           int32_t *status) {
  if (!rules) {
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return 0;
  }
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = uplrules_select((const UPluralRules *)rules, number, (UChar *)dest, capacity, &code);
  *status = code;
  return n;
}

void cicu_plural_close(void *rules) {
  if (rules) uplrules_close((UPluralRules *)rules);
}

// MARK: Dates formatted from a skeleton

void *cicu_datepatterns_open(const char *locale, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UDateTimePatternGenerator *generator = udatpg_open(locale, &code);
  *status = code;
  if (U_FAILURE(code)) {
    if (generator) udatpg_close(generator);
    return NULL;
  }
  return generator;
}

void cicu_datepatterns_close(void *generator) {
  if (generator) udatpg_close((UDateTimePatternGenerator *)generator);
}

void *cicu_datefmt_open_best(void *generator, const char *locale, const uint16_t *skeleton,
                             int32_t length, int32_t *status) {
  if (!generator) {
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
  }
  UErrorCode code = U_ZERO_ERROR;
  UChar pattern[128];
  int32_t patternLength = udatpg_getBestPattern((UDateTimePatternGenerator *)generator,
                                                (const UChar *)skeleton, length, pattern, 128,
                                                &code);
  if (U_FAILURE(code) || patternLength >= 128) {
    *status = U_FAILURE(code) ? code : U_BUFFER_OVERFLOW_ERROR;
    return NULL;
  }
  static const UChar utc[] = {'U', 'T', 'C', 0};
  UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, utc, 3, pattern, patternLength,
                             &code);
  *status = code;
  if (U_FAILURE(code)) {
    if (f) udat_close(f);
    return NULL;
  }
  return f;
}

int32_t cicu_datefmt_apply_best(void *formatter, void *generator, const uint16_t *skeleton,
                                int32_t length) {
  if (!formatter || !generator) return U_ILLEGAL_ARGUMENT_ERROR;
  UErrorCode code = U_ZERO_ERROR;
  UChar pattern[128];
  int32_t patternLength = udatpg_getBestPattern((UDateTimePatternGenerator *)generator,
                                                (const UChar *)skeleton, length, pattern, 128,
                                                &code);
  if (U_FAILURE(code)) return code;
  if (patternLength >= 128) return U_BUFFER_OVERFLOW_ERROR;
  // A pattern applied to a formatter of the locale formats as a formatter opened with it
  // (ICU's SimpleDateFormat parses the pattern alike; only the Japanese calendar's era years
  // differ, and the locales here use the Gregorian one): the tests compare the two.
  udat_applyPattern((UDateFormat *)formatter, 0, pattern, patternLength);
  return 0;
}

void *cicu_datefmt_open_skeleton(const char *locale, const uint16_t *skeleton, int32_t length,
                                 int32_t *status) {
  void *generator = cicu_datepatterns_open(locale, status);
  if (!generator) return NULL;
  void *f = cicu_datefmt_open_best(generator, locale, skeleton, length, status);
  cicu_datepatterns_close(generator);
  return f;
}

int32_t cicu_datefmt_format(void *formatter, double millis, uint16_t *dest, int32_t capacity,
                            int32_t *status) {
  if (!formatter) {
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return 0;
  }
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = udat_format((const UDateFormat *)formatter, (UDate)millis, (UChar *)dest, capacity,
                          NULL, &code);
  *status = code;
  return n;
}
