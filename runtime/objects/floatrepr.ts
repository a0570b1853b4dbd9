// repr() of a float, as CPython 3.11 writes it (Python/pystrtod.c, format code 'r' with
// Py_DTSF_ADD_DOT_0): the shortest digit string that reads back as the same double, in
// positional notation while the decimal point sits between 10**-4 and 10**16, in
// scientific notation with a signed two-digit (at least) exponent otherwise.
// str(float) is the same text in Python 3.

/** The shortest round-trip digits of a finite, non-zero |x| and its decimal exponent. */
export function shortestDigits(x: number): { digits: string; exponent: number } {
  // toExponential() without an argument gives as many digits as needed to round-trip,
  // the same shortest digits as CPython's dtoa mode 0.
  const s = Math.abs(x).toExponential();
  const e = s.indexOf("e");
  return { digits: s.slice(0, e).replace(".", ""), exponent: Number(s.slice(e + 1)) };
}

/** Python's repr(x) for a float. */
export function floatRepr(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const { digits, exponent } = shortestDigits(x);
  const decpt = exponent + 1; // digits are 0.DIGITS * 10**decpt
  if (decpt <= -4 || decpt > 16) {
    const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    const exp = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${exp < 10 ? "0" : ""}${exp}`;
  }
  if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${"0".repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}
