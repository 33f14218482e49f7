import { describe, expect, it } from 'vitest';
import { parseJsonc } from '../../eslint-plugin/src/project/jsonc';

describe('parseJsonc', () => {
  it('drops comments and trailing commas but keeps strings that look like comments', () => {
    const text = `{
  // aliases
  "compilerOptions": {
    /* block */ "paths": { "@/*": ["./src/*"], "~//x": ["./x/*"], },
    "note": "a \\"quoted\\" /* not a comment */ value, ]",
  },
}`;
    expect(parseJsonc(text)).toEqual({
      compilerOptions: {
        paths: { '@/*': ['./src/*'], '~//x': ['./x/*'] },
        note: 'a "quoted" /* not a comment */ value, ]',
      },
    });
  });

  it('reads what TypeScript reads: a trailing comma before a comment, a BOM', () => {
    expect(parseJsonc('{"a":1, /* c */ }')).toEqual({ a: 1 });
    expect(parseJsonc('\uFEFF{"compilerOptions":{"baseUrl":"."}}')).toEqual({ compilerOptions: { baseUrl: '.' } });
  });

  it('reads plain JSON (a package.json) as JSON.parse does, with `__proto__` an ordinary key', () => {
    const text = '{"name":"web","dependencies":{"next":"16.0.1","pg":"^8"},"__proto__":{"polluted":true},"list":[1,{"a":null}]}';
    const parsed = parseJsonc(text);
    expect(parsed).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps what it could read of a broken file, and gives undefined for no object', () => {
    expect(parseJsonc('{"a": 1, "b": }')).toEqual({ a: 1 });
    expect(parseJsonc('[1, 2]')).toBeUndefined();
    expect(parseJsonc('')).toBeUndefined();
  });
});
