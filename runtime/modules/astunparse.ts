// ast.unparse, written for glasspy: source text from a tree, as CPython 3.11's ast.unparse
// writes it — the same parentheses (each expression knows the binding strength its place
// demands, and brackets itself when its own is weaker), the same quotes for strings and
// f-strings (the first quote kind that needs no escape), blank lines before definitions,
// `elif` for an `if` alone in an `else`. The source is appended to the ast module's.

export const UNPARSE_SOURCE = String.raw`
# ---- unparse ----------------------------------------------------------------------------

# binding strengths, weakest first (3.11's grammar); "|" binds as any bitwise expression
(_WALRUS, _TUPLE, _YIELD, _TEST, _OR, _AND, _NOT, _CMP, _BITOR, _BITXOR, _BITAND, _SHIFT,
 _ARITH, _TERM, _FACTOR, _POWER, _AWAIT, _ATOM) = range(1, 19)


def _tighter(strength):
    return min(strength + 1, _ATOM)


_BINARY = {'Add': ('+', _ARITH), 'Sub': ('-', _ARITH), 'Mult': ('*', _TERM),
           'MatMult': ('@', _TERM), 'Div': ('/', _TERM), 'Mod': ('%', _TERM),
           'FloorDiv': ('//', _TERM), 'LShift': ('<<', _SHIFT), 'RShift': ('>>', _SHIFT),
           'BitOr': ('|', _BITOR), 'BitXor': ('^', _BITXOR), 'BitAnd': ('&', _BITAND),
           'Pow': ('**', _POWER)}
_UNARY = {'Invert': ('~', _FACTOR), 'UAdd': ('+', _FACTOR), 'USub': ('-', _FACTOR),
          'Not': ('not ', _NOT)}
_COMPARISON = {'Eq': '==', 'NotEq': '!=', 'Lt': '<', 'LtE': '<=', 'Gt': '>', 'GtE': '>=',
               'Is': 'is', 'IsNot': 'is not', 'In': 'in', 'NotIn': 'not in'}
_BOOLEAN = {'And': ('and', _AND), 'Or': ('or', _OR)}

_QUOTES_1 = ("'", '"')
_QUOTES_3 = ('"""', "'''")
_ANY_QUOTE = _QUOTES_1 + _QUOTES_3
# what stands for an infinite float: a literal too big for a double
_HUGE = '1e' + str(sys.float_info.max_10_exp + 1)


def _bracket(text, needed, left='(', right=')'):
    return left + text + right if needed else text


def _quoted(text, quotes, escape_layout):
    """(body, quotes that can enclose it): text with backslashes and unprintables escaped
    (newlines and tabs too when escape_layout), for the first quote kinds it lacks."""
    pieces = []
    for ch in text:
        if ch in '\n\t' and not escape_layout:
            pieces.append(ch)
        elif ch == '\\' or not ch.isprintable():
            pieces.append(ch.encode('unicode_escape').decode('ascii'))
        else:
            pieces.append(ch)
    body = ''.join(pieces)
    usable = [q for q in quotes if (len(q) == 3 or '\n' not in body) and q not in body]
    if not usable:
        # nothing fits: repr's own quoting, in one of the wanted kinds when it can be
        shown = repr(text)
        kind = next((q for q in quotes if shown[0] in q), shown[0])
        return shown[1:-1], [kind]
    if body:
        # a quote kind that would run into the last character goes last
        usable.sort(key=lambda q: q[0] == body[-1])
        if usable[0][0] == body[-1]:
            body = body[:-1] + '\\' + body[-1]
    return body, usable


class _Unparse:
    def __init__(self, plain_strings=False):
        # inside an f-string's braces no backslash may appear: strings pick quotes instead
        self.plain_strings = plain_strings
        self.parts = []
        self.depth = 0
        self.star_handlers = False
        self.ignores = {}

    def type_comment(self, node):
        comment = self.ignores.get(node.lineno) or node.type_comment
        return '' if comment is None else ' # type: ' + comment

    # -- output of statements --

    def line(self, text=''):
        if self.parts:
            self.parts.append('\n')
        self.parts.append('    ' * self.depth + text)

    def gap(self):
        if self.parts:
            self.parts.append('\n')

    def suite(self, body, comment=''):
        self.parts.append(':' + comment)
        self.depth += 1
        self.run(body)
        self.depth -= 1

    def run(self, nodes):
        for node in nodes:
            self.node(node)

    def node(self, node):
        if isinstance(node, list):
            return self.run(node)
        kind = type(node).__name__
        statement = getattr(self, 's_' + kind, None)
        if statement is not None:
            return statement(node)
        if hasattr(self, 'e_' + kind) or isinstance(node, (expr, pattern)):
            return self.parts.append(self.expr(node, _TEST))
        # no writer of its own: each child in turn, the last one's text is what is left
        for child in iter_child_nodes(node):
            self.parts = []
            self.node(child)

    # -- expressions: each gives its text for a place that needs strength 'need' --

    def expr(self, node, need=_TEST):
        writer = getattr(self, 'e_' + type(node).__name__, None)
        if writer is None:
            saved, self.parts = self.parts, []
            self.node(node)
            text, self.parts = ''.join(self.parts), saved
            return text
        return writer(node, need)

    def exprs(self, nodes, need=_TEST):
        return ', '.join(self.expr(n, need) for n in nodes)

    def sequence(self, nodes):
        if len(nodes) == 1:
            return self.expr(nodes[0]) + ','
        return self.exprs(nodes)

    def e_Name(self, node, need):
        return node.id

    def e_Constant(self, node, need):
        value = node.value
        if isinstance(value, tuple):
            return '(' + self.constant_items(value) + ')'
        if value is ...:
            return '...'
        return ('u' if node.kind == 'u' else '') + self.constant(value)

    def constant_items(self, values):
        if len(values) == 1:
            return self.constant(values[0]) + ','
        return ', '.join(self.constant(v) for v in values)

    def constant(self, value):
        if isinstance(value, (float, complex)):
            return repr(value).replace('inf', _HUGE).replace('nan', f'({_HUGE}-{_HUGE})')
        if self.plain_strings and isinstance(value, str):
            body, quotes = _quoted(value, _ANY_QUOTE, False)
            return quotes[0] + body + quotes[0]
        return repr(value)

    def e_Tuple(self, node, need):
        return _bracket(self.sequence(node.elts), not node.elts or need > _TUPLE)

    def e_List(self, node, need):
        return '[' + self.exprs(node.elts) + ']'

    def e_Set(self, node, need):
        # {} is a dict, and the name set may be rebound
        return '{' + self.exprs(node.elts) + '}' if node.elts else '{*()}'

    def e_Dict(self, node, need):
        items = []
        for key, value in zip(node.keys, node.values):
            if key is None:
                items.append('**' + self.expr(value, _BITOR))
            else:
                items.append(self.expr(key) + ': ' + self.expr(value))
        return '{' + ', '.join(items) + '}'

    def generators(self, node):
        return ''.join(self.expr(g) for g in node.generators)

    def e_ListComp(self, node, need):
        return '[' + self.expr(node.elt) + self.generators(node) + ']'

    def e_SetComp(self, node, need):
        return '{' + self.expr(node.elt) + self.generators(node) + '}'

    def e_GeneratorExp(self, node, need):
        return '(' + self.expr(node.elt) + self.generators(node) + ')'

    def e_DictComp(self, node, need):
        return ('{' + self.expr(node.key) + ': ' + self.expr(node.value) +
                self.generators(node) + '}')

    def e_comprehension(self, node, need):
        text = (' async for ' if node.is_async else ' for ') + self.expr(node.target, _TUPLE)
        text += ' in ' + self.expr(node.iter, _OR)
        for condition in node.ifs:
            text += ' if ' + self.expr(condition, _OR)
        return text

    def e_NamedExpr(self, node, need):
        text = self.expr(node.target, _ATOM) + ' := ' + self.expr(node.value, _ATOM)
        return _bracket(text, need > _WALRUS)

    def e_IfExp(self, node, need):
        text = (self.expr(node.body, _OR) + ' if ' + self.expr(node.test, _OR) + ' else ' +
                self.expr(node.orelse, _TEST))
        return _bracket(text, need > _TEST)

    def e_Lambda(self, node, need):
        params = self.expr(node.args)
        text = 'lambda' + (' ' + params if params else '') + ': ' + self.expr(node.body, _TEST)
        return _bracket(text, need > _TEST)

    def e_BoolOp(self, node, need):
        word, strength = _BOOLEAN[type(node.op).__name__]
        # each operand after the first must bind one step tighter than the one before
        texts = []
        level = strength
        for value in node.values:
            level = _tighter(level)
            texts.append(self.expr(value, level))
        return _bracket(f' {word} '.join(texts), need > strength)

    def e_UnaryOp(self, node, need):
        sign, strength = _UNARY[type(node.op).__name__]
        return _bracket(sign + self.expr(node.operand, strength), need > strength)

    def e_BinOp(self, node, need):
        sign, strength = _BINARY[type(node.op).__name__]
        # ** groups to the right, the others to the left
        left, right = ((_tighter(strength), strength) if sign == '**'
                       else (strength, _tighter(strength)))
        text = f'{self.expr(node.left, left)} {sign} {self.expr(node.right, right)}'
        return _bracket(text, need > strength)

    def e_Compare(self, node, need):
        text = self.expr(node.left, _BITOR)
        for op, operand in zip(node.ops, node.comparators):
            text += f' {_COMPARISON[type(op).__name__]} {self.expr(operand, _BITOR)}'
        return _bracket(text, need > _CMP)

    def e_Await(self, node, need):
        text = 'await' + (' ' + self.expr(node.value, _ATOM) if node.value else '')
        return _bracket(text, need > _AWAIT)

    def e_Yield(self, node, need):
        text = 'yield' + (' ' + self.expr(node.value, _ATOM) if node.value else '')
        return _bracket(text, need > _YIELD)

    def e_YieldFrom(self, node, need):
        if not node.value:
            raise ValueError("Node can't be used without a value attribute.")
        return _bracket('yield from ' + self.expr(node.value, _ATOM), need > _YIELD)

    def e_Attribute(self, node, need):
        owner = self.expr(node.value, _ATOM)
        # 1.real would read as a float: 1 .real
        if isinstance(node.value, Constant) and isinstance(node.value.value, int):
            owner += ' '
        return owner + '.' + node.attr

    def e_Call(self, node, need):
        arguments = [self.expr(a) for a in node.args] + [self.expr(k) for k in node.keywords]
        return self.expr(node.func, _ATOM) + '(' + ', '.join(arguments) + ')'

    def e_keyword(self, node, need):
        return ('**' if node.arg is None else node.arg + '=') + self.expr(node.value)

    def e_Subscript(self, node, need):
        index = node.slice
        if isinstance(index, Tuple) and index.elts:
            inside = self.sequence(index.elts)
        else:
            inside = self.expr(index)
        return self.expr(node.value, _ATOM) + '[' + inside + ']'

    def e_Slice(self, node, need):
        text = (self.expr(node.lower) if node.lower else '') + ':'
        text += self.expr(node.upper) if node.upper else ''
        if node.step:
            text += ':' + self.expr(node.step)
        return text

    def e_Starred(self, node, need):
        return '*' + self.expr(node.value, _BITOR)

    def e_JoinedStr(self, node, need):
        if self.plain_strings:
            body, quotes = _quoted(self.fstring_body(node), _ANY_QUOTE, False)
            return 'f' + quotes[0] + body + quotes[0]
        # literal parts may use escapes (\n); the parts in braces may not
        quotes = list(_ANY_QUOTE)
        bodies = []
        for value in node.values:
            body, quotes = _quoted(self.fstring_body(value), quotes, isinstance(value, Constant))
            bodies.append(body)
        return 'f' + quotes[0] + ''.join(bodies) + quotes[0]

    def fstring_body(self, node):
        if isinstance(node, JoinedStr):
            return ''.join(self.fstring_body(v) for v in node.values)
        if isinstance(node, Constant) and isinstance(node.value, str):
            return node.value.replace('{', '{{').replace('}', '}}')
        if isinstance(node, FormattedValue):
            return self.e_FormattedValue(node, _TEST)
        raise ValueError(f'Unexpected node inside JoinedStr, {node!r}')

    def e_FormattedValue(self, node, need):
        inner = _Unparse(plain_strings=True).expr(node.value, _OR)
        if '\\' in inner:
            raise ValueError('Unable to avoid backslash in f-string expression part')
        text = '{' + (' ' if inner.startswith('{') else '') + inner
        if node.conversion != -1:
            text += '!' + chr(node.conversion)
        if node.format_spec:
            text += ':' + self.fstring_body(node.format_spec)
        return text + '}'

    def e_arg(self, node, need):
        return node.arg + (': ' + self.expr(node.annotation) if node.annotation else '')

    def e_arguments(self, node, need):
        params = []
        positional = node.posonlyargs + node.args
        first_default = len(positional) - len(node.defaults)
        for index, param in enumerate(positional):
            text = self.expr(param)
            if index >= first_default:
                text += '=' + self.expr(node.defaults[index - first_default])
            params.append(text)
            if index + 1 == len(node.posonlyargs):
                params.append('/')
        if node.vararg:
            params.append('*' + self.expr(node.vararg))
        elif node.kwonlyargs:
            params.append('*')
        for param, default in zip(node.kwonlyargs, node.kw_defaults):
            params.append(self.expr(param) + ('=' + self.expr(default) if default else ''))
        if node.kwarg:
            params.append('**' + self.expr(node.kwarg))
        return ', '.join(params)

    def e_withitem(self, node, need):
        text = self.expr(node.context_expr)
        if node.optional_vars:
            text += ' as ' + self.expr(node.optional_vars)
        return text

    def e_alias(self, node, need):
        return node.name + (' as ' + node.asname if node.asname else '')

    # -- patterns --

    def e_MatchValue(self, node, need):
        return self.expr(node.value)

    def e_MatchSingleton(self, node, need):
        return self.constant(node.value)

    def e_MatchSequence(self, node, need):
        return '[' + self.exprs(node.patterns) + ']'

    def e_MatchStar(self, node, need):
        return '*' + (node.name if node.name is not None else '_')

    def e_MatchMapping(self, node, need):
        items = [self.expr(k) + ': ' + self.expr(p)
                 for k, p in zip(node.keys, node.patterns, strict=True)]
        if node.rest is not None:
            items.append('**' + node.rest)
        return '{' + ', '.join(items) + '}'

    def e_MatchClass(self, node, need):
        items = [self.expr(p) for p in node.patterns]
        items += [name + '=' + self.expr(p)
                  for name, p in zip(node.kwd_attrs, node.kwd_patterns, strict=True)]
        return self.expr(node.cls, _ATOM) + '(' + ', '.join(items) + ')'

    def e_MatchAs(self, node, need):
        if node.name is None:
            return '_'
        if node.pattern is None:
            return node.name
        return _bracket(self.expr(node.pattern, _BITOR) + ' as ' + node.name, need > _TEST)

    def e_MatchOr(self, node, need):
        text = ' | '.join(self.expr(p, _BITXOR) for p in node.patterns)
        return _bracket(text, need > _BITOR)

    # -- statements --

    def docstring_first(self, node):
        body = node.body
        head = body[0] if body else None
        if (isinstance(head, Expr) and isinstance(head.value, Constant)
                and isinstance(head.value.value, str)):
            text, quotes = _quoted(head.value.value, _QUOTES_3, False)
            self.line(('u' if head.value.kind == 'u' else '') + quotes[0] + text + quotes[0])
            body = body[1:]
        self.run(body)

    def s_Module(self, node):
        self.ignores = {i.lineno: 'ignore' + i.tag for i in node.type_ignores}
        self.docstring_first(node)
        self.ignores = {}

    def s_FunctionType(self, node):
        self.parts.append('(' + self.exprs(node.argtypes) + ') -> ' + self.expr(node.returns))

    def s_Expr(self, node):
        self.line(self.expr(node.value, _YIELD))

    def s_Assign(self, node):
        targets = ''.join(self.expr(t, _TUPLE) + ' = ' for t in node.targets)
        self.line(targets + self.expr(node.value) + self.type_comment(node))

    def s_AugAssign(self, node):
        sign = _BINARY[type(node.op).__name__][0]
        self.line(f'{self.expr(node.target)} {sign}= {self.expr(node.value)}')

    def s_AnnAssign(self, node):
        target = self.expr(node.target)
        if not node.simple and isinstance(node.target, Name):
            target = '(' + target + ')'
        text = target + ': ' + self.expr(node.annotation)
        if node.value:
            text += ' = ' + self.expr(node.value)
        self.line(text)

    def s_Return(self, node):
        self.line('return' + (' ' + self.expr(node.value) if node.value else ''))

    def s_Pass(self, node):
        self.line('pass')

    def s_Break(self, node):
        self.line('break')

    def s_Continue(self, node):
        self.line('continue')

    def s_Delete(self, node):
        self.line('del ' + self.exprs(node.targets))

    def s_Assert(self, node):
        self.line('assert ' + self.expr(node.test) +
                  (', ' + self.expr(node.msg) if node.msg else ''))

    def s_Global(self, node):
        self.line('global ' + ', '.join(node.names))

    def s_Nonlocal(self, node):
        self.line('nonlocal ' + ', '.join(node.names))

    def s_Import(self, node):
        self.line('import ' + self.exprs(node.names))

    def s_ImportFrom(self, node):
        self.line('from ' + '.' * (node.level or 0) + (node.module or '') + ' import ' +
                  self.exprs(node.names))

    def s_Raise(self, node):
        if not node.exc:
            if node.cause:
                raise ValueError("Node can't use cause without an exception.")
            return self.line('raise')
        text = 'raise ' + self.expr(node.exc)
        if node.cause:
            text += ' from ' + self.expr(node.cause)
        self.line(text)

    def clause(self, head, body, comment=''):
        self.line(head)
        self.suite(body, comment)

    def s_If(self, node):
        self.clause('if ' + self.expr(node.test), node.body)
        rest = node.orelse
        # an if alone in an else is an elif
        while len(rest) == 1 and isinstance(rest[0], If):
            self.clause('elif ' + self.expr(rest[0].test), rest[0].body)
            rest = rest[0].orelse
        if rest:
            self.clause('else', rest)

    def s_While(self, node):
        self.clause('while ' + self.expr(node.test), node.body)
        if node.orelse:
            self.clause('else', node.orelse)

    def loop(self, node, keyword):
        self.clause(f'{keyword} {self.expr(node.target, _TUPLE)} in {self.expr(node.iter)}',
                    node.body, self.type_comment(node))
        if node.orelse:
            self.clause('else', node.orelse)

    def s_For(self, node):
        self.loop(node, 'for')

    def s_AsyncFor(self, node):
        self.loop(node, 'async for')

    def s_With(self, node):
        self.clause('with ' + self.exprs(node.items), node.body, self.type_comment(node))

    def s_AsyncWith(self, node):
        self.clause('async with ' + self.exprs(node.items), node.body, self.type_comment(node))

    def tried(self, node, star):
        outer, self.star_handlers = self.star_handlers, star
        try:
            self.clause('try', node.body)
            self.run(node.handlers)
            if node.orelse:
                self.clause('else', node.orelse)
            if node.finalbody:
                self.clause('finally', node.finalbody)
        finally:
            self.star_handlers = outer

    def s_Try(self, node):
        self.tried(node, False)

    def s_TryStar(self, node):
        self.tried(node, True)

    def s_ExceptHandler(self, node):
        head = 'except*' if self.star_handlers else 'except'
        if node.type:
            head += ' ' + self.expr(node.type)
        if node.name:
            head += ' as ' + node.name
        self.clause(head, node.body)

    def decorated(self, node, head):
        self.gap()
        for decorator in node.decorator_list:
            self.line('@' + self.expr(decorator))
        self.line(head)

    def s_ClassDef(self, node):
        bases = [self.expr(b) for b in node.bases] + [self.expr(k) for k in node.keywords]
        self.decorated(node, 'class ' + node.name + ('(' + ', '.join(bases) + ')' if bases else ''))
        self.parts.append(':')
        self.depth += 1
        self.docstring_first(node)
        self.depth -= 1

    def function(self, node, keyword):
        head = f'{keyword} {node.name}({self.expr(node.args)})'
        if node.returns:
            head += ' -> ' + self.expr(node.returns)
        self.decorated(node, head)
        self.parts.append(':' + self.type_comment(node))
        self.depth += 1
        self.docstring_first(node)
        self.depth -= 1

    def s_FunctionDef(self, node):
        self.function(node, 'def')

    def s_AsyncFunctionDef(self, node):
        self.function(node, 'async def')

    def s_Match(self, node):
        self.line('match ' + self.expr(node.subject))
        self.parts.append(':')
        self.depth += 1
        self.run(node.cases)
        self.depth -= 1

    def s_match_case(self, node):
        head = 'case ' + self.expr(node.pattern)
        if node.guard:
            head += ' if ' + self.expr(node.guard)
        self.clause(head, node.body)


def unparse(ast_obj):
    """Source text for a tree (formatting and comments are not kept): parsing it gives
    an equal tree."""
    writer = _Unparse()
    writer.node(ast_obj)
    return ''.join(writer.parts)
`;
