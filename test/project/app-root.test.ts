import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findAppRoot, findNextMajorVersion, findNextVersion, getNextConfigFacts, parseMajorVersion, parseMinorVersion, readConfigFacts } from '../../eslint-plugin/src/project/app-root';
import { forgetProjectCaches } from '../../eslint-plugin/src/project/epoch';
import { parseProgram } from '../../eslint-plugin/src/project/parse';

const REPO = path.resolve('.');
const FIXTURES = path.resolve('test/fixtures/require-connection');
const TMP = path.resolve('test/.tmp', `app-root-${process.pid}`);

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

function parse(code: string, file = 'next.config.ts') {
  const program = parseProgram(file, code);
  if (!program) throw new Error('parse failed');
  return program;
}

const hasCacheComponentsEnabled = (program: ReturnType<typeof parse>) => readConfigFacts(program).cacheComponents;
const isCacheComponentsEnabled = (appRoot: string) => getNextConfigFacts(appRoot, REPO).cacheComponents;

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('parseMajorVersion', () => {
  it('reads the major version of common ranges', () => {
    expect(parseMajorVersion('16.4.6')).toBe(16);
    expect(parseMajorVersion('^15.1.0')).toBe(15);
    expect(parseMajorVersion('~14.2.3')).toBe(14);
    expect(parseMajorVersion('>=13.4')).toBe(13);
    expect(parseMajorVersion('15.x')).toBe(15);
    expect(parseMajorVersion('npm:next@14.2.0')).toBe(14);
  });

  it('gives up on tags and protocols', () => {
    expect(parseMajorVersion('latest')).toBeUndefined();
    expect(parseMajorVersion('canary')).toBeUndefined();
    expect(parseMajorVersion('workspace:*')).toBeUndefined();
  });
});

describe('parseMinorVersion', () => {
  it('reads the minor version where the range says it, for the middleware runtime rule', () => {
    expect(parseMinorVersion('15.5.2')).toBe(5);
    expect(parseMinorVersion('^15.1.0')).toBe(1);
    expect(parseMinorVersion('npm:next@14.2.0')).toBe(2);
    expect(parseMinorVersion('15')).toBeUndefined();
    expect(parseMinorVersion('15.x')).toBeUndefined();
    expect(parseMinorVersion('latest')).toBeUndefined();
  });
});

describe('findNextVersion', () => {
  it('reads major and minor from the nearest package.json that names next', () => {
    const root = path.resolve('test/fixtures/no-node-driver-on-edge');
    expect(findNextVersion(path.join(root, 'next15.1/src'), path.join(root, 'next15.1'))).toEqual({ major: 15, minor: 1 });
    expect(findNextVersion(path.join(root, 'next16/lib'), path.join(root, 'next16'))).toEqual({ major: 16, minor: 4 });
    expect(findNextVersion(path.join(TMP, 'nowhere'), TMP)).toBeUndefined();
  });
});

describe('findNextMajorVersion', () => {
  it('reads the nearest package.json, dependencies or devDependencies', () => {
    const dir = (project: string) => path.join(FIXTURES, project, 'app');
    expect(findNextMajorVersion(dir('next14'), path.join(FIXTURES, 'next14'))).toBe(14);
    expect(findNextMajorVersion(dir('next15'), path.join(FIXTURES, 'next15'))).toBe(15);
    expect(findNextMajorVersion(dir('cache-components'), path.join(FIXTURES, 'cache-components'))).toBe(16);
  });

  it('stops at the root, and skips a package.json without next', () => {
    const root = path.join(TMP, 'no-next');
    write(path.join(root, 'package.json'), '{"dependencies":{"react":"19.0.0"}}');
    fs.mkdirSync(path.join(root, 'app'), { recursive: true });
    expect(findNextMajorVersion(path.join(root, 'app'), root)).toBeUndefined();
  });

  it('reads a package.json that starts with a BOM', () => {
    const root = path.join(TMP, 'bom');
    write(path.join(root, 'package.json'), '\uFEFF{"dependencies":{"next":"^15.2.0"}}');
    expect(findNextMajorVersion(root, root)).toBe(15);
  });
});

describe('findAppRoot', () => {
  it('finds a folder with a next.config.*, or a package.json that depends on next', () => {
    const repo = path.join(TMP, 'monorepo');
    write(path.join(repo, 'package.json'), '{"workspaces":["apps/*"]}');
    write(path.join(repo, 'apps/web/next.config.mjs'), 'export default {};');
    write(path.join(repo, 'apps/admin/package.json'), '{"dependencies":{"next":"16.0.0"}}');
    write(path.join(repo, 'packages/ui/package.json'), '{"dependencies":{"react":"19.0.0"}}');
    expect(findAppRoot(path.join(repo, 'apps/web/app/page.tsx'), repo)).toBe(path.join(repo, 'apps/web'));
    expect(findAppRoot(path.join(repo, 'apps/admin/app/api/users/route.ts'), repo)).toBe(path.join(repo, 'apps/admin'));
    expect(findAppRoot(path.join(repo, 'packages/ui/src/button.tsx'), repo)).toBeUndefined();
  });

  it('never looks above the root', () => {
    const outer = path.join(TMP, 'outer');
    write(path.join(outer, 'next.config.js'), 'module.exports = {};');
    fs.mkdirSync(path.join(outer, 'inner/app'), { recursive: true });
    expect(findAppRoot(path.join(outer, 'inner/app/page.tsx'), path.join(outer, 'inner'))).toBeUndefined();
  });
});

describe('hasCacheComponentsEnabled', () => {
  it('finds a literal true at the top level, under experimental, and inside wrappers', () => {
    expect(hasCacheComponentsEnabled(parse(`export default { cacheComponents: true };`))).toBe(true);
    expect(hasCacheComponentsEnabled(parse(`const c = { experimental: { dynamicIO: true } }; export default c;`))).toBe(true);
    expect(hasCacheComponentsEnabled(parse(`module.exports = withMDX({ 'cacheComponents': true });`, 'next.config.js'))).toBe(true);
  });

  it('ignores comments, false, strings and values computed at run time', () => {
    expect(hasCacheComponentsEnabled(parse(`// cacheComponents: true\nexport default {};`))).toBe(false);
    expect(hasCacheComponentsEnabled(parse(`/* { cacheComponents: true } */ export default { cacheComponents: false };`))).toBe(false);
    expect(hasCacheComponentsEnabled(parse(`export default { note: 'cacheComponents: true' };`))).toBe(false);
    expect(hasCacheComponentsEnabled(parse(`export default { cacheComponents: process.env.CC === '1' };`))).toBe(false);
  });
});

describe('getNextConfigFacts', () => {
  it('reads next.config.* of the fixture projects', () => {
    expect(isCacheComponentsEnabled(path.join(FIXTURES, 'cache-components'))).toBe(true);
    expect(isCacheComponentsEnabled(path.join(FIXTURES, 'next15'))).toBe(false);
    expect(isCacheComponentsEnabled(path.join(FIXTURES, 'next14'))).toBe(false);
  });

  it("reads output: 'export' as a static export", () => {
    expect(readConfigFacts(parse(`export default { output: 'export' };`)).staticExport).toBe(true);
    expect(readConfigFacts(parse(`export default { output: 'standalone' };`)).staticExport).toBe(false);
  });

  it('never runs the config, and picks up edits', () => {
    const root = path.join(TMP, 'edited');
    const marker = path.join(root, 'ran.txt');
    const config = path.join(root, 'next.config.js');
    write(config, `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { cacheComponents: false };\n`);
    expect(isCacheComponentsEnabled(root)).toBe(false);
    write(config, `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { cacheComponents: true, reactStrictMode: true };\n`);
    forgetProjectCaches();
    expect(isCacheComponentsEnabled(root)).toBe(true);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('skips a config over the size cap', () => {
    const root = path.join(TMP, 'huge');
    write(path.join(root, 'next.config.js'), `module.exports = { cacheComponents: true };\n${'// padding\n'.repeat(100_000)}`);
    expect(isCacheComponentsEnabled(root)).toBe(false);
  });
});
