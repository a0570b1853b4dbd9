// The remainder and floor division of two doubles as floatobject.c computes them
// (float_rem, _float_div_mod), for the float type and for the compiler's constant folding.
// C tests a double for truth as != 0, so a NaN remainder or quotient is "true" there: the
// tests below say `!== 0`, not JavaScript's truthiness (for which NaN is false).

/** copysign(0.0, x) */
function zeroWithSignOf(x: number): number {
  return x < 0 || Object.is(x, -0) ? -0 : 0;
}

/** float_rem's result for wx != 0: the remainder with the divisor's sign */
export function floatRemainder(vx: number, wx: number): number {
  let mod = vx % wx;
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) mod += wx;
  } else {
    mod = zeroWithSignOf(wx);
  }
  return mod;
}

/** _float_div_mod for wx != 0: [floor quotient, remainder] */
export function floatDivMod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = zeroWithSignOf(wx);
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = zeroWithSignOf(vx / wx);
  }
  return [floordiv, mod];
}
