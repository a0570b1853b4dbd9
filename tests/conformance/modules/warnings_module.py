# warnings: warn and its filters, registries, catch_warnings, formatting
import warnings
warnings.warn("plain user warning")
def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
old()
for i in range(3):
    warnings.warn("in a loop")
warnings.warn(RuntimeWarning("instance"))
print(warnings.filters[:2])
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    warnings.warn("again", FutureWarning)
print([(str(w.message), w.category.__name__, w.lineno) for w in log], len(warnings.filters))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("raised", repr(e))
warnings.filterwarnings("ignore", message="skip")
warnings.warn("skip this one")
warnings.warn("Skip this too")
warnings.warn("shown")
warnings.simplefilter("once")
warnings.warn("once only")
warnings.warn("once only")
print(warnings.formatwarning("m", UserWarning, "f.py", 3, "  code line  "))
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
warnings.resetwarnings()
print(warnings.filters)
warnings.warn("deep", stacklevel=5)
