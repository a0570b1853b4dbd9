# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper's options
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Python's textwrap module breaks "
        "well-known hyphenated-words, e-mail addresses and long URLs like "
        "https://example.com/a-very-long-path-name-that-goes-on. It also handles "
        "em--dashes -- and numbers 1-2-3 and x-ray. Done!  Really.\tTabs\there.")
for width in (10, 20, 33, 50, 79):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 40, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap(text, 12, break_long_words=False))
print(textwrap.wrap(text, 30, fix_sentence_endings=True))
print(textwrap.wrap(text, 30, drop_whitespace=False))
print(textwrap.wrap(text, 30, replace_whitespace=False, expand_tabs=False))
print(textwrap.wrap(text, 30, max_lines=3))
print(textwrap.wrap(text, 30, max_lines=2, placeholder=' ...'))
print(textwrap.wrap('supercalifragilisticexpialidocious-and-more words', 10))
print(textwrap.wrap('a-b-c ab-cd abc-def-ghi --x y-- z', 4))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10), textwrap.wrap('word', 1))
print(textwrap.shorten("Hello  world!   How are you today?", width=20))
print(textwrap.shorten("Hello world", width=11), textwrap.shorten("Hello world", width=10))
for bad in (lambda: textwrap.wrap('x', 0), lambda: textwrap.wrap('x y', 3, max_lines=1)):
    try:
        print(bad())
    except ValueError as e:
        print(e)
block = '''
    def f():
        return 1

\t
      # comment
    x = 2
'''
print(repr(textwrap.dedent(block)))
print(repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent('   x\n  y\n    z')))
print(repr(textwrap.dedent('  \t a\n  \t b\n  \t\tc')), repr(textwrap.dedent('no indent\n  x')))
print(repr(textwrap.indent('one\n\ntwo\n  three\n', '> ')))
print(repr(textwrap.indent('one\n\ntwo\n', '+', lambda line: True)))
w = textwrap.TextWrapper(width=15, initial_indent='-> ')
print(w.wrap('Many words to wrap into short lines here'), w.fill('short'))
