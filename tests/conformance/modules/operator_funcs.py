import operator
print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(5), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.itemgetter(1)("abc"), operator.itemgetter(0, 2)([10, 20, 30]), operator.attrgetter("real")(3 + 4j))
print(operator.methodcaller("upper")("hi"), operator.contains([1, 2], 2), operator.not_(0), operator.index(5))
print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1)), operator.concat([1], [2]), operator.getitem({"k": 1}, "k"))
l = [1, 2]
operator.setitem(l, 0, 9)
operator.iadd(l, [3])
print(l, operator.is_(None, None), operator.lt(1, 2), operator.eq("a", "a"))
