# A surrogate pair makes a str astral (PEP 393 UCS4) wherever it comes, after a larger BMP
# character too: len(), sys.getsizeof() and indexing count code points.
import sys
for s in ["\ue000\U0001f600", "ab" + "\uff01\U0010ffff"*3, "\u00e9\U0001f600", "\U0001f600\ue000", "x\ud800", "\ue000\ud800y"]:
    print(len(s), sys.getsizeof(s), [hex(ord(c)) for c in s][:4], s[1:2] == s[1])
