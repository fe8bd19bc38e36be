/**
 * `npm start` builds only when something the build reads changed since it last finished (build.cjs
 * buildIsCurrent, by modification times), so an unchanged checkout starts at once, and an edited one
 * never starts on an old build.
 */
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { useTemporaryFolder } from '../support/temporaryFolder';

const { buildIsCurrent } = require('../../build.cjs') as { buildIsCurrent(root: string): boolean };

describe('npm start: the build only when an input changed', () => {
  const folder = useTemporaryFolder('freshness-');
  const BUILT = new Date('2026-01-01T12:00:00Z');
  const BEFORE = new Date('2026-01-01T11:00:00Z');
  const AFTER = new Date('2026-01-01T13:00:00Z');

  const file = (path: string, time = BEFORE, content = '') => {
    const full = join(folder.path, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    utimesSync(full, time, time);
  };
  const age = (path: string, time: Date) => utimesSync(join(folder.path, path), time, time);

  /** A checkout built after its last edit. */
  beforeEach(() => {
    file('tsconfig.build.json', BEFORE, JSON.stringify({ include: ['index.ts', 'faq'] }));
    file('index.ts');
    file('faq/FaqIndex.ts');
    file('knowledge/faq.json');
    file('node_modules/.package-lock.json');
    file('dist/index.js', BUILT);
    file('web/vendor/webchat.json', BUILT);
    file('dist/.built', BUILT);
    for (const folderName of ['faq', 'knowledge', 'node_modules']) age(folderName, BEFORE);
  });

  it('does not build an unchanged checkout', () => {
    expect(buildIsCurrent(folder.path)).to.equal(true);
  });

  it('builds after a source, a knowledge file or an install changed', () => {
    for (const changed of ['faq/FaqIndex.ts', 'knowledge/faq.json', 'node_modules/.package-lock.json', 'tsconfig.build.json']) {
      age(changed, AFTER);
      expect(buildIsCurrent(folder.path), changed).to.equal(false);
      age(changed, BEFORE);
    }
  });

  it('builds after a source was added or deleted (its folder changed)', () => {
    rmSync(join(folder.path, 'faq/FaqIndex.ts'));
    age('faq', AFTER);
    expect(buildIsCurrent(folder.path)).to.equal(false);
  });

  it('builds when no build finished, or its output is gone', () => {
    rmSync(join(folder.path, 'web/vendor/webchat.json'));
    expect(buildIsCurrent(folder.path)).to.equal(false);
    file('web/vendor/webchat.json', BUILT);
    rmSync(join(folder.path, 'dist/.built'));
    expect(buildIsCurrent(folder.path)).to.equal(false);
  });
});
