// `npm run bench:renderer [-- --sizes 10k,100k]`: the renderer side of a large
// library, in real Chromium through the e2e test host (tests/e2e/host.ts), after
// `npm run build`. Prints JSON per size:
//   - openToFirstRowMs: File ▸ Open Folder… to the first story row on screen
//     (reading the library + sending the snapshot + React's first render);
//   - snapshotRoundTripMs: one `currentLibrary()` call: the part of the above
//     that is the test host's transport (a Playwright binding over CDP, far
//     slower for tens of MB than Electron's IPC), so it can be told apart;
//   - keyToNextStoryMs: `j` pressed to the next story shown whole (p50/p95 of 20);
//   - scrollFrameMs: frame times while the list scrolls continuously (p50/p95/max).

import path from 'node:path';
import { ensureLibrary } from './generate';
import { launchReader } from '../tests/e2e/host';
import { testIds } from '../renderer/src/test-ids';

const SIZES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };
const BENCH = path.resolve(__dirname, '../.bench');

async function measure(size: string): Promise<Record<string, unknown>> {
  const library = path.join(BENCH, `lib-${size}`);
  await ensureLibrary(library, { stories: SIZES[size]! });
  const reader = await launchReader({ library: null, pickFolder: async () => library });
  try {
    const { page } = reader;
    await page.getByTestId(testIds.emptyState).waitFor();
    await page.evaluate((rowId) => {
      const marks = ((window as unknown as { __bench: Record<string, number> }).__bench = {});
      const observer = new MutationObserver(() => {
        if (document.querySelector(`[data-testid="${rowId}"]`)) {
          (marks as Record<string, number>)['firstRow'] = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }, testIds.storyRow);
    const clicked = await page.evaluate(() => performance.now());
    await page.getByTestId(testIds.emptyState).getByRole('button', { name: /Open Folder/ }).click();
    await page.getByTestId(testIds.storyRow).first().waitFor({ timeout: 600_000 });
    const firstRow = await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench['firstRow']!);

    const snapshotRoundTripMs = await page.evaluate(async () => {
      const start = performance.now();
      await window.ponder.currentLibrary();
      return performance.now() - start;
    });

    await page.getByTestId(testIds.storyRow).first().click();
    const keyTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      keyTimes.push(
        await page.evaluate(async (detailId) => {
          const detail = document.querySelector(`[data-testid="${detailId}"]`);
          const before = detail?.textContent;
          const start = performance.now();
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
          for (;;) {
            await new Promise((resolve) => requestAnimationFrame(resolve));
            const now = document.querySelector(`[data-testid="${detailId}"]`)?.textContent;
            if (now !== before || performance.now() - start > 2_000) return performance.now() - start;
          }
        }, testIds.storyDetail),
      );
    }

    const frames = await page.evaluate(async (listId) => {
      // The list is its own scroll container (the virtualiser's).
      const scroller = document.querySelector<HTMLElement>(`[data-testid="${listId}"]`);
      const deltas: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 180 && scroller; i++) {
        scroller.scrollTop += 400;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    }, testIds.storyList);

    return {
      size,
      stories: SIZES[size],
      openToFirstRowMs: round(firstRow - clicked),
      snapshotRoundTripMs: round(snapshotRoundTripMs),
      keyToNextStoryMs: { p50: round(percentile(keyTimes, 50)), p95: round(percentile(keyTimes, 95)) },
      scrollFrameMs: { p50: round(percentile(frames, 50)), p95: round(percentile(frames, 95)), max: round(Math.max(...frames)) },
    };
  } finally {
    await reader.close();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

async function main(): Promise<void> {
  const index = process.argv.indexOf('--sizes');
  const sizes = (index >= 0 ? process.argv[index + 1]! : '10k,100k').split(',');
  const results = [];
  for (const size of sizes) {
    if (!SIZES[size]) throw new Error(`unknown size "${size}" (use 1k, 10k, 100k)`);
    results.push(await measure(size));
    console.error(`measured ${size}`);
  }
  console.log(JSON.stringify({ machine: { cores: (await import('node:os')).cpus().length, node: process.version }, results }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
