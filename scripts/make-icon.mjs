// `node scripts/make-icon.mjs`: draws Ponder's app icon as an SVG and writes every file the
// packages want into build/ — icon.svg (the source), icon.png (1024 px, macOS and the default),
// icons/NxN.png (Linux, 16–512), icon.ico (Windows, 16–256) and icon.icns (macOS, 32–1024).
// The SVG is rendered by Debian's Chromium through Playwright (never a downloaded browser;
// PONDER_CHROMIUM overrides the path), one render per size so small sizes are drawn, not shrunk.
// The outputs are committed; run this again only when the drawing changes.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { ICNS_TYPES, encodeIcns, encodeIco } from './icon-containers.mjs';

const BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const CHROMIUM = process.env.PONDER_CHROMIUM ?? '/usr/bin/chromium';
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

// The app's own palette (renderer/src/styles/tokens.css): its accent blue and the question's paper.
const BLUE = '#2c6a92';
const DEEP = '#1b4764';
const PAPER = '#f6f3ec';
const SHADE = '#ddd5c4';
const RULE = '#b9ad96';

/** macOS draws icons on Apple's grid: an 824 px tile on a 1024 canvas, the rest for the shadow. */
const MAC_VIEW = '0 0 1024 1024';
/** Windows and Linux draw the tile nearly edge to edge, so crop most of that margin away. */
const TIGHT_VIEW = '72 72 880 880';

/**
 * An open book, and above it a thought bubble holding a question mark: a story read, and the
 * question it leaves. Drawn in 1024 units; `viewBox` picks how much margin surrounds the tile.
 */
export function iconSvg(size = 1024, viewBox = MAC_VIEW) {
  const page = (side) => {
    // One page, drawn for the right side and mirrored for the left about the spine (x = 512).
    const d = 'M512 604 C575 566 670 556 768 574 L768 770 C670 752 575 762 512 800 Z';
    const rules = [636, 680, 724]
      .map((y) => `<path d="M562 ${y - 4} C612 ${y - 24} 672 ${y - 30} 722 ${y - 24}" />`)
      .join('');
    const flip = side === 'left' ? ' transform="translate(1024 0) scale(-1 1)"' : '';
    return `<g${flip}><path d="${d}" fill="url(#page)" />
      <g fill="none" stroke="${RULE}" stroke-width="12" stroke-linecap="round">${rules}</g></g>`;
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="${size}" height="${size}">
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#3a80ad" /><stop offset="1" stop-color="${DEEP}" />
    </linearGradient>
    <linearGradient id="page" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="${SHADE}" /><stop offset="0.35" stop-color="${PAPER}" />
    </linearGradient>
    <filter id="shadow" x="-10%" y="-10%" width="120%" height="130%">
      <feDropShadow dx="0" dy="14" stdDeviation="18" flood-color="#000" flood-opacity="0.28" />
    </filter>
  </defs>
  <rect x="100" y="100" width="824" height="824" rx="184" fill="url(#tile)" filter="url(#shadow)" />
  ${page('left')}
  ${page('right')}
  <path d="M512 604 L512 800" stroke="${SHADE}" stroke-width="6" />
  <circle cx="452" cy="540" r="17" fill="${PAPER}" />
  <circle cx="482" cy="492" r="26" fill="${PAPER}" />
  <circle cx="560" cy="330" r="150" fill="${PAPER}" />
  <g fill="none" stroke="${BLUE}" stroke-width="40" stroke-linecap="round" stroke-linejoin="round">
    <path d="M508 292 C508 250 532 228 562 228 C594 228 616 250 616 280 C616 312 592 324 576 334 C564 342 560 352 560 372 L560 384" />
  </g>
  <circle cx="560" cy="440" r="24" fill="${BLUE}" />
</svg>
`;
}

/** `svgAt(size)` rendered at each size, as PNG bytes with a transparent background. */
async function renderPngs(svgAt, sizes) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const pngs = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0">${svgAt(size)}</body></html>`);
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

async function main() {
  const mac = await renderPngs((size) => iconSvg(size), [...ICNS_TYPES.map(([, size]) => size), 1024]);
  const tight = await renderPngs((size) => iconSvg(size, TIGHT_VIEW), [...new Set([...LINUX_SIZES, ...ICO_SIZES])]);
  mkdirSync(path.join(BUILD, 'icons'), { recursive: true });
  writeFileSync(path.join(BUILD, 'icon.svg'), iconSvg());
  writeFileSync(path.join(BUILD, 'icon.png'), mac.get(1024));
  writeFileSync(path.join(BUILD, 'icon.icns'), encodeIcns(mac));
  for (const size of LINUX_SIZES) writeFileSync(path.join(BUILD, 'icons', `${size}x${size}.png`), tight.get(size));
  writeFileSync(path.join(BUILD, 'icon.ico'), encodeIco(new Map(ICO_SIZES.map((size) => [size, tight.get(size)]))));
  console.log(`Ponder icon: wrote build/icon.{svg,png,ico,icns} and build/icons/ (${LINUX_SIZES.join(', ')} px)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
