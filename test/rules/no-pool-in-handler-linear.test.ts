/**
 * Issue 9, item 4: each report of no-pool-in-handler walked the whole handler
 * again, so a handler with N pools cost N² node visits. The visits are
 * counted here (through the visitor keys every walk reads), not timed:
 * doubling N must about double them. Timings: `npm run bench:hostile`.
 */
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { recommendedFlatConfig } from '../support/lint-config.mjs';

const CWD = path.resolve(import.meta.dirname, '../fixtures/example-app');

function manyPoolsHandler(count: number): string {
  const lines = ["import { Pool } from 'pg';", '', 'export async function GET() {'];
  for (let index = 0; index < count; index++) lines.push(`  const p${index} = new Pool({ max: 1 }); if (p${index}) await p${index}.end(); use(p${index});`);
  lines.push('  return Response.json({});', '}', '');
  return lines.join('\n');
}

/** The parser, with visitor keys that count how often they are read: once per node a walk visits. */
function countingParser(): { parser: Linter.Parser; visits: () => number } {
  let visits = 0;
  const parser = {
    parseForESLint(text: string, options: unknown) {
      const result = tsParser.parseForESLint(text, options as never);
      const visitorKeys = new Proxy(result.visitorKeys, {
        get(target, key, receiver) {
          visits++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      return { ...result, visitorKeys };
    },
  };
  return { parser: parser as unknown as Linter.Parser, visits: () => visits };
}

function countVisits(count: number, rules: boolean): { visits: number; problems: number } {
  const { parser, visits } = countingParser();
  const config = recommendedFlatConfig(rules ? plugin : { configs: { recommended: {} } });
  config[0]!.languageOptions = { ...config[0]!.languageOptions, parser };
  const messages = new Linter({ cwd: CWD }).verify(manyPoolsHandler(count), config, { filename: path.join(CWD, 'app/api/many/route.ts') });
  return { visits: visits(), problems: messages.length };
}

describe('no-pool-in-handler on a handler creating many pools', () => {
  it('visits a number of nodes linear in the number of pools', () => {
    const ruleVisits = (count: number) => {
      const linted = countVisits(count, true);
      expect(linted.problems).toBe(count);
      return linted.visits - countVisits(count, false).visits;
    };
    const small = ruleVisits(150);
    const large = ruleVisits(600);
    // Linear: 4× the pools, about 4× the visits. Quadratic was about 16×.
    expect(large / small).toBeLessThan(6);
  });
});
