// `npm run ship -- DIR`: makes a trained model (training/runs/<name>) the shipped one. Checks
// it, copies it into public/model/, refits what reads the model's outputs (the number reader's
// joins) and prints what changed. The only command that writes public/model/ unasked.
import type * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadModelFile } from './loadModelFile';
import { describeChanges, modelFiles, modelProblems, type ModelSnapshot } from './shipChanges';

const SHIPPED = 'public/model';
const JOIN_MODEL = 'src/number/joinModel.json';
const USAGE = `npm run ship -- DIR
  DIR: a trained model (model.json + weight shards), e.g. training/runs/NAME. Copies it into
  ${SHIPPED}/ (removing files the new model does not name), refits ${JOIN_MODEL}
  (npx tsx training/fitJoins.ts) and prints what changed.`;

await main();

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean', default: false } },
  });
  if (values.help) return console.log(USAGE);
  if (positionals.length !== 1) fail(`give one model folder, got ${positionals.length}`);
  const dir = positionals[0]!;
  if (resolve(dir) === resolve(SHIPPED)) fail(`${dir} is the shipped model already`);
  const json = await checkedModel(dir);

  const before = { model: snapshot(SHIPPED), joins: readOrNull(JOIN_MODEL) };
  const files = modelFiles(json);
  for (const file of readdirSync(SHIPPED).filter((f) => !files.includes(f))) {
    rmSync(join(SHIPPED, file));
  }
  for (const file of files) copyFileSync(join(dir, file), join(SHIPPED, file));
  console.log(`copied ${files.join(', ')} from ${dir} to ${SHIPPED}/; refitting the joins`);

  const fit = spawnSync('npx', ['tsx', 'training/fitJoins.ts'], { stdio: 'inherit' });
  const changes = describeChanges(before.model, snapshot(SHIPPED), {
    before: before.joins,
    after: readOrNull(JOIN_MODEL),
  });
  console.log(`\nwhat changed:\n${changes.map((l) => `  ${l}`).join('\n')}`);
  if (fit.status !== 0) {
    console.error(`\ntraining/fitJoins.ts failed: ${JOIN_MODEL} is not refitted for the new model`);
    process.exit(1);
  }
  console.log(
    '\nnext: npm test (training/committedModel.test.ts measures the shipped files); the figures ' +
      'in docs/ come from npm run bench and npm run eval',
  );
}

/** DIR's model.json, once its files are complete and tfjs loads them to the same size. */
async function checkedModel(dir: string): Promise<tf.io.ModelJSON> {
  const path = join(dir, 'model.json');
  if (!existsSync(path)) fail(`${path} does not exist`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`${path}: ${(error as Error).message}`);
  }
  const problems = modelProblems(json, (file) => sizeOrNull(join(dir, file)));
  if (problems.length) fail(`${dir} cannot ship:\n  ${problems.join('\n  ')}`);
  const { model, metadata } = await loadModelFile(path);
  if (model.countParams() !== metadata.parameterCount) {
    fail(
      `${path}: ${model.countParams()} parameters, its metadata says ${metadata.parameterCount}`,
    );
  }
  return json as tf.io.ModelJSON;
}

function snapshot(dir: string): ModelSnapshot {
  const files = existsSync(dir) ? readdirSync(dir) : [];
  const sizes = Object.fromEntries(files.map((f) => [f, statSync(join(dir, f)).size]));
  const json = readOrNull(join(dir, 'model.json'));
  const metadata = json === null ? null : (JSON.parse(json) as tf.io.ModelJSON).userDefinedMetadata;
  return { sizes, metadata };
}

function readOrNull(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

function sizeOrNull(path: string): number | null {
  return existsSync(path) && statSync(path).isFile() ? statSync(path).size : null;
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
