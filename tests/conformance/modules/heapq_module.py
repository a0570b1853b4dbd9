# heapq: the heap functions, their comparisons, nsmallest/nlargest and merge
import heapq

data = [5, 3, 8, 1, 9, 2, 7, 1, 6, 0, 4]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
h = data[:]
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, 10), h)
print(heapq.heappushpop(h, -1), heapq.heappushpop(h, 3), h)
print(heapq.heappushpop([], 4))
for bad in (lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1),
            lambda: heapq.heappush((), 1), lambda: heapq.heapify('abc')):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)


class Loud:
    calls = []

    def __init__(self, v, tag):
        self.v, self.tag = v, tag

    def __lt__(self, other):
        Loud.calls.append((self.tag, other.tag))
        return self.v < other.v

    def __repr__(self):
        return self.tag


items = [Loud(v, t) for v, t in [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (5, 'f')]]
heapq.heapify(items)
print(items, Loud.calls)
Loud.calls.clear()
print(heapq.heappop(items), items, Loud.calls)
Loud.calls.clear()
heapq.heappush(items, Loud(0, 'g'))
print(items, Loud.calls)

words = 'the quick brown fox jumps over the lazy dog again and again'.split()
print(heapq.nsmallest(3, words), heapq.nlargest(3, words))
print(heapq.nsmallest(4, words, key=len), heapq.nlargest(4, words, key=len))
print(heapq.nsmallest(1, words), heapq.nlargest(1, iter(words), key=len))
print(heapq.nsmallest(20, words)[:3], heapq.nlargest(0, words), heapq.nsmallest(2, iter([])))
print(heapq.nsmallest(3, iter(words)), heapq.nlargest(3, (w for w in words), key=len))
pairs = [(1, 'x'), (1, 'y'), (0, 'z'), (1, 'w'), (2, 'v')]
print(heapq.nsmallest(3, pairs, key=lambda p: p[0]), heapq.nlargest(3, iter(pairs), key=lambda p: p[0]))
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 4], [7], reverse=True)))
print(list(heapq.merge([(1, 'a'), (2, 'b')], [(1, 'c')], key=lambda p: p[0], reverse=False)))
print(list(heapq.merge()), list(heapq.merge([1, 2])))
m = heapq.merge(iter([1, 4]), iter([2, 3]))
print(next(m), next(m), list(m))
print(heapq.__all__)
