import { describe, expect, it } from 'vitest';
import { createRule } from '../../eslint-plugin/src/create-rule';

type Options = [{ poolSize?: number; names?: string[] }];

/** A rule that hands back the options `create` was given. */
function createProbe() {
  const seen: Array<Readonly<Options>> = [];
  const rule = createRule<Options, 'x'>({
    name: 'probe',
    meta: { type: 'problem', docs: { description: 'probe' }, schema: [{ type: 'object' }], messages: { x: 'x' } },
    defaultOptions: [{ poolSize: 5, names: [] }],
    editor: {},
    create(_context: unknown, options: Readonly<Options>) {
      seen.push(options);
      return {};
    },
  } as never);
  const run = (options: unknown[]) => {
    rule.create({ sourceCode: { ast: { tokens: [] }, text: '' }, options } as never);
    return seen.at(-1)!;
  };
  return run;
}

describe('createRule options', () => {
  it('gives a rule configured without options its defaults, the same frozen value each time', () => {
    const run = createProbe();
    const first = run([]);
    expect(first).toEqual([{ poolSize: 5, names: [] }]);
    expect(run([])).toBe(first);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(Object.isFrozen(first[0].names)).toBe(true);
  });

  it('merges given options over the defaults, once per distinct value, without leaking into the defaults', () => {
    const run = createProbe();
    const given = run([{ poolSize: 3 }]);
    expect(given).toEqual([{ poolSize: 3, names: [] }]);
    expect(run([{ poolSize: 3 }])).toBe(given);
    expect(run([{ names: ['db'] }])).toEqual([{ poolSize: 5, names: ['db'] }]);
    expect(run([])).toEqual([{ poolSize: 5, names: [] }]);
  });
});
