import { readFileSync } from 'node:fs';
import semver from 'semver';
import { expect, it } from 'vitest';

/**
 * The declared Node.js minimum (package.json `engines`, README) is one every locked dependency accepts:
 * otherwise `npm ci` on that Node prints EBADENGINE, and the minimum is a promise nobody tested.
 */
const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const minimum = semver.minVersion(pkg.engines.node)?.version as string;

it('every locked dependency accepts the declared minimum Node.js', () => {
  expect(minimum).toBeTruthy();
  const refusing = Object.entries(lock.packages)
    .filter(([name]) => name !== '')
    .flatMap(([name, p]) => {
      const range = p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined;
      return range && !semver.satisfies(minimum, range) ? [`${name.replace(/^.*node_modules\//, '')}@${p.version} needs node ${range}`] : [];
    });
  expect(refusing).toEqual([]);
});

it('README states the same minimum, and this Node.js meets it', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const stated = /Node\.js ≥ (\d+\.\d+(?:\.\d+)?)/.exec(readme)?.[1];
  expect(stated && semver.coerce(stated)?.version).toBe(minimum);
  expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
});
