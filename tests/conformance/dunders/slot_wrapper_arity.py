# Calling a slot wrapper (int.__pow__, list.__imul__, dict.__setitem__, ...) with the wrong
# number of arguments: some check with check_num_args ("expected 1 argument, got 0"), others
# with PyArg_UnpackTuple and an empty name, which leaves a leading space in the message.
calls = [
    lambda: [].__imul__(), lambda: [].__imul__(1, 2), lambda: (2).__pow__(),
    lambda: (2).__pow__(1, 2, 3), lambda: (2.5).__rpow__(), lambda: {}.__setitem__(1),
    lambda: [1].__setitem__(), lambda: object().__setattr__("a"), lambda: property().__set__(1),
    lambda: property().__get__(), lambda: property().__get__(1, 2, 3), lambda: (1).__add__(),
    lambda: (1).__neg__(1), lambda: "ab".__mul__(), lambda: "ab".__getitem__(),
    lambda: [1].__delitem__(), lambda: (1).__lt__(), lambda: iter([]).__next__(1),
    lambda: len.__call__.__call__(), lambda: [].__len__(1), lambda: (1).__hash__(2),
]
for f in calls:
    try:
        f()
    except TypeError as e:
        print(repr(str(e)))
