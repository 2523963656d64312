/**
 * The string formats of spec primitives (uuid, timestamp, date, decimal, bytes), checked
 * exactly: a value that passes is one every backend and language reads the same way.
 */

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// RFC 3339 date-time: an offset is required (a time without one means different instants on different machines).
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** RFC 3339 `date-time` with an offset (`2026-11-26T07:18:54.123Z`, `...+01:00`), calendar-valid. */
export function isTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (m === null) return false;
  const [, y, mo, d, h, mi, s, oh, om] = m;
  return (
    isCalendarDate(Number(y), Number(mo), Number(d)) &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s) <= 60 && // 60: a leap second, as RFC 3339 allows
    (oh === undefined || Number(oh) <= 23) &&
    (om === undefined || Number(om) <= 59)
  );
}

/** `YYYY-MM-DD`, calendar-valid. */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A decimal number written out in full: `19.90`, `-3`, `0.5` (no exponent, no leading `+`, no leading zeros). */
export function isDecimal(value: string): boolean {
  return DECIMAL.test(value);
}

/** Standard base64 with padding (RFC 4648 §4). */
export function isBase64(value: string): boolean {
  return BASE64.test(value);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}
