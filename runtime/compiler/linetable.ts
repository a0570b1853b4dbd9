// co_linetable in 3.11's location-table format (Objects/locations.md): writing it from
// the instructions' positions, and reading it back as co_lines() and co_positions() do
// (Objects/codeobject.c). Also the varint format of co_exceptiontable
// (Objects/exception_handling_notes.txt) and its reader.

const NONE = 15;
const NO_COLUMNS = 13;
const LONG = 14;
const ONE_LINE0 = 10;

/** A growing byte buffer. */
export class ByteWriter {
  private buf = new Uint8Array(64);
  length = 0;

  byte(b: number): void {
    if (this.length === this.buf.length) {
      const n = new Uint8Array(this.buf.length * 2);
      n.set(this.buf);
      this.buf = n;
    }
    this.buf[this.length++] = b & 255;
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

function writeVarint(w: ByteWriter, valIn: number): void {
  let val = valIn >>> 0;
  while (val >= 64) {
    w.byte(64 | (val & 63));
    val >>>= 6;
  }
  w.byte(val);
}

function writeSignedVarint(w: ByteWriter, val: number): void {
  writeVarint(w, val < 0 ? ((-val) << 1) | 1 : val << 1);
}

function entryStart(w: ByteWriter, code: number, length: number): void {
  w.byte(128 | (code << 3) | (length - 1));
}

/** A source span of an instruction (lineno < 0: none). */
export interface Location {
  lineno: number;
  end_lineno: number;
  col_offset: number;
  end_col_offset: number;
}

/** The location-table writer of the assembler (assemble_emit_location). */
export class LineTableWriter {
  private readonly w = new ByteWriter();
  /** a_lineno: the line the next delta is from */
  lineno: number;

  constructor(firstlineno: number) {
    this.lineno = firstlineno;
  }

  /** Records the location of an instruction isize code units long. */
  emit(i: Location, isizeIn: number): void {
    let isize = isizeIn;
    while (isize > 8) {
      this.entry(i, 8);
      isize -= 8;
    }
    this.entry(i, isize);
  }

  private entry(i: Location, isize: number): void {
    const w = this.w;
    if (i.lineno < 0) {
      entryStart(w, NONE, isize);
      return;
    }
    const lineDelta = i.lineno - this.lineno;
    const column = i.col_offset;
    const endColumn = i.end_col_offset;
    if (column < 0 || endColumn < 0) {
      if (i.end_lineno === i.lineno || i.end_lineno === -1) {
        entryStart(w, NO_COLUMNS, isize);
        writeSignedVarint(w, lineDelta);
        this.lineno = i.lineno;
        return;
      }
    } else if (i.end_lineno === i.lineno) {
      if (lineDelta === 0 && column < 80 && endColumn - column < 16 && endColumn >= column) {
        entryStart(w, column >> 3, isize);
        w.byte(((column & 7) << 4) | (endColumn - column));
        return;
      }
      if (lineDelta >= 0 && lineDelta < 3 && column < 128 && endColumn < 128) {
        entryStart(w, ONE_LINE0 + lineDelta, isize);
        w.byte(column);
        w.byte(endColumn);
        this.lineno = i.lineno;
        return;
      }
    }
    entryStart(w, LONG, isize);
    writeSignedVarint(w, i.lineno - this.lineno);
    writeVarint(w, i.end_lineno - i.lineno);
    writeVarint(w, i.col_offset + 1);
    writeVarint(w, i.end_col_offset + 1);
    this.lineno = i.lineno;
  }

  bytes(): Uint8Array {
    return this.w.bytes();
  }
}

/** One entry of co_positions(): a code unit's span (null where there is none). */
export interface Position {
  lineno: number | null;
  end_lineno: number | null;
  col_offset: number | null;
  end_col_offset: number | null;
}

function readVarint(t: Uint8Array, pos: { i: number }): number {
  let read = t[pos.i++];
  let val = read & 63;
  let shift = 0;
  while (read & 64) {
    read = t[pos.i++];
    shift += 6;
    val |= (read & 63) << shift;
  }
  return val;
}

function readSignedVarint(t: Uint8Array, pos: { i: number }): number {
  const u = readVarint(t, pos);
  return u & 1 ? -(u >>> 1) : u >>> 1;
}

/** The table's entries: [start, end) in bytes of co_code, line (null for none), span. */
export function* locationEntries(
  table: Uint8Array,
  firstlineno: number,
): Generator<{ start: number; end: number; line: number | null; pos: Position }> {
  const p = { i: 0 };
  let line = firstlineno;
  let addr = 0;
  while (p.i < table.length) {
    const first = table[p.i++];
    const code = (first >> 3) & 15;
    const length = ((first & 7) + 1) * 2;
    const start = addr;
    addr += length;
    let pos: Position;
    let thisLine: number | null;
    switch (code) {
      case NONE:
        thisLine = null;
        pos = { lineno: null, end_lineno: null, col_offset: null, end_col_offset: null };
        break;
      case LONG: {
        line += readSignedVarint(table, p);
        const endLine = line + readVarint(table, p);
        const col = readVarint(table, p) - 1;
        const endCol = readVarint(table, p) - 1;
        thisLine = line;
        pos = {
          lineno: line,
          end_lineno: endLine,
          col_offset: col < 0 ? null : col,
          end_col_offset: endCol < 0 ? null : endCol,
        };
        break;
      }
      case NO_COLUMNS:
        line += readSignedVarint(table, p);
        thisLine = line;
        pos = { lineno: line, end_lineno: line, col_offset: null, end_col_offset: null };
        break;
      case 10:
      case 11:
      case 12: {
        line += code - 10;
        const col = table[p.i++];
        const endCol = table[p.i++];
        thisLine = line;
        pos = { lineno: line, end_lineno: line, col_offset: col, end_col_offset: endCol };
        break;
      }
      default: {
        const second = table[p.i++];
        const col = (code << 3) | (second >> 4);
        thisLine = line;
        pos = {
          lineno: line,
          end_lineno: line,
          col_offset: col,
          end_col_offset: col + (second & 15),
        };
      }
    }
    yield { start, end: addr, line: thisLine, pos };
  }
}

/** co_lines(): (start, end, line) for each entry of the table. */
export function coLines(
  table: Uint8Array,
  firstlineno: number,
): Array<[number, number, number | null]> {
  const out: Array<[number, number, number | null]> = [];
  for (const e of locationEntries(table, firstlineno)) out.push([e.start, e.end, e.line]);
  return out;
}

/** co_positions(): one span per code unit. */
export function coPositions(table: Uint8Array, firstlineno: number): Position[] {
  const out: Position[] = [];
  for (const e of locationEntries(table, firstlineno)) {
    for (let a = e.start; a < e.end; a += 2) out.push(e.pos);
  }
  return out;
}

/** dis.findlinestarts: (offset, line) where a new line begins. */
export function lineStarts(table: Uint8Array, firstlineno: number): Map<number, number> {
  const out = new Map<number, number>();
  let last: number | null = null;
  for (const e of locationEntries(table, firstlineno)) {
    if (e.line !== null && e.line !== last) {
      last = e.line;
      out.set(e.start, e.line);
    }
  }
  return out;
}

// ------------------------------------------------------------------ exception table

/** One entry of co_exceptiontable, offsets in bytes. */
export interface ExceptionTableEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

/** assemble_emit_exception_table_item */
export function writeExceptionItem(w: ByteWriter, value: number, msbIn: number): void {
  let msb = msbIn;
  const CONTINUATION = 64;
  if (value >= 1 << 24) {
    w.byte((value >> 24) | CONTINUATION | msb);
    msb = 0;
  }
  if (value >= 1 << 18) {
    w.byte(((value >> 18) & 0x3f) | CONTINUATION | msb);
    msb = 0;
  }
  if (value >= 1 << 12) {
    w.byte(((value >> 12) & 0x3f) | CONTINUATION | msb);
    msb = 0;
  }
  if (value >= 1 << 6) {
    w.byte(((value >> 6) & 0x3f) | CONTINUATION | msb);
    msb = 0;
  }
  w.byte((value & 0x3f) | msb);
}

/** dis._parse_exception_table */
export function parseExceptionTable(table: Uint8Array): ExceptionTableEntry[] {
  const out: ExceptionTableEntry[] = [];
  let i = 0;
  const varint = (): number => {
    let b = table[i++];
    let val = b & 63;
    while (b & 64) {
      val <<= 6;
      b = table[i++];
      val |= b & 63;
    }
    return val;
  };
  while (i < table.length) {
    const start = varint() * 2;
    const length = varint() * 2;
    const target = varint() * 2;
    const dl = varint();
    out.push({ start, end: start + length, target, depth: dl >> 1, lasti: (dl & 1) === 1 });
  }
  return out;
}
