// The two icon containers the installers want, written by hand: both are a short header and a
// table of PNG images, so a dependency would be more code to trust than the writers below.
// Each takes a Map from pixel size to that size's PNG bytes.

/**
 * Windows .ico: ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the images.
 * Since Windows Vista an entry may hold a whole PNG instead of a bitmap; a width or height of
 * 0 means 256. Little-endian throughout.
 * https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10)
 */
export function encodeIco(pngs) {
  const sizes = [...pngs.keys()].sort((a, b) => a - b);
  if (sizes.some((size) => size > 256)) throw new Error('Ponder icon: .ico images are at most 256 px.');
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type 1: icon (2 would be a cursor)
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const png = pngs.get(size);
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry); // width
    header.writeUInt8(size % 256, entry + 1); // height
    header.writeUInt8(0, entry + 2); // palette colours: none
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...sizes.map((size) => pngs.get(size))]);
}

/**
 * The PNG-based .icns entry types (macOS 10.7+) and the pixel size each holds: ic07–ic10 are
 * 128–1024 px (ic10 is 512 pt at 2x), ic11–ic14 the 2x versions of 16, 32, 128 and 256 pt.
 */
export const ICNS_TYPES = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

/**
 * macOS .icns: the magic 'icns' and the file's total length, then one element per image — a
 * four-letter type, the element's length including this 8-byte header, and the PNG. Big-endian.
 * https://en.wikipedia.org/wiki/Apple_Icon_Image_format
 */
export function encodeIcns(pngs) {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const png = pngs.get(size);
    if (!png) throw new Error(`Ponder icon: .icns needs a ${size} px image for ${type}.`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + elements.reduce((total, element) => total + element.length, 0), 4);
  return Buffer.concat([header, ...elements]);
}
