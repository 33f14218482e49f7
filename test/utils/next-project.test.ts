import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { afterAll, describe, expect, it } from 'vitest';
import {
  getNextMajorVersion,
  hasCacheComponentsEnabled,
  isCacheComponentsEnabled,
  parseMajorVersion,
} from '../../eslint-plugin/src/utils/next-project';
import { getNextSettings } from '../../eslint-plugin/src/utils/next-settings';
import { parseModule } from '../../eslint-plugin/src/utils/workspace-files';

const FIXTURES = path.resolve('test/fixtures/require-connection');
const NO_SETTINGS = getNextSettings({});
const TMP = path.resolve('test/.tmp', `next-project-${process.pid}`);

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

function parse(code: string, file = 'next.config.ts') {
  const program = parseModule(tsParser, file, code);
  if (!program) throw new Error('parse failed');
  return program;
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

describe('getNextMajorVersion', () => {
  it('reads the nearest package.json, dependencies or devDependencies', () => {
    const file = (project: string) => path.join(FIXTURES, project, 'app/page.tsx');
    expect(getNextMajorVersion(file('next14'), path.join(FIXTURES, 'next14'), NO_SETTINGS)).toBe(14);
    expect(getNextMajorVersion(file('next15'), path.join(FIXTURES, 'next15'), NO_SETTINGS)).toBe(15);
    expect(getNextMajorVersion(file('cache-components'), path.join(FIXTURES, 'cache-components'), NO_SETTINGS)).toBe(16);
  });

  it('lets settings.next.version override package.json', () => {
    const settings = getNextSettings({ next: { version: '13.5.0' } });
    expect(getNextMajorVersion(path.join(FIXTURES, 'next15/app/page.tsx'), undefined, settings)).toBe(13);
  });

  it('stops at the project root', () => {
    const root = path.join(TMP, 'no-next');
    fs.mkdirSync(path.join(root, 'app'), { recursive: true });
    fs.writeFileSync(path.join(root, 'package.json'), '{"dependencies":{"react":"19.0.0"}}');
    expect(getNextMajorVersion(path.join(root, 'app/page.tsx'), root, NO_SETTINGS)).toBeUndefined();
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

describe('isCacheComponentsEnabled', () => {
  it('reads next.config.* of the fixture projects', () => {
    expect(isCacheComponentsEnabled(path.join(FIXTURES, 'cache-components'), NO_SETTINGS, tsParser)).toBe(true);
    expect(isCacheComponentsEnabled(path.join(FIXTURES, 'next15'), NO_SETTINGS, tsParser)).toBe(false);
    expect(isCacheComponentsEnabled(path.join(FIXTURES, 'next14'), NO_SETTINGS, tsParser)).toBe(false);
  });

  it('lets settings.next.cacheComponents override the config', () => {
    const off = getNextSettings({ next: { cacheComponents: false } });
    expect(isCacheComponentsEnabled(path.join(FIXTURES, 'cache-components'), off, tsParser)).toBe(false);
  });

  it('never runs the config, and picks up edits', () => {
    const root = path.join(TMP, 'edited');
    const marker = path.join(root, 'ran.txt');
    fs.mkdirSync(root, { recursive: true });
    const config = path.join(root, 'next.config.js');
    fs.writeFileSync(config, `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { cacheComponents: false };\n`);
    expect(isCacheComponentsEnabled(root, NO_SETTINGS, tsParser)).toBe(false);
    fs.writeFileSync(config, `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { cacheComponents: true, reactStrictMode: true };\n`);
    expect(isCacheComponentsEnabled(root, NO_SETTINGS, tsParser)).toBe(true);
    expect(fs.existsSync(marker)).toBe(false);
  });
});
