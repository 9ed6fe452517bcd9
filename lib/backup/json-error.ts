/**
 * Where a JSON text stops being valid, in words a person can act on. Browsers word JSON.parse
 * errors differently (and Chromium sometimes gives no position), so we find the spot ourselves.
 * Runs only after JSON.parse has failed.
 */

export interface JsonErrorLocation {
  line: number;
  column: number;
  /** True when the text ends before the JSON value is complete (a cut-off download). */
  truncated: boolean;
  /** What was found there, e.g. "'}'" or "the end of the file". */
  found: string;
}

class Stop extends Error {
  constructor(readonly offset: number) {
    super('stop');
  }
}

/** Returns null when the text is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw new Stop(i);
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch < ' ') fail();
      if (ch === '\\') {
        i++;
        const esc = text[i];
        if (esc === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail();
            }
          }
          i += 5;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i++;
        else fail();
      } else i++;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '' || match[0] === '-') fail();
    i += match![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    fail();
  };

  let offset: number;
  try {
    value();
    ws();
    if (i === text.length) return null;
    offset = i;
  } catch (err) {
    if (!(err instanceof Stop)) {
      // Nesting deeper than the stack: no valid backup looks like that.
      return { line: 1, column: 1, truncated: false, found: 'nesting too deep to read' };
    }
    offset = err.offset;
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const truncated = offset >= text.length;
  const ch = text[offset];
  const found = truncated ? 'the end of the file' : ch === '\n' || ch === '\r' ? 'a line break' : `'${ch}'`;
  return { line, column, truncated, found };
}
