// CICU lunisolar calendar conversion (ICU's `chinese` calendar) for holidays such as the
// Spring Festival, the Mid-Autumn Festival and Chuseok. See include/CICU.h for the contract.
#include "CICU.h"

#include <unicode/ucal.h>

int32_t cicu_lunar_to_gregorian(int32_t year, int32_t lunar_month, int32_t lunar_day, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  static const UChar utc[] = {'U', 'T', 'C', 0};
  UCalendar *cal = ucal_open(utc, 3, "en@calendar=chinese", UCAL_DEFAULT, &code);
  if (U_FAILURE(code)) {
    *status = code;
    return 0;
  }
  // The lunar year that begins in this Gregorian year is the one in course on 1 July (its new
  // year falls between 21 January and 20 February).
  const double day_ms = 86400000.0;
  int64_t y = year, m = 7, d = 1;
  // days_from_civil (Howard Hinnant)
  int64_t yy = m <= 2 ? y - 1 : y;
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;
  int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = era * 146097 + doe - 719468;
  ucal_setMillis(cal, (double)days * day_ms, &code);
  int32_t extended = ucal_get(cal, UCAL_EXTENDED_YEAR, &code);
  ucal_clear(cal);
  ucal_set(cal, UCAL_EXTENDED_YEAR, extended);
  ucal_set(cal, UCAL_MONTH, lunar_month - 1);
  ucal_set(cal, UCAL_IS_LEAP_MONTH, 0);
  ucal_set(cal, UCAL_DATE, lunar_day);
  double millis = ucal_getMillis(cal, &code);
  ucal_close(cal);
  *status = code;
  if (U_FAILURE(code)) return 0;
  double whole = millis / day_ms;
  return (int32_t)(whole >= 0 ? whole : whole - 0.999999);
}
