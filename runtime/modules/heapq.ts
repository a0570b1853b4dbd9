// The heapq module (Lib/heapq.py with Modules/_heapqmodule.c's functions), written for
// glasspy: a binary min-heap kept in a list (heap[k] <= heap[2k+1], heap[2k+2]). The
// sifts make the comparisons CPython's C functions make, in the same order, so user
// __lt__ methods see the same calls and equal items end in the same places.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "heapq",
  String.raw`"""Heap queue: a list used as a binary min-heap, where heap[0] is the smallest item and
heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2]."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check(heap, function, alone):
    # as Argument Clinic words it for a list parameter
    if not isinstance(heap, list):
        which = 'argument' if alone else 'argument 1'
        raise TypeError(f'{function}() {which} must be list, not {type(heap).__name__}')


def _before(a, b, largest_first):
    return b < a if largest_first else a < b


def _rise(heap, top, pos, largest_first=False):
    # move heap[pos] toward heap[top] while it comes before its parent
    size = len(heap)
    if pos >= size:
        raise IndexError('index out of range')
    while pos > top:
        parent = (pos - 1) >> 1
        moves = _before(heap[pos], heap[parent], largest_first)
        if size != len(heap):
            raise RuntimeError('list changed size during iteration')
        if not moves:
            break
        heap[parent], heap[pos] = heap[pos], heap[parent]
        pos = parent


def _sink(heap, pos, largest_first=False):
    # let the earlier child move up until heap[pos]'s item reaches a leaf, then let it
    # rise again to where it belongs (fewer comparisons than stopping early)
    size = len(heap)
    if pos >= size:
        raise IndexError('index out of range')
    start = pos
    leaves = size >> 1
    while pos < leaves:
        child = 2 * pos + 1
        if child + 1 < size:
            if not _before(heap[child], heap[child + 1], largest_first):
                child += 1
            if size != len(heap):
                raise RuntimeError('list changed size during iteration')
        heap[child], heap[pos] = heap[pos], heap[child]
        pos = child
    _rise(heap, start, pos, largest_first)


def heappush(heap, item):
    """Push item onto heap, keeping the heap invariant."""
    _check(heap, 'heappush', False)
    heap.append(item)
    _rise(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, keeping the heap invariant."""
    _check(heap, 'heappop', True)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    smallest, heap[0] = heap[0], last
    _sink(heap, 0)
    return smallest


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (the heap's size is kept; the
    result may be larger than item)."""
    _check(heap, 'heapreplace', False)
    if not heap:
        raise IndexError('index out of range')
    smallest, heap[0] = heap[0], item
    _sink(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push item, then pop and return the smallest item (faster than the two calls)."""
    _check(heap, 'heappushpop', False)
    if not heap or not heap[0] < item:
        return item
    smallest, heap[0] = heap[0], item
    _sink(heap, 0)
    return smallest


def heapify(x):
    """Make the list x a heap, in place, in linear time."""
    _check(x, 'heapify', True)
    for pos in range(len(x) // 2 - 1, -1, -1):
        _sink(x, pos)


def _heappop_max(heap):
    _check(heap, '_heappop_max', True)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    largest, heap[0] = heap[0], last
    _sink(heap, 0, True)
    return largest


def _heapreplace_max(heap, item):
    _check(heap, '_heapreplace_max', False)
    if not heap:
        raise IndexError('index out of range')
    largest, heap[0] = heap[0], item
    _sink(heap, 0, True)
    return largest


def _heapify_max(x):
    _check(x, '_heapify_max', True)
    for pos in range(len(x) // 2 - 1, -1, -1):
        _sink(x, pos, True)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted stream (a generator), reading each input
    only as far as needed; key and reverse as for sorted()."""
    if reverse:
        arrange, drop, swap, sign = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        arrange, drop, swap, sign = heapify, heappop, heapreplace, 1
    # entries: [sort key, input number (ties go to the earlier input), value, next]
    entries = []
    for number, iterator in enumerate(map(iter, iterables)):
        advance = iterator.__next__
        try:
            value = advance()
        except StopIteration:
            continue
        if key is None:
            entries.append([value, number * sign, advance])
        else:
            entries.append([key(value), number * sign, value, advance])
    arrange(entries)
    while len(entries) > 1:
        try:
            while True:
                first = entries[0]
                if key is None:
                    yield first[0]
                    first[0] = first[2]()
                else:
                    yield first[2]
                    value = first[3]()
                    first[0] = key(value)
                    first[2] = value
                swap(entries, first)
        except StopIteration:
            drop(entries)
    if entries:
        last = entries[0]
        yield last[0] if key is None else last[2]
        yield from last[-1].__self__


def _pick(n, iterable, key, largest):
    # the n smallest (or largest) items, sorted: a heap of the best n seen so far, whose
    # root is the worst of them; ties keep the order of arrival
    if n == 1:
        missing = object()
        best = (max if largest else min)(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    try:
        known = len(iterable)
    except (TypeError, AttributeError):
        known = None
    if known is not None and n >= known:
        return sorted(iterable, key=key, reverse=largest)[:n]
    stream = iter(iterable)
    step = -1 if largest else 1
    counter = range(0, -n, -1) if largest else range(n)
    if key is None:
        kept = [(item, order) for order, item in zip(counter, stream)]
    else:
        kept = [(key(item), order, item) for order, item in zip(counter, stream)]
    if not kept:
        return kept
    if largest:
        heapify(kept)
        swap = heapreplace
    else:
        _heapify_max(kept)
        swap = _heapreplace_max
    worst = kept[0][0]
    order = -n if largest else n
    for item in stream:
        rank = item if key is None else key(item)
        if (worst < rank) if largest else (rank < worst):
            swap(kept, (rank, order) if key is None else (rank, order, item))
            worst = kept[0][0]
            order += step
    kept.sort(reverse=largest)
    return [entry[-1] if key is not None else entry[0] for entry in kept]


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable: sorted(iterable, key=key)[:n]."""
    return _pick(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest items of iterable: sorted(iterable, key=key, reverse=True)[:n]."""
    return _pick(n, iterable, key, True)
`,
);
