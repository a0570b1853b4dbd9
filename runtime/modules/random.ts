// The random module (Lib/random.py's interface), written for glasspy over _random's
// Mersenne Twister. Every method draws from the generator in the order CPython's does
// and does its floating-point arithmetic in the same order, so that a seeded sequence is
// CPython's number for number: integers by rejection sampling on getrandbits(k) with k
// the bit length of the bound, choices() by bisection on cumulative weights, the
// distributions by the same rejection methods.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "random",
  String.raw`"""Random variable generators: integers, sequences (choice, shuffle, sample,
choices) and real-valued distributions, all from one seeded Mersenne Twister."""

from math import (log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil,
                  sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin,
                  floor as _floor, isfinite as _isfinite)
from itertools import accumulate as _accumulate, repeat as _repeat
from bisect import bisect as _bisect
from operator import index as _index
from _sha512 import sha512 as _sha512
import _random

__all__ = ("Random SystemRandom betavariate choice choices expovariate gammavariate "
           "gauss getrandbits getstate lognormvariate normalvariate paretovariate "
           "randbytes randint random randrange sample seed setstate shuffle "
           "triangular uniform vonmisesvariate weibullvariate").split()

NV_MAGICCONST, TWOPI, LOG4, SG_MAGICCONST = (
    4 * _exp(-0.5) / _sqrt(2.0), 2.0 * _pi, _log(4.0), 1.0 + _log(4.5))
BPF = 53        # bits in a float's mantissa
RECIP_BPF = 2 ** -BPF
_ONE = 1


def _as_int(value, what):
    # operator.index(), with the old tolerance for integral floats (whose warning
    # glasspy does not issue: it has no warnings module yet)
    try:
        return _index(value)
    except TypeError:
        as_int = int(value)
        if as_int != value:
            raise ValueError(f"non-integer {what} for randrange()")
        return as_int


class Random(_random.Random):
    """Random number generator base class: a Mersenne Twister with the methods of the
    random module. Subclass it and override random() (or getrandbits()) to use another
    source of bits."""

    VERSION = 3     # getstate()'s format

    def __init__(self, x=None):
        self.gauss_next = None
        self.seed(x)

    def seed(self, a=None, version=2):
        """Start the sequence again from a: None (fresh entropy), an int, a float, a str,
        bytes or a bytearray (all of whose bits are used, through SHA-512)."""
        if version == 1 and isinstance(a, (str, bytes)):
            text = a if isinstance(a, str) else a.decode('latin-1')
            mixed = ord(text[0]) << 7 if text else 0
            for code in map(ord, text):
                mixed = ((1000003 * mixed) ^ code) & 0xFFFFFFFFFFFFFFFF
            mixed ^= len(text)
            a = -2 if mixed == -1 else mixed
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            raw = a.encode() if isinstance(a, str) else a
            a = int.from_bytes(raw + _sha512(raw).digest())
        elif a is not None and not isinstance(a, (int, float, str, bytes, bytearray)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        self.gauss_next = None
        super().seed(a)

    def getstate(self):
        """The generator's state, for setstate()."""
        return (self.VERSION, super().getstate(), self.gauss_next)

    def setstate(self, state):
        """Go back to a state getstate() returned."""
        version = state[0]  # 3 now; 2 for states from Python 2.x
        if version not in (2, 3):
            raise ValueError(f"state with version {version} passed to "
                             f"Random.setstate() of version {self.VERSION}")
        _, inner, self.gauss_next = state
        if version == 2:
            # version 2 states may hold negative words (from Python 2's signed ints)
            try:
                inner = tuple(word % (2 ** 32) for word in inner)
            except ValueError as exc:
                raise TypeError from exc
        super().setstate(inner)

    def __getstate__(self): return self.getstate()
    def __setstate__(self, state): self.setstate(state)
    def __reduce__(self): return type(self), (), self.getstate()

    def __init_subclass__(cls, /, **kwargs):
        """A subclass draws integers with the richest source it overrides."""
        for klass in cls.__mro__:
            own = klass.__dict__
            if '_randbelow' in own:
                return
            if 'getrandbits' in own:
                cls._randbelow = cls._randbelow_with_getrandbits
                return
            if 'random' in own:
                cls._randbelow = cls._randbelow_without_getrandbits
                return

    def _randbelow_with_getrandbits(self, n):
        "An int in [0, n) (n > 0): draws of n.bit_length() bits until one is below n."
        bits = self.getrandbits
        width = n.bit_length()
        draw = bits(width)
        while draw >= n:
            draw = bits(width)
        return draw

    def _randbelow_without_getrandbits(self, n, maxsize=1<<BPF):
        "An int in [0, n) from random() alone (for subclasses without getrandbits)."
        uniform01 = self.random
        if n >= maxsize:
            return _floor(uniform01() * n)
        top = (maxsize - maxsize % n) / maxsize
        value = uniform01()
        while value >= top:
            value = uniform01()
        return _floor(value * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randrange(self, start, stop=None, step=_ONE):
        """A random int from range(start, stop, step) (or range(start) alone)."""
        first = _as_int(start, "arg 1")
        if stop is None:
            missing_stop = step is not _ONE
            if missing_stop:
                raise TypeError('Missing a non-None stop argument')
            if first <= 0:
                raise ValueError("empty range for randrange()")
            return self._randbelow(first)
        last = _as_int(stop, "stop")
        width = last - first
        stride = _as_int(step, "step")
        if stride == 1:
            if width <= 0:
                raise ValueError(
                    "empty range for randrange() (%d, %d, %d)" % (first, last, width))
            return first + self._randbelow(width)
        if stride == 0:
            raise ValueError("zero step for randrange()")
        count = (width + stride + (-1 if stride > 0 else 1)) // stride
        if count <= 0:
            raise ValueError("empty range for randrange()")
        return first + stride * self._randbelow(count)

    def randint(self, a, b):
        """A random int from a to b, both included."""
        return self.randrange(a, b + 1)

    def randbytes(self, n):
        """n random bytes."""
        return self.getrandbits(8 * n).to_bytes(n, 'little')

    def choice(self, seq):
        """A random element of a non-empty sequence."""
        size = len(seq)
        if not size:
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(size)]

    def shuffle(self, x):
        """Put the list x in random order, in place (Fisher-Yates from the end)."""
        below = self._randbelow
        for last in range(len(x) - 1, 0, -1):
            other = below(last + 1)
            x[last], x[other] = x[other], x[last]

    def sample(self, population, k, *, counts=None):
        """k distinct elements of population, in the order they were picked."""
        from _collections_abc import Sequence
        if not isinstance(population, Sequence):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        size = len(population)
        if counts is not None:
            bounds = list(_accumulate(counts))
            if len(bounds) != size:
                raise ValueError('The number of counts does not match the population')
            total = bounds.pop()
            if not isinstance(total, int): raise TypeError('Counts must be integers')
            if total <= 0: raise ValueError('Total of counts must be greater than zero')
            picks = self.sample(range(total), k=k)
            return [population[_bisect(bounds, s)] for s in picks]
        below = self._randbelow
        if k < 0 or k > size:
            raise ValueError("Sample larger than population or is negative")
        chosen = [None] * k
        # A pool shrunk by swapping out the picks, or a set of picked indices when the
        # population is large next to the sample (the memory a set would take decides).
        setsize = 21
        if k > 5:
            setsize += 4 ** _ceil(_log(k * 3, 4))
        if size <= setsize:
            pool = list(population)
            for i in range(k):
                j = below(size - i)
                chosen[i] = pool[j]
                pool[j] = pool[size - i - 1]
            return chosen
        taken = set()
        for i in range(k):
            j = below(size)
            while j in taken:
                j = below(size)
            taken.add(j)
            chosen[i] = population[j]
        return chosen

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """k elements of population chosen with replacement, with the given relative (or
        cumulative) weights, or all equally likely."""
        uniform01 = self.random
        size = len(population)
        if cum_weights is None:
            if weights is None:
                fsize = size + 0.0
                return [population[_floor(uniform01() * fsize)] for _ in _repeat(None, k)]
            try:
                cum_weights = list(_accumulate(weights))
            except TypeError:
                if isinstance(weights, int):
                    k = weights
                    raise TypeError(
                        f'The number of choices must be a keyword argument: {k=}') from None
                raise
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != size:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0: raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total): raise ValueError('Total of weights must be finite')
        last = size - 1
        return [population[_bisect(cum_weights, uniform01() * total, 0, last)]
                for _ in _repeat(None, k)]

    # ---- real-valued distributions

    def uniform(self, a, b): return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """A float from the triangular distribution on [low, high] peaking at mode."""
        draw = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if draw > c:
            draw, c, low, high = 1.0 - draw, 1.0 - c, high, low
        return low + (high - low) * _sqrt(draw * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution (Kinderman and Monahan's ratio method)."""
        uniform01 = self.random
        while True:
            u1 = uniform01()
            u2 = 1.0 - uniform01()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            if z * z / 4.0 <= -_log(u2):
                return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Normal distribution by Box-Muller: pairs of values, the second kept for the
        next call."""
        z, self.gauss_next = self.gauss_next, None
        if z is None:
            angle = self.random() * TWOPI
            radius = _sqrt(-2.0 * _log(1.0 - self.random()))
            z = _cos(angle) * radius
            self.gauss_next = _sin(angle) * radius
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log normal distribution: exp() of normalvariate(mu, sigma)."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution with rate lambd (1/mean)."""
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Circular (von Mises) distribution around mu with concentration kappa."""
        uniform01 = self.random
        if kappa <= 1e-6:
            return TWOPI * uniform01()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            z = _cos(_pi * uniform01())
            d = z / (r + z)
            u2 = uniform01()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        if uniform01() > 0.5:
            return (mu + _acos(f)) % TWOPI
        return (mu - _acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        """Gamma distribution with shape alpha and scale beta (both > 0)."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        uniform01 = self.random
        if alpha == 1.0:
            return -_log(1.0 - uniform01()) * beta
        if alpha > 1.0:
            # Cheng's rejection method GB
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb, ccc = alpha - LOG4, alpha + ainv
            while True:
                u1 = uniform01()
                if 1e-7 < u1 < 0.9999999:
                    u2 = 1.0 - uniform01()
                    lv = _log(u1 / (1.0 - u1)) / ainv
                    cand = alpha * _exp(lv)
                    zz = u1 * u1 * u2
                    rr = bbb + ccc * lv - cand
                    if rr + SG_MAGICCONST - 4.5 * zz >= 0.0 or rr >= _log(zz):
                        return cand * beta
        # alpha < 1: the method of Ahrens and Dieter (GS)
        while True:
            b = (_e + alpha) / _e
            p = b * uniform01()
            x = p ** (1.0 / alpha) if p <= 1.0 else -_log((b - p) / alpha)
            u1 = uniform01()
            if (u1 <= x ** (alpha - 1.0)) if p > 1.0 else (u1 <= _exp(-x)):
                return x * beta

    def betavariate(self, alpha, beta):
        """Beta distribution on [0, 1] (alpha, beta > 0)."""
        y = self.gammavariate(alpha, 1.0)
        return y / (y + self.gammavariate(beta, 1.0)) if y else 0.0

    def paretovariate(self, alpha):
        """Pareto distribution with shape alpha."""
        return (1.0 - self.random()) ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution with scale alpha and shape beta."""
        return alpha * (-_log(1.0 - self.random())) ** (1.0 / beta)


def _urandom(n):
    # fresh entropy: a new generator seeds itself from the host's random source
    return _random.Random().getrandbits(n * 8).to_bytes(n, 'little')


class SystemRandom(Random):
    """A Random whose bits come fresh from the host's entropy every time; it has no
    state to save or restore, and seed() does nothing."""

    def random(self):
        fifty_three_bits = int.from_bytes(_urandom(7)) >> 3
        return fifty_three_bits * RECIP_BPF

    def getrandbits(self, k):
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        size = (k + 7) // 8
        return int.from_bytes(_urandom(size)) >> (size * 8 - k)

    def randbytes(self, n): return _urandom(n)
    def seed(self, *args, **kwds): return None

    def _stateless(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')
    getstate = setstate = _stateless


# The module's functions are the bound methods of one hidden instance.
_inst = Random()
for _name in ("seed random uniform triangular randint choice randrange sample shuffle "
              "choices normalvariate lognormvariate expovariate vonmisesvariate "
              "gammavariate gauss betavariate paretovariate weibullvariate getstate "
              "setstate getrandbits randbytes").split():
    globals()[_name] = getattr(_inst, _name)
del _name
`,
);
