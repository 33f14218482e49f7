import { describe, expect, it } from 'vitest';
import { parseJsonWithComments } from '../../eslint-plugin/src/utils/workspace-files';

describe('parseJsonWithComments', () => {
  it('drops comments and trailing commas but keeps strings that look like comments', () => {
    const text = `{
  // aliases
  "compilerOptions": {
    /* block */ "paths": { "@/*": ["./src/*"], "~//x": ["./x/*"], },
    "note": "a \\"quoted\\" /* not a comment */ value, ]",
  },
}`;
    expect(parseJsonWithComments(text)).toEqual({
      compilerOptions: {
        paths: { '@/*': ['./src/*'], '~//x': ['./x/*'] },
        note: 'a "quoted" /* not a comment */ value, ]',
      },
    });
  });
});
