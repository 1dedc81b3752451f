// `npm run bench:renderer [-- --sizes 10k,100k]`: the renderer side of a large
// library, in real Chromium through the e2e test host (tests/e2e/host.ts), after
// `npm run build`. Prints JSON per size:
//   - openToFirstRowMs: File ▸ Open Folder… to the first story row on screen
//     (reading the library + sending the snapshot + React's first render);
//   - snapshotRoundTripMs: one `currentLibrary()` call: the part of the above
//     that is the test host's transport (a Playwright binding over CDP, far
//     slower for tens of MB than Electron's IPC), so it can be told apart;
//   - openPayloadBytes: every IPC answer and event the page received from the
//     click until the first row showed (JSON, UTF-8), and `…UntilListedBytes` until
//     the header counts every story (the rest of the library streamed in);
//     openPayloadByChannel: the same by channel, counted from the page's first request
//     (so what the app asks for at start, before any folder is chosen, is in it too);
//   - keyToSelectedRowMs: `j` pressed to the next row marked selected (the list alone), and
//     keyToNextStoryMs: to the next story shown whole (one `story:get` over the host's transport),
//     p50/p95 of 40, measured once the index is ready;
//   - scrollFrameMs: frame times while the list scrolls continuously (p50/p95/max).

import path from 'node:path';
import { ensureLibrary } from './generate';
import { launchReader } from '../tests/e2e/host';
import { countIpcBytes } from '../tests/e2e/ipc-bytes';
import { testIds } from '../renderer/src/test-ids';

const SIZES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };
const BENCH = path.resolve(__dirname, '../.bench');

async function measure(size: string): Promise<Record<string, unknown>> {
  const library = path.join(BENCH, `lib-${size}`);
  await ensureLibrary(library, { stories: SIZES[size]! });
  const counted = countIpcBytes();
  const reader = await launchReader({ library: null, pickFolder: async () => library, beforeLoad: counted.beforeLoad });
  try {
    const { page } = reader;
    await page.getByTestId(testIds.emptyState).waitFor();
    await page.evaluate((rowId) => {
      const marks: Record<string, number> = ((window as unknown as { __bench: Record<string, number> }).__bench = { bytes: 0 });
      const observer = new MutationObserver(() => {
        if (document.querySelector(`[data-testid="${rowId}"]`)) {
          marks['firstRow'] = performance.now();
          marks['firstRowBytes'] = marks['bytes']!;
          (window as unknown as { __benchChannels: Record<string, number> }).__benchChannels = { ...(window as unknown as { __ponderBytes: Record<string, number> }).__ponderBytes };
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
      // Count what crosses from main: invoke answers (JSON text) and events (serialised as they would be).
      // (No named functions in here: tsx would wrap them in a `__name` helper the page does not have.)
      const encoder = new TextEncoder();
      const invoke = window.__ponderInvoke;
      window.__ponderInvoke = async (channel, request) => {
        const text = await invoke(channel, request);
        marks['bytes']! += encoder.encode(text).length;
        return text;
      };
      const emit = window.__ponderEmit;
      window.__ponderEmit = (channel, payload) => {
        marks['bytes']! += encoder.encode(JSON.stringify(payload) ?? '').length;
        emit(channel, payload);
      };
    }, testIds.storyRow);
    const clicked = await page.evaluate(() => performance.now());
    await page.getByTestId(testIds.emptyState).getByRole('button', { name: /Open Folder/ }).click();
    await page.getByTestId(testIds.storyRow).first().waitFor({ timeout: 600_000 });
    const marks = () => page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);
    const { firstRow, firstRowBytes } = (await marks()) as { firstRow: number; firstRowBytes: number };
    await page.getByTestId(testIds.storyCount).filter({ hasText: SIZES[size]!.toLocaleString('en-US') }).waitFor({ timeout: 600_000 });
    const listedBytes = (await marks())['bytes']!;
    const openPayloadByChannel = await page.evaluate(() => (window as unknown as { __benchChannels: Record<string, number> }).__benchChannels);

    const snapshotRoundTripMs = await page.evaluate(async () => {
      const start = performance.now();
      await window.ponder.currentLibrary();
      return performance.now() - start;
    });

    // Key and scroll figures once the library is read and indexed: the machine's background work
    // (workers, topics) is over, so they measure the list, not the open.
    await page.getByTestId(testIds.indexProgress).waitFor({ state: 'detached', timeout: 600_000 });
    await page.getByTestId(testIds.storyRow).first().click();
    const keyTimes: number[] = [];
    const rowTimes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const [row, detail] = await page.evaluate(
        async ([detailId, rowId]) => {
          // Plain expressions only: a named function here would need a helper tsx adds and the page lacks.
          const rowQuery = `[data-testid="${rowId}"][aria-selected="true"]`;
          const detailQuery = `[data-testid="${detailId}"]`;
          const rowBefore = document.querySelector(rowQuery)?.getAttribute('data-story-id');
          const textBefore = document.querySelector(detailQuery)?.textContent;
          let rowAt = 0;
          const start = performance.now();
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
          for (;;) {
            await new Promise((resolve) => requestAnimationFrame(resolve));
            if (!rowAt && document.querySelector(rowQuery)?.getAttribute('data-story-id') !== rowBefore) rowAt = performance.now();
            const shown = document.querySelector(detailQuery)?.textContent !== textBefore;
            if ((shown && rowAt) || performance.now() - start > 2_000) return [rowAt - start, performance.now() - start];
          }
        },
        [testIds.storyDetail, testIds.storyRow] as const,
      );
      rowTimes.push(row!);
      keyTimes.push(detail!);
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
      openPayloadBytes: firstRowBytes,
      openPayloadUntilListedBytes: listedBytes,
      openPayloadByChannel,
      keyToSelectedRowMs: { p50: round(percentile(rowTimes, 50)), p95: round(percentile(rowTimes, 95)) },
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
