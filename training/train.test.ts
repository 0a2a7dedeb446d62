import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The real command line, cheaply: --dry-run checks the options, loads the strokes and builds
// the model, then stops before any training or writing.
const train = (...argv: string[]) =>
  spawnSync('npx', ['tsx', 'training/train.ts', ...argv], { encoding: 'utf8', timeout: 120_000 });
const shipped = () =>
  readdirSync('public/model').map((f) => [f, readFileSync(`public/model/${f}`).toString('base64')]);

describe('npm run train', () => {
  it('with no flags would write a new run folder, never public/model', () => {
    const before = shipped();
    const run = train('--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/writing training\/runs\/s32-s64-\d{4}-\d\d-\d\dT\d{6};/);
    expect(run.stdout).not.toContain('public/model');
    expect(shipped()).toEqual(before);
  }, 120_000);
});
