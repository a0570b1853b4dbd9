// The C library's math functions as CPython 3.11 on Linux gets them from glibc's libm.
//
// JavaScript's Math functions are correctly rounded in this V8 for sin, cos, tan, exp,
// log, atan and friends, and glibc's agree with them on all but a few inputs in a
// thousand. Where glibc uses the old Sun fdlibm algorithms (erf, erfc, log10, the
// hyperbolic functions, expm1, log1p), its results differ from the correctly rounded
// ones often, so those are computed here as fdlibm computes them, on top of Math.exp and
// Math.log. The polynomial coefficients are fdlibm's (Copyright (C) 1993 by Sun
// Microsystems, Inc.; permission to use, copy, modify, and distribute is freely granted).

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Little-endian hosts: u32[1] is the high word, u32[0] the low word.

function highWord(x: number): number {
  f64[0] = x;
  return u32[1] | 0;
}

/** x with its low 32 bits cleared (fdlibm's SET_LOW_WORD(x, 0)). */
function clearLowWord(x: number): number {
  f64[0] = x;
  u32[0] = 0;
  return f64[0];
}

// ---- erf and erfc (fdlibm s_erf.c, as glibc evaluates its polynomials) ----------------------

const erx = 8.45062911510467529297e-01;
const efx = 1.28379167095512586316e-01;
const efx8 = 1.02703333676410069053e+00;
const pp0 = 1.28379167095512558561e-01;
const pp1 = -3.25042107247001499370e-01;
const pp2 = -2.84817495755985104766e-02;
const pp3 = -5.77027029648944159157e-03;
const pp4 = -2.37630166566501626084e-05;
const qq1 = 3.97917223959155352819e-01;
const qq2 = 6.50222499887672944485e-02;
const qq3 = 5.08130628187576562776e-03;
const qq4 = 1.32494738004321644526e-04;
const qq5 = -3.96022827877536812320e-06;
const pa0 = -2.36211856075265944077e-03;
const pa1 = 4.14856118683748331666e-01;
const pa2 = -3.72207876035701323847e-01;
const pa3 = 3.18346619901161753674e-01;
const pa4 = -1.10894694282396677476e-01;
const pa5 = 3.54783043256182359371e-02;
const pa6 = -2.16637559486879084300e-03;
const qa1 = 1.06420880400844228286e-01;
const qa2 = 5.40397917702171048937e-01;
const qa3 = 7.18286544141962662868e-02;
const qa4 = 1.26171219808761642112e-01;
const qa5 = 1.36370839120290507362e-02;
const qa6 = 1.19844998467991074170e-02;
const ra0 = -9.86494403484714822705e-03;
const ra1 = -6.93858572707181764372e-01;
const ra2 = -1.05586262253232909814e+01;
const ra3 = -6.23753324503260060396e+01;
const ra4 = -1.62396669462573470355e+02;
const ra5 = -1.84605092906711035994e+02;
const ra6 = -8.12874355063065934246e+01;
const ra7 = -9.81432934416914548592e+00;
const sa1 = 1.96512716674392571292e+01;
const sa2 = 1.37657754143519042600e+02;
const sa3 = 4.34565877475229228821e+02;
const sa4 = 6.45387271733267880336e+02;
const sa5 = 4.29008140027567833386e+02;
const sa6 = 1.08635005541779435134e+02;
const sa7 = 6.57024977031928170135e+00;
const sa8 = -6.04244152148580987438e-02;
const rb0 = -9.86494292470009928597e-03;
const rb1 = -7.99283237680523006574e-01;
const rb2 = -1.77579549177547519889e+01;
const rb3 = -1.60636384855821916062e+02;
const rb4 = -6.37566443368389627722e+02;
const rb5 = -1.02509513161107724954e+03;
const rb6 = -4.83519191608651397019e+02;
const sb1 = 3.03380607434824582924e+01;
const sb2 = 3.25792512996573918826e+02;
const sb3 = 1.53672958608443695994e+03;
const sb4 = 3.19985821950859553908e+03;
const sb5 = 2.55305040643316442583e+03;
const sb6 = 4.74528541206955367215e+02;
const sb7 = -2.24409524465858183362e+01;
const tiny = 1e-300;

/** R(x^2) of erf on [0, 0.84375]: x + x*R is erf(x). */
function erfSmallRatio(z: number): number {
  const z2 = z * z, z4 = z2 * z2;
  const r = (pp0 + z * pp1) + z2 * (pp2 + z * pp3) + z4 * pp4;
  const s = (1 + z * qq1) + z2 * (qq2 + z * qq3) + z4 * (qq4 + z * qq5);
  return r / s;
}

/** P/Q of erf on [0.84375, 1.25] around 1: erf(1+s) - erx. */
function erfNearOne(s: number): number {
  const s2 = s * s, s4 = s2 * s2, s6 = s4 * s2;
  const p = (pa0 + s * pa1) + s2 * (pa2 + s * pa3) + s4 * (pa4 + s * pa5) + s6 * pa6;
  const q = (1 + s * qa1) + s2 * (qa2 + s * qa3) + s4 * (qa4 + s * qa5) + s6 * qa6;
  return p / q;
}

/** erfc(x) * x for 1.25 <= x < 28, as exp(-x*x - 0.5625 + R/S) split to keep accuracy. */
function erfcTail(x: number, ix: number): number {
  const s = 1 / (x * x);
  let r: number, sv: number;
  const s2 = s * s, s4 = s2 * s2, s6 = s4 * s2;
  if (ix < 0x4006db6d) {
    // |x| < 1/0.35
    r = (ra0 + s * ra1) + s2 * (ra2 + s * ra3) + s4 * (ra4 + s * ra5) + s6 * (ra6 + s * ra7);
    sv = (1 + s * sa1) + s2 * (sa2 + s * sa3) + s4 * (sa4 + s * sa5) + s6 * (sa6 + s * sa7) +
      s4 * s4 * sa8;
  } else {
    r = (rb0 + s * rb1) + s2 * (rb2 + s * rb3) + s4 * (rb4 + s * rb5) + s6 * rb6;
    sv = (1 + s * sb1) + s2 * (sb2 + s * sb3) + s4 * (sb4 + s * sb5) + s6 * (sb6 + s * sb7);
  }
  const z = clearLowWord(x);
  return Math.exp(-z * z - 0.5625) * Math.exp((z - x) * (z + x) + r / sv);
}

export function erf(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    // erf(nan) = nan, erf(+-inf) = +-1
    if (Number.isNaN(x)) return x;
    return x > 0 ? 1 : -1;
  }
  if (ix < 0x3feb0000) {
    // |x| < 0.84375
    if (ix < 0x3e300000) {
      // |x| < 2**-28
      if (ix < 0x00800000) return 0.125 * (8.0 * x + efx8 * x);
      return x + efx * x;
    }
    return x + x * erfSmallRatio(x * x);
  }
  if (ix < 0x3ff40000) {
    // 0.84375 <= |x| < 1.25
    const pq = erfNearOne(Math.abs(x) - 1);
    return hx >= 0 ? erx + pq : -erx - pq;
  }
  if (ix >= 0x40180000) {
    // |x| >= 6
    return hx >= 0 ? 1 - tiny : tiny - 1;
  }
  const ax = Math.abs(x);
  const r = erfcTail(ax, ix);
  return hx >= 0 ? 1 - r / ax : r / ax - 1;
}

export function erfc(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    // erfc(nan) = nan, erfc(+inf) = 0, erfc(-inf) = 2
    if (Number.isNaN(x)) return x;
    return x > 0 ? 0 : 2;
  }
  if (ix < 0x3feb0000) {
    // |x| < 0.84375
    if (ix < 0x3c700000) return 1 - x; // |x| < 2**-56
    const y = x * erfSmallRatio(x * x);
    if (hx < 0x3fd00000) return 1 - (x + y); // x < 1/4
    return 0.5 - ((x - 0.5) + y);
  }
  if (ix < 0x3ff40000) {
    // 0.84375 <= |x| < 1.25
    const pq = erfNearOne(Math.abs(x) - 1);
    return hx >= 0 ? 1 - erx - pq : 1 + (erx + pq);
  }
  if (ix < 0x403c0000) {
    // |x| < 28
    if (hx < 0 && ix >= 0x40180000) return 2 - tiny; // x < -6
    const ax = Math.abs(x);
    const r = erfcTail(ax, ix);
    return hx > 0 ? r / ax : 2 - r / ax;
  }
  return hx > 0 ? tiny * tiny : 2 - tiny;
}

// ---- expm1 and log1p (fdlibm s_expm1.c, s_log1p.c) ---------------------------------------

const ln2Hi = 6.93147180369123816490e-01;
const ln2Lo = 1.90821492927058770002e-10;
const invln2 = 1.44269504088896338700e+00;
const Q1 = -3.33333333333331316428e-02;
const Q2 = 1.58730158725481460165e-03;
const Q3 = -7.93650757867487942473e-05;
const Q4 = 4.00821782732936239552e-06;
const Q5 = -2.01099218183624371326e-07;

/** y * 2**k by adding k to y's exponent field (y is normal and the result finite). */
function addExponent(y: number, k: number): number {
  f64[0] = y;
  u32[1] = (u32[1] + (k << 20)) >>> 0;
  return f64[0];
}

/** A double from its high word (the low word zero). */
function fromHighWord(hi: number): number {
  f64[0] = 0;
  u32[1] = hi >>> 0;
  return f64[0];
}

export function expm1(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    // |x| >= 56*ln2
    if (hx >= 0x40862e42) {
      // |x| >= 709.78...
      if (hx >= 0x7ff00000) {
        if (Number.isNaN(x)) return x;
        return negative ? -1.0 : x;
      }
      if (x > 7.09782712893383973096e+02) return Infinity;
    }
    if (negative) return tiny - 1;
  }
  let k: number, hi: number, lo: number, c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2
      if (!negative) {
        hi = x - ln2Hi;
        lo = ln2Lo;
        k = 1;
      } else {
        hi = x + ln2Hi;
        lo = -ln2Lo;
        k = -1;
      }
    } else {
      k = Math.trunc(invln2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * ln2Hi;
      lo = k * ln2Lo;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) {
    // |x| < 2**-54
    return x;
  } else {
    k = 0;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs, h4 = h2 * h2;
  const r1 = (1 + hxs * Q1) + h2 * (Q2 + hxs * Q3) + h4 * (Q4 + hxs * Q5);
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return 1 + 2.0 * (x - e);
  }
  if (k <= -2 || k > 56) {
    const y = 1 - (e - x);
    return addExponent(y, k) - 1;
  }
  if (k < 20) {
    t = fromHighWord(0x3ff00000 - (0x200000 >> k)); // 1 - 2**-k
    return addExponent(t - (e - x), k);
  }
  t = fromHighWord((0x3ff - k) << 20); // 2**-k
  return addExponent(x - (e + t) + 1, k);
}

const Lp1 = 6.666666666666735130e-01;
const Lp2 = 3.999999999940941908e-01;
const Lp3 = 2.857142874366239149e-01;
const Lp4 = 2.222219843214978396e-01;
const Lp5 = 1.818357216161805012e-01;
const Lp6 = 1.531383769920937332e-01;
const Lp7 = 1.479819860511658591e-01;

export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1, f = 0, c = 0, hu = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) {
      // x <= -1.0
      return x === -1.0 ? -Infinity : NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2**-29
      if (ax < 0x3c900000) return x;
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // -0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    f64[0] = u;
    if (hu < 0x6a09e) {
      u32[1] = hu | 0x3ff00000; // normalize u
    } else {
      k += 1;
      u32[1] = hu | 0x3fe00000; // normalize u/2
      hu = (0x00100000 - hu) >> 2;
    }
    u = f64[0];
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2**-20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * ln2Lo;
      return k * ln2Hi + c;
    }
    const R = hfsq * (1.0 - 0.66666666666666666 * f);
    if (k === 0) return f - R;
    return k * ln2Hi - ((R - (k * ln2Lo + c)) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const z2 = z * z, z4 = z2 * z2, z6 = z4 * z2;
  const R = z * Lp1 + z2 * (Lp2 + z * Lp3) + z4 * (Lp4 + z * Lp5) + z6 * (Lp6 + z * Lp7);
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return k * ln2Hi - ((hfsq - (s * (hfsq + R) + (k * ln2Lo + c))) - f);
}

// ---- log10 (fdlibm e_log10.c) -----------------------------------------------------------------

const ivln10 = 4.34294481903251816668e-01;
const log10_2hi = 3.01029995663611771306e-01;
const log10_2lo = 3.69423907715893078616e-13;

export function log10(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2**-1022
    if (x === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= 2 ** 54; // subnormal: scale up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  const i = (k & 0x80000000) >>> 31;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = k + i;
  f64[0] = x;
  u32[1] = hx;
  const z = y * log10_2lo + ivln10 * Math.log(f64[0]);
  return z + y * log10_2hi;
}

// ---- hyperbolic functions (fdlibm e_sinh.c, e_cosh.c, s_tanh.c) --------------------------------

export function sinh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x;
  const h = jx < 0 ? -0.5 : 0.5;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2**-28
    const t = expm1(Math.abs(x));
    if (ix < 0x3ff00000) return h * (2.0 * t - t * t / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ix < 0x40862e42) return h * Math.exp(Math.abs(x));
  f64[0] = x;
  const lx = u32[0];
  if (ix < 0x408633ce || (ix === 0x408633ce && lx <= 0x8fb9f87d)) {
    const w = Math.exp(0.5 * Math.abs(x));
    const t = h * w;
    return t * w;
  }
  return x * 1.0e307 * 1.0e307;
}

export function cosh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3fd62e43) {
      // |x| < 0.5*ln2
      if (ix < 0x3c800000) return 1;
      const t = expm1(Math.abs(x));
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    const t = Math.exp(Math.abs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * Math.exp(Math.abs(x));
  f64[0] = x;
  const lx = u32[0];
  if (ix < 0x408633ce || (ix === 0x408633ce && lx <= 0x8fb9f87d)) {
    const w = Math.exp(0.5 * Math.abs(x));
    const t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000) return x * x;
  return Infinity;
}

export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    if (Number.isNaN(x)) return x;
    return jx >= 0 ? 1 : -1;
  }
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (x === 0) return x;
    if (ix < 0x3c800000) return x * (1 + x); // |x| < 2**-55
    if (ix >= 0x3ff00000) {
      // |x| >= 1
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1 - tiny;
  }
  return jx >= 0 ? z : -z;
}

// ---- inverse hyperbolic functions (fdlibm s_asinh.c, e_acosh.c; glibc's e_atanh.c) -------------

const ln2 = 6.93147180559945286227e-01;

function copysign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0);
  return neg ? -Math.abs(x) : Math.abs(x);
}

export function asinh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e300000) return x; // |x| < 2**-28
  let w: number;
  if (ix > 0x41b00000) {
    // |x| > 2**28
    if (ix >= 0x7ff00000) return x + x;
    w = Math.log(Math.abs(x)) + ln2;
  } else {
    const xa = Math.abs(x);
    if (ix > 0x40000000) {
      // 2**28 > |x| > 2.0
      w = Math.log(2.0 * xa + 1 / (Math.sqrt(xa * xa + 1) + xa));
    } else {
      const t = xa * xa;
      w = log1p(xa + t / (1 + Math.sqrt(1 + t)));
    }
  }
  return copysign(w, x);
}

export function acosh(x: number): number {
  const hx = highWord(x);
  if (hx < 0x3ff00000) return NaN; // x < 1
  if (hx >= 0x41b00000) {
    // x > 2**28
    if (hx >= 0x7ff00000) return x + x;
    return Math.log(x) + ln2;
  }
  if (x === 1) return 0.0;
  if (hx > 0x40000000) {
    // 2**28 > x > 2
    const t = x * x;
    return Math.log(2.0 * x - 1 / (x + Math.sqrt(t - 1)));
  }
  const t = x - 1;
  return log1p(t + Math.sqrt(2.0 * t + t * t));
}

export function atanh(x: number): number {
  const xa = Math.abs(x);
  let t: number;
  if (xa < 0.5) {
    if (xa < 2 ** -28) return x;
    t = xa + xa;
    t = 0.5 * log1p(t + t * xa / (1.0 - xa));
  } else if (xa < 1.0) {
    t = 0.5 * log1p((xa + xa) / (1.0 - xa));
  } else {
    if (xa > 1.0 || Number.isNaN(x)) return x !== x ? x : NaN;
    return x / 0.0;
  }
  return copysign(t, x);
}

// ---- cbrt (glibc's s_cbrt.c: a polynomial guess refined once) ----------------------------------

const CBRT2 = 1.2599210498948731648;
const SQR_CBRT2 = 1.5874010519681994748;
const cbrtFactor = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];

export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [xm, xe] = frexpAbs(x);
  const u = 0.354895765043919860 +
    (1.50819193781584896 +
        (-2.11499494167371287 +
            (2.44693122563534430 +
                (-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) *
                  xm) *
              xm) *
          xm) *
      xm;
  const t2 = u * u * u;
  const ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * cbrtFactor[2 + (xe % 3)];
  return scaleByPowerOfTwo(x > 0.0 ? ym : -ym, Math.trunc(xe / 3));
}

/** frexp(|x|) for finite non-zero x. */
function frexpAbs(x: number): [number, number] {
  let ax = Math.abs(x);
  let e = 0;
  if (ax < 2.2250738585072014e-308) {
    ax *= 2 ** 64;
    e = -64;
  }
  f64[0] = ax;
  const hi = u32[1];
  e += ((hi >>> 20) & 0x7ff) - 1022;
  u32[1] = (hi & 0x800fffff) | (1022 << 20);
  return [f64[0], e];
}

/** ldexp for the exponents cbrt produces (|e| <= 358): exact, or one rounding if subnormal. */
function scaleByPowerOfTwo(y: number, e: number): number {
  if (e >= -1022) return y * 2 ** e;
  return (y * 2 ** (e + 60)) * 2 ** -60;
}

export function exp2(x: number): number {
  return Math.pow(2, x);
}
