/**
 * CSV written straight into UTF-8 bytes, for outputs of many rows. Joining cells into row strings
 * and rows into one document string, then encoding it, builds every byte three times and keeps
 * tens of megabytes of strings alive at once (the GC's work grows with them); here each cell is
 * written once into a buffer of a fixed size, and full buffers are handed out as chunks.
 *
 * The bytes are exactly UTF-8 of the string formatters' cells: `text` writes
 * `csvTextCell(text)`, `number` writes `csvNumberCell(x)` (test/properties/csv-bytes.test.ts).
 * Integers (ranks, counts) are written digit by digit. Other numbers still go through `String`:
 * the shortest text that reads back as the same double is what the output promises, and V8's
 * own algorithm for it is faster than one written in JavaScript; its string lives only until its
 * characters are copied, which the young-generation GC reclaims almost for free.
 */

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/u;
/** Characters that need the cell quoted. */
const NEEDS_QUOTES = /[",\r\n]/u;

/**
 * A text cell as written to the file: prefixed with ' when a spreadsheet would read it as a
 * formula (OWASP "CSV Injection"), then quoted (with inner quotes doubled) when it holds a
 * comma, quote, CR or LF.
 */
export function csvTextCell(text: string): string {
  const defused = FORMULA_TRIGGER.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(defused) ? `"${defused.replace(/"/gu, '""')}"` : defused;
}

/** A number cell: the shortest text that reads back as the same double; empty for no value. Never defused: -1.5 stays -1.5. */
export function csvNumberCell(x: number | undefined): string {
  return x !== undefined && Number.isFinite(x) ? String(x) : '';
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** `FORMULA_TRIGGER` as character codes: = + - @ tab CR. */
function isFormulaTrigger(code: number): boolean {
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x09 || code === CR;
}

/** Bytes per chunk handed out: large enough that writing them costs few system calls. */
export const CSV_CHUNK_BYTES = 1 << 20;

/**
 * Cells in, UTF-8 chunks out. Cells of a row are written with `text`/`number`, separated by
 * `comma()`, ended by `endRow()`; `takeChunks()` hands out the chunks filled so far (and, with
 * `all`, the last partial one). A chunk handed out is never written again.
 */
export class CsvByteWriter {
  private buffer: Buffer;
  private at = 0;
  private full: Buffer[] = [];

  constructor(private readonly chunkBytes = CSV_CHUNK_BYTES) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Bytes written and not yet handed out. */
  get pendingBytes(): number {
    let bytes = this.at;
    for (const chunk of this.full) bytes += chunk.length;
    return bytes;
  }

  /** `csvTextCell(text)`, as UTF-8. */
  text(text: string): void {
    const n = text.length;
    // UTF-8 needs at most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units); a
    // quoted cell adds its quotes, a prefix and a second byte per inner quote, all within 3n + 3.
    this.reserve(3 * n + 3);
    if (n === 0) return;
    const buffer = this.buffer;
    const start = this.at;
    if (isFormulaTrigger(text.charCodeAt(0))) {
      this.at += buffer.write(csvTextCell(text), start, 'utf8');
      return;
    }
    // Plain ASCII, the usual case, is copied as it is scanned; anything else starts over.
    let at = start;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code === COMMA || code === QUOTE || code === CR || code === LF) {
        this.at = start + buffer.write(csvTextCell(text), start, 'utf8');
        return;
      }
      if (code >= 0x80) {
        this.at = start + buffer.write(hasQuoteTrigger(text, i) ? csvTextCell(text) : text, start, 'utf8');
        return;
      }
      buffer[at++] = code;
    }
    this.at = at;
  }

  /** `csvNumberCell(x)`, as ASCII. */
  number(x: number | undefined): void {
    if (x === undefined || !Number.isFinite(x)) return;
    if (Number.isSafeInteger(x)) {
      this.integer(x);
      return;
    }
    const text = String(x);
    const n = text.length;
    this.reserve(n);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < n; i++) buffer[at++] = text.charCodeAt(i);
    this.at = at;
  }

  comma(): void {
    this.reserve(1);
    this.buffer[this.at++] = COMMA;
  }

  /** CRLF, what Excel writes and expects. */
  endRow(): void {
    this.reserve(2);
    this.buffer[this.at++] = CR;
    this.buffer[this.at++] = LF;
  }

  /** Raw bytes (a BOM). */
  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** Whether a chunk is full and waiting to be taken. */
  get hasFullChunks(): boolean {
    return this.full.length > 0;
  }

  /** The chunks filled so far; with `all`, the partly filled one too (then the writer is spent). */
  takeChunks(all = false): Buffer[] {
    const chunks = this.full;
    this.full = [];
    if (all && this.at > 0) {
      chunks.push(this.buffer.subarray(0, this.at));
      this.buffer = Buffer.alloc(0);
      this.at = 0;
    }
    return chunks;
  }

  /** A safe integer as `String` writes it: digits from the last, a sign, no exponent (|x| < 2^53 < 1e21). −0 is "0". */
  private integer(x: number): void {
    this.reserve(17);
    const buffer = this.buffer;
    let magnitude = x < 0 ? -x : x;
    let digits = 1;
    for (let rest = magnitude; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    if (x < 0) buffer[this.at++] = 0x2d;
    let at = this.at + digits;
    this.at = at;
    do {
      const quotient = Math.floor(magnitude / 10);
      buffer[--at] = 0x30 + (magnitude - 10 * quotient);
      magnitude = quotient;
    } while (magnitude > 0);
  }

  /** Room for `bytes` more in the current buffer, moving on to a new one when it is full. */
  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    if (this.at > 0) this.full.push(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafe(Math.max(this.chunkBytes, bytes));
    this.at = 0;
  }
}

/** Whether `text` from `from` on holds a character that needs quoting (the characters before it were checked). */
function hasQuoteTrigger(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === COMMA || code === QUOTE || code === CR || code === LF) return true;
  }
  return false;
}
