/**
 * no-request-api-in-cache (issue 10): with Cache Components on, a real
 * `next build` fails with Next's own error on `await connection()` inside a
 * 'use cache' function; after the rule's own suggestion (which moves the call
 * to the page that calls the cached function) the same build succeeds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyFirstSuggestion } from './lint/rule-fixes';
import { prepareCounterApp } from './next/counter-app';
import { getRouteMarker, nextBuild } from './next/next-build';
import { createScratchDir } from './paths';

const FIXTURE = 'next-cache-app';
const ROUTE = '/visits';
const PAGE = 'app/visits/page.tsx';
const NEXT_ERROR =
  "`connection()` can't be called inside `\"use cache\"` because cached functions may run during prerendering, without an incoming request. Call it outside the cached function.";

const scratch = createScratchDir('no-request-api-in-cache');

describe.sequential('await connection() inside "use cache"', () => {
  it('the rule reports it, quoting the error next build then fails with', async () => {
    const app = prepareCounterApp(path.join(scratch.dir, 'before'), 0, FIXTURE);
    const page = path.join(app.dir, PAGE);
    const { findings } = await applyFirstSuggestion('next-db/no-request-api-in-cache', app.dir, page, readFileSync(page, 'utf8'));
    expect(findings.map((finding) => [finding.line, finding.message.includes(NEXT_ERROR)])).toEqual([[7, true]]);

    const failure = await nextBuild(app).then(
      () => undefined,
      (error: unknown) => String(error),
    );
    console.log(`next build (before the suggestion) failed as expected:\n${failure}`);
    expect(failure, 'next build succeeded although connection() is called inside "use cache"').toBeDefined();
    expect(failure).toContain(`Route "${ROUTE}": ${NEXT_ERROR}`);
  });

  it("after the rule's suggestion, next build succeeds", async () => {
    const app = prepareCounterApp(path.join(scratch.dir, 'after'), 0, FIXTURE);
    const page = path.join(app.dir, PAGE);
    const { fixed, findingsAfter } = await applyFirstSuggestion('next-db/no-request-api-in-cache', app.dir, page, readFileSync(page, 'utf8'));
    expect(findingsAfter).toEqual([]);
    expect(fixed).toContain("  'use cache';\n  return { generatedAt");
    expect(fixed).toContain('  await connection();\n  const report = await getReport();');
    writeFileSync(page, fixed);
    console.log(`${PAGE} after the suggestion:\n${fixed}`);

    const build = await nextBuild(app);
    console.log(`next build (after the suggestion) took ${(build.durationMs / 1000).toFixed(1)} s\n${build.output}`);
    // The page now awaits connection() inside the layout's <Suspense>: a partial prerender.
    expect(getRouteMarker(build.output, ROUTE)).toBe('◐');
  });
});

afterAll(() => {
  scratch.remove();
});
