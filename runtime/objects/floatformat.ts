// Fixed and exponent formatting of doubles with a given precision, rounded as CPython's
// dtoa rounds: to nearest, ties to even, on the exact binary value (Python/pystrtod.c,
// PyOS_double_to_string with 'f', 'e', 'g'). JavaScript's toFixed() breaks ties away from
// zero, so exact ties are decided here with the value's exact decimal expansion.

/** The exact decimal expansion of a finite non-negative double: digits and point position. */
function exactDecimal(x: number): { digits: string; point: number } {
  // x = mant * 2**exp exactly.
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0), lo = buf.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  if (mant === 0n) return { digits: "0", point: 1 };
  if (exp >= 0) {
    const s = (mant << BigInt(exp)).toString();
    return { digits: s, point: s.length };
  }
  // mant / 2**-exp = mant * 5**-exp / 10**-exp
  const s = (mant * 5n ** BigInt(-exp)).toString();
  return { digits: s, point: s.length + exp };
}

/**
 * Rounds the exact decimal of |x| to `ndigits` digits after the decimal point, ties to
 * even; returns the digit string and point position (digits may gain a leading 1).
 */
function roundDecimal(
  d: { digits: string; point: number },
  keep: number, // number of digits to keep from the start of d.digits (may be <= 0)
): { digits: string; point: number } {
  const { digits } = d;
  let point = d.point;
  if (keep >= digits.length) return { digits, point };
  if (keep < 0) return { digits: "0", point: point };
  const head = digits.slice(0, keep);
  const next = digits.charCodeAt(keep) - 48;
  const rest = digits.slice(keep + 1);
  let roundUp = false;
  if (next > 5) roundUp = true;
  else if (next === 5) {
    if (/[1-9]/.test(rest)) roundUp = true;
    else {
      const last = keep > 0 ? head.charCodeAt(keep - 1) - 48 : 0;
      roundUp = last % 2 === 1;
    }
  }
  if (!roundUp) return { digits: head.length ? head : "0", point: head.length ? point : point };
  // increment head
  const arr = head.split("").map((c) => c.charCodeAt(0) - 48);
  let i = arr.length - 1;
  while (i >= 0) {
    if (arr[i] === 9) {
      arr[i] = 0;
      i--;
    } else {
      arr[i]++;
      break;
    }
  }
  if (i < 0) {
    arr.unshift(1);
    point++;
  }
  return { digits: arr.join(""), point };
}

/** format(x, '.{prec}f') without sign handling of nan/inf (x finite). */
export function formatFixed(x: number, prec: number): string {
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let body: string;
  if (ax < 1e21 && prec <= 100) {
    const js = ax.toFixed(prec);
    // toFixed is exact except for ties, which it breaks upward: check for a tie.
    body = isTieCandidate(js) ? fixedExact(ax, prec) : js;
  } else {
    body = fixedExact(ax, prec);
  }
  return (neg ? "-" : "") + body;
}

function isTieCandidate(_s: string): boolean {
  // Ties are rare but cannot be told from the output alone; exactness first.
  return true;
}

function fixedExact(ax: number, prec: number): string {
  const d = exactDecimal(ax);
  if (ax === 0) return prec > 0 ? "0." + "0".repeat(prec) : "0";
  const r = roundDecimal(d, d.point + prec);
  let intPart: string, frac: string;
  const digits = r.digits;
  if (r.point <= 0) {
    intPart = "0";
    frac = ("0".repeat(-r.point) + digits).padEnd(prec, "0").slice(0, prec);
  } else {
    intPart = digits.slice(0, r.point).padEnd(r.point, "0");
    frac = digits.slice(r.point).padEnd(prec, "0").slice(0, prec);
  }
  if (d.point + prec < 0 || (r.digits === "0")) {
    intPart = "0";
    frac = "0".repeat(prec);
  }
  intPart = intPart.replace(/^0+(?=\d)/, "");
  return prec > 0 ? `${intPart}.${frac}` : intPart;
}

/** Digits and exponent of |x| rounded to `sig` significant digits (x finite, non-zero). */
export function significantDigits(ax: number, sig: number): { digits: string; exp: number } {
  const d = exactDecimal(ax);
  // strip leading zeros (exactDecimal never has them except for "0")
  const r = roundDecimal(d, sig);
  let digits = r.digits.slice(0, sig);
  digits = digits.padEnd(sig, "0");
  return { digits, exp: r.point - 1 };
}

/** format(x, '.{prec}e') (x finite). */
export function formatExp(x: number, prec: number, upper = false): string {
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let digits: string, exp: number;
  if (ax === 0) {
    digits = "0".repeat(prec + 1);
    exp = 0;
  } else {
    ({ digits, exp } = significantDigits(ax, prec + 1));
  }
  const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : digits[0];
  const e = Math.abs(exp);
  return `${neg ? "-" : ""}${mant}${upper ? "E" : "e"}${exp < 0 ? "-" : "+"}${
    e < 10 ? "0" : ""
  }${e}`;
}

/**
 * format(x, '.{prec}g'): significant digits, trailing zeros removed unless `alt`;
 * positional when -4 <= exp < prec.
 */
export function formatGeneral(x: number, prec: number, upper = false, alt = false): string {
  if (prec === 0) prec = 1;
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let digits: string, exp: number;
  if (ax === 0) {
    digits = "0".repeat(prec);
    exp = 0;
  } else {
    ({ digits, exp } = significantDigits(ax, prec));
  }
  let out: string;
  if (exp >= -4 && exp < prec) {
    // positional with prec - 1 - exp digits after the point
    const point = exp + 1;
    let intPart: string, frac: string;
    if (point <= 0) {
      intPart = "0";
      frac = "0".repeat(-point) + digits;
    } else {
      intPart = digits.slice(0, point).padEnd(point, "0");
      frac = digits.slice(point);
    }
    if (!alt) frac = frac.replace(/0+$/, "");
    out = frac.length > 0 || alt ? `${intPart}.${frac}` : intPart;
  } else {
    let frac = digits.slice(1);
    if (!alt) frac = frac.replace(/0+$/, "");
    const e = Math.abs(exp);
    out = `${digits[0]}${frac.length > 0 || alt ? "." + frac : ""}${upper ? "E" : "e"}${
      exp < 0 ? "-" : "+"
    }${e < 10 ? "0" : ""}${e}`;
  }
  return (neg ? "-" : "") + out;
}
