// Where does the JS heap grow during live prediction? Takes heap snapshots after 200 and after
// 600 predictions (mouse strokes on the built app) and prints the biggest growth by object type.
//   npm run build && npx tsx scripts/heapDiff.ts
// Seen 2026-11-26: V8's optimised code and the browser's performance timeline (one
// PerformanceMeasure of ~136 B per prediction, layout-shift entries); no app objects.
import { chromium, type CDPSession } from '@playwright/test';
import { RecogniserPage } from '../e2e/support/RecogniserPage';
import { WAVY_LINE } from '../e2e/support/strokes';
import { chromiumLaunchOptions } from '../e2e/support/chromiumLaunchOptions';
import { startStaticServer } from '../e2e/support/serveStatic';
const server = await startStaticServer('dist', 4191, ['/']);
const browser = await chromium.launch(chromiumLaunchOptions);
const ctx = await browser.newContext({ serviceWorkers: 'block' });
const app = new RecogniserPage(await ctx.newPage());
await app.open('http://127.0.0.1:4191/');
const cdp = await ctx.newCDPSession(app.page);
async function snapshot(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  let chunks = '';
  const onChunk = (e: { chunk: string }) => {
    chunks += e.chunk;
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks);
  const f = snap.snapshot.meta.node_fields as string[];
  const nf = f.length;
  const types = snap.snapshot.meta.node_types[0] as string[];
  const agg = new Map<string, [number, number]>();
  for (let i = 0; i < snap.nodes.length; i += nf) {
    const key = types[snap.nodes[i]] + ':' + String(snap.strings[snap.nodes[i + 1]]).slice(0, 60);
    const a = agg.get(key) ?? [0, 0];
    a[0]++;
    a[1] += snap.nodes[i + 3];
    agg.set(key, a);
  }
  return agg;
}
const n = () => app.timings.predictMeasures();
async function cycles(target: number) {
  while ((await n()) < target) {
    await app.drawNormalised(WAVY_LINE, 1);
    await app.waitForDone();
    await app.click('undo');
  }
}
await cycles(200);
const a = await snapshot(cdp);
const na = await n();
await cycles(600);
const b = await snapshot(cdp);
const nb = await n();
const diff = [...b.entries()]
  .map(([k, [c, s]]) => [k, c - (a.get(k)?.[0] ?? 0), s - (a.get(k)?.[1] ?? 0)] as const)
  .filter(([, c, s]) => c !== 0 || s !== 0)
  .sort((x, y) => y[2] - x[2]);
console.log('predictions', na, '->', nb);
for (const [k, c, s] of diff.slice(0, 25))
  console.log(String(s).padStart(8), String(c).padStart(6), k);
await browser.close();
server.close();
