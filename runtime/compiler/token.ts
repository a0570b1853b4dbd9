// Token kinds of Python 3.11's tokenizer (Grammar/Tokens), with the keywords the parser
// recognizes (Grammar/python.gram's 'quoted' names) as kinds of their own, as the
// generated parser does. Soft keywords (match, case, _) stay NAME tokens.

export const ENDMARKER = 0;
export const NAME = 1;
export const NUMBER = 2;
export const STRING = 3;
export const NEWLINE = 4;
export const INDENT = 5;
export const DEDENT = 6;
export const LPAR = 7;
export const RPAR = 8;
export const LSQB = 9;
export const RSQB = 10;
export const COLON = 11;
export const COMMA = 12;
export const SEMI = 13;
export const PLUS = 14;
export const MINUS = 15;
export const STAR = 16;
export const SLASH = 17;
export const VBAR = 18;
export const AMPER = 19;
export const LESS = 20;
export const GREATER = 21;
export const EQUAL = 22;
export const DOT = 23;
export const PERCENT = 24;
export const LBRACE = 25;
export const RBRACE = 26;
export const EQEQUAL = 27;
export const NOTEQUAL = 28;
export const LESSEQUAL = 29;
export const GREATEREQUAL = 30;
export const TILDE = 31;
export const CIRCUMFLEX = 32;
export const LEFTSHIFT = 33;
export const RIGHTSHIFT = 34;
export const DOUBLESTAR = 35;
export const PLUSEQUAL = 36;
export const MINEQUAL = 37;
export const STAREQUAL = 38;
export const SLASHEQUAL = 39;
export const PERCENTEQUAL = 40;
export const AMPEREQUAL = 41;
export const VBAREQUAL = 42;
export const CIRCUMFLEXEQUAL = 43;
export const LEFTSHIFTEQUAL = 44;
export const RIGHTSHIFTEQUAL = 45;
export const DOUBLESTAREQUAL = 46;
export const DOUBLESLASH = 47;
export const DOUBLESLASHEQUAL = 48;
export const AT = 49;
export const ATEQUAL = 50;
export const RARROW = 51;
export const ELLIPSIS = 52;
export const COLONEQUAL = 53;
/** A character that is no token of its own ('!', '$', '?', '`'): no rule accepts it. */
export const OP = 54;
export const AWAIT = 55;
export const ASYNC = 56;
export const ERRORTOKEN = 60;

/** Keyword token kinds (the numbers are ours; only their distinctness matters). */
export const KW = {
  False: 100,
  None: 101,
  True: 102,
  and: 103,
  as: 104,
  assert: 105,
  break: 106,
  class: 107,
  continue: 108,
  def: 109,
  del: 110,
  elif: 111,
  else: 112,
  except: 113,
  finally: 114,
  for: 115,
  from: 116,
  global: 117,
  if: 118,
  import: 119,
  in: 120,
  is: 121,
  lambda: 122,
  nonlocal: 123,
  not: 124,
  or: 125,
  pass: 126,
  raise: 127,
  return: 128,
  try: 129,
  while: 130,
  with: 131,
  yield: 132,
} as const;

/** Keyword text to token kind. */
export const keywordKinds: ReadonlyMap<string, number> = new Map(Object.entries(KW));

/** Operator text to token kind (PyToken_OneChar, PyToken_TwoChars, PyToken_ThreeChars). */
export const operatorKinds: ReadonlyMap<string, number> = new Map([
  ["(", LPAR],
  [")", RPAR],
  ["[", LSQB],
  ["]", RSQB],
  [":", COLON],
  [",", COMMA],
  [";", SEMI],
  ["+", PLUS],
  ["-", MINUS],
  ["*", STAR],
  ["/", SLASH],
  ["|", VBAR],
  ["&", AMPER],
  ["<", LESS],
  [">", GREATER],
  ["=", EQUAL],
  [".", DOT],
  ["%", PERCENT],
  ["{", LBRACE],
  ["}", RBRACE],
  ["==", EQEQUAL],
  ["!=", NOTEQUAL],
  ["<>", NOTEQUAL],
  ["<=", LESSEQUAL],
  [">=", GREATEREQUAL],
  ["~", TILDE],
  ["^", CIRCUMFLEX],
  ["<<", LEFTSHIFT],
  [">>", RIGHTSHIFT],
  ["**", DOUBLESTAR],
  ["+=", PLUSEQUAL],
  ["-=", MINEQUAL],
  ["*=", STAREQUAL],
  ["/=", SLASHEQUAL],
  ["%=", PERCENTEQUAL],
  ["&=", AMPEREQUAL],
  ["|=", VBAREQUAL],
  ["^=", CIRCUMFLEXEQUAL],
  ["<<=", LEFTSHIFTEQUAL],
  [">>=", RIGHTSHIFTEQUAL],
  ["**=", DOUBLESTAREQUAL],
  ["//", DOUBLESLASH],
  ["//=", DOUBLESLASHEQUAL],
  ["@", AT],
  ["@=", ATEQUAL],
  ["->", RARROW],
  ["...", ELLIPSIS],
  [":=", COLONEQUAL],
]);

/** A token as the parser sees it (Parser/pegen.h's Token). Columns are UTF-8 byte offsets. */
export interface Token {
  kind: number;
  /** The token's source text. */
  text: string;
  lineno: number;
  /** -1 when the token has no start in the source (INDENT, DEDENT, ENDMARKER) */
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
  /** Bracket nesting depth after the token (tok->level). */
  level: number;
  /** Index of the token's first character in the (newline-normalized) source. */
  start: number;
  end: number;
}
