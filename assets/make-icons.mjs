// Renders assets/icon.svg into every icon electron-builder needs, so packaging converts nothing:
//
//   assets/icons/icon.icns  macOS: PNG entries 16 to 1024 (with the @2x ones)
//   assets/icons/icon.ico   Windows: PNG entries 16 to 256
//   assets/icons/icon.png   1024x1024 (the window icon, and a fallback)
//   assets/icons/NxN.png    512 down to 16 (linux icon-set folder layout)
//
// Usage: node assets/make-icons.mjs
import { Buffer } from 'node:buffer';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const assetsDir = path.dirname(fileURLToPath(import.meta.url));
const svgPath = path.join(assetsDir, 'icon.svg');
const outDir = path.join(assetsDir, 'icons');

const LINUX_SIZES = [512, 256, 128, 64, 48, 32, 16];

/**
 * @param {string} svg
 * @param {number} size
 * @returns {Buffer}
 */
function render(svg, size) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  });
  const image = resvg.render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`expected ${size}x${size}, got ${image.width}x${image.height}`);
  }
  return image.asPng();
}

/**
 * An .ico holding PNG images (Windows Vista and later read PNG entries).
 * @param {Array<{ size: number, png: Buffer }>} images
 */
export function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** icns element types that hold PNG data, by pixel size (Retina @2x types share sizes). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32], // 16@2x
  ['icp6', 64],
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256], // 128@2x
  ['ic09', 512],
  ['ic14', 512], // 256@2x
  ['ic10', 1024], // 512@2x
];

/**
 * An .icns: the magic and total length, then one (type, length, PNG) element per entry.
 * @param {Array<{ type: string, png: Buffer }>} elements
 */
export function encodeIcns(elements) {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

async function main() {
  const svg = await readFile(svgPath, 'utf8');
  await mkdir(outDir, { recursive: true });

  const targets = [
    { file: 'icon.png', size: 1024 },
    ...LINUX_SIZES.map((size) => ({ file: `${size}x${size}.png`, size })),
  ];

  /** @type {Map<number, Buffer>} */
  const rendered = new Map();
  const png = (/** @type {number} */ size) => {
    if (!rendered.has(size)) rendered.set(size, render(svg, size));
    return /** @type {Buffer} */ (rendered.get(size));
  };
  const write = async (/** @type {string} */ file, /** @type {Buffer} */ data, note = '') => {
    const outPath = path.join(outDir, file);
    await writeFile(outPath, data);
    console.log(`${path.relative(process.cwd(), outPath)}  ${note}${data.length} bytes`);
  };

  for (const { file, size } of targets) await write(file, png(size), `${size}x${size}  `);
  await write(
    'icon.ico',
    encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png(size) }))),
  );
  await write(
    'icon.icns',
    encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))),
  );
}

// Run as a script (npm run icons), not when a test imports the encoders.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
