// The bench's rows for the page's two extras: a person's own model beside the shipped one
// (issue 25, userModelCost.ts) and training in the page (issue 26, trainCost.ts). Measured by
// `npm run bench` with the rest, or alone by `npm run bench:extras`.
import type { Browser } from '@playwright/test';
import { kb, ms, short } from './format';
import type { BenchBackend } from './latency';
import type { FileSize } from './sizes';
import {
  drawWhileTraining,
  mnistDownloadBytes,
  nodeMlpEpoch,
  pageEpoch,
  type NodeEpoch,
  type PageEpoch,
  type TrainingDrawResult,
} from './trainCost';
import { measureUserModelCost, type UserModelCostResult } from './userModelCost';

export interface ExtrasSettings {
  /** Pages the user-model cost is measured on. */
  userModelBackends: BenchBackend[];
  /** Backends one full epoch of the tutorial's network is timed on in the page. */
  trainBackends: BenchBackend[];
  strokes: number;
}

export interface ExtrasResult {
  userModel: UserModelCostResult;
  mnistBytes: number;
  nodeEpoch: NodeEpoch;
  pageEpochs: PageEpoch[];
  drawing: TrainingDrawResult;
}

/** BENCH_TRAIN_BACKENDS (wasm,webgl,cpu): the backends one full epoch is timed on. */
export function trainBackends(): BenchBackend[] {
  return (process.env.BENCH_TRAIN_BACKENDS ?? 'wasm,webgl,cpu').split(',') as BenchBackend[];
}

/** Node's epoch first (no browser open), then the page's measures. */
export async function measureExtras(
  launch: () => Promise<Browser>,
  url: string,
  dist: string,
  settings: ExtrasSettings,
  step: (what: string) => void,
): Promise<ExtrasResult> {
  step('one epoch of npm run train -- --arch mlp in Node');
  const nodeEpoch = nodeMlpEpoch();
  const browser = await launch();
  try {
    step('your model beside the shipped one: lazy code and predict latency');
    const userModel = await measureUserModelCost(
      browser,
      url,
      settings.userModelBackends,
      settings.strokes,
    );
    const pageEpochs: PageEpoch[] = [];
    for (const backend of settings.trainBackends) {
      step(`one epoch of the tutorial's network in the Train panel, ?backend=${backend}`);
      pageEpochs.push(await pageEpoch(browser, url, backend));
    }
    step('pen-up -> answer on the default page, idle and while training');
    const drawing = await drawWhileTraining(browser, url, settings.strokes);
    return { userModel, mnistBytes: mnistDownloadBytes(dist), nodeEpoch, pageEpochs, drawing };
  } finally {
    await browser.close();
  }
}

/** The table's rows; `assets` are the built site's JavaScript and CSS (sizes.ts). */
export function extrasRows(r: ExtrasResult, assets: FileSize[]): [string, string][] {
  const gzip = (file: string) => assets.find((a) => a.file === file)?.gzip ?? 0;
  const nodeRate = r.nodeEpoch.seconds / r.nodeEpoch.images;
  const trainingCode = Object.entries(r.userModel.baseJs)
    .flatMap(([, files]) => files)
    .filter((f) => /train|mnist/i.test(f));
  return [
    ...r.userModel.cases.map((c): [string, string] => [
      `Your model: ${c.name}, ${c.backend === 'default' ? `default page (${c.ranOn})` : `?backend=${c.backend}`}`,
      `loaded model predict ${short(c.userPredictMs)}, shipped fast path in the same page ` +
        `${short(c.shippedPredictMs)} (medians: ${(c.userPredictMs.median / c.shippedPredictMs.median).toFixed(2)}x; ` +
        `the fast path's includes preprocessing); JavaScript fetched only for it: ` +
        (c.addedJs.length
          ? `${kb(c.addedJs.reduce((n, f) => n + gzip(f), 0))} gzip (${c.addedJs.join(', ')})`
          : 'none'),
    ]),
    [
      'Train: MNIST download (fetched only when a run starts)',
      `${kb(r.mnistBytes)} (gzip files, 60,000 training + 10,000 test images); the default page fetched ` +
        (trainingCode.length ? trainingCode.join(', ') : 'no training code and no MNIST'),
    ],
    [
      `Train: npm run train -- --arch mlp, one epoch in Node (wasm)`,
      `${r.nodeEpoch.seconds.toFixed(1)} s for ${r.nodeEpoch.images.toLocaleString('en')} images (its warping included)`,
    ],
    ...r.pageEpochs.map((e): [string, string] => [
      `Train: the tutorial's network, one epoch in the page's worker, ?backend=${e.backend} (on ${e.ranOn})`,
      `${e.seconds.toFixed(1)} s for ${e.images.toLocaleString('en')} images; ` +
        `${(e.seconds / e.images / nodeRate).toFixed(2)}x Node's time per image; test accuracy ${(e.testAccuracy * 100).toFixed(2)}%`,
    ]),
    [
      `Train: pen-up -> answer on the default page (${r.drawing.backend}), no run / while a run trains`,
      `no run ${ms(r.drawing.idlePenUpMs)}; training ${ms(r.drawing.trainingPenUpMs)}`,
    ],
    [
      `Train: predict while drawing on the default page (${r.drawing.backend}), no run / while a run trains`,
      `no run ${ms(r.drawing.idlePredictMs)}; training ${ms(r.drawing.trainingPredictMs)} ` +
        `(medians: ${(r.drawing.trainingPredictMs.median / r.drawing.idlePredictMs.median).toFixed(2)}x)`,
    ],
  ];
}
