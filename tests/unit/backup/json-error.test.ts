import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../lib/backup/json-error';

describe('locateJsonError', () => {
  it('returns null for valid JSON of every kind', () => {
    for (const text of ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"x\\n\\u00e9"]}', '  "s"  ', '0']) {
      expect(locateJsonError(text), text).toBeNull();
    }
  });

  it('points at the offending character with 1-based line and column', () => {
    expect(locateJsonError('{\n  "a": 1,\n  "b": }')).toEqual({ line: 3, column: 8, truncated: false, found: "'}'" });
    expect(locateJsonError("{'a': 1}")).toMatchObject({ line: 1, column: 2, found: "'''" });
    expect(locateJsonError('[1, 2,]')).toMatchObject({ line: 1, column: 7 });
    expect(locateJsonError('{"a": 1} trailing')).toMatchObject({ line: 1, column: 10, found: "'t'" });
  });

  it('says when the text ends too early', () => {
    expect(locateJsonError('{"a": [1, 2')).toMatchObject({ truncated: true, found: 'the end of the file' });
    expect(locateJsonError('{"a": "unterminated')).toMatchObject({ truncated: true });
    expect(locateJsonError('')).toMatchObject({ truncated: true, line: 1, column: 1 });
  });

  it('rejects control characters and bad escapes inside strings', () => {
    expect(locateJsonError('["a\nb"]')).toMatchObject({ line: 1, column: 4, found: 'a line break' });
    expect(locateJsonError('["\\x41"]')).toMatchObject({ column: 4 });
    expect(locateJsonError('["\\u12G4"]')).toMatchObject({ truncated: false });
  });

  it('agrees with JSON.parse on what is valid', () => {
    const samples = ['{"a":01}', '[.5]', '[1.]', '[-]', 'tru', 'nul', '{"a" 1}', '[1 2]', '{"a":1,}'];
    for (const text of samples) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(locateJsonError(text) === null, text).toBe(valid);
    }
  });
});
