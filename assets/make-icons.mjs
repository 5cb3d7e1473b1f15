// Renders assets/icon.svg into the PNG icon set used by electron-builder.
//
//   assets/icons/icon.png   1024x1024 (mac/win: electron-builder converts it to icns/ico)
//   assets/icons/NxN.png    512 down to 16 (linux icon-set folder layout)
//
// Usage: node assets/make-icons.mjs
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

async function main() {
  const svg = await readFile(svgPath, 'utf8');
  await mkdir(outDir, { recursive: true });

  const targets = [
    { file: 'icon.png', size: 1024 },
    ...LINUX_SIZES.map((size) => ({ file: `${size}x${size}.png`, size })),
  ];

  for (const { file, size } of targets) {
    const png = render(svg, size);
    const outPath = path.join(outDir, file);
    await writeFile(outPath, png);
    console.log(`${path.relative(process.cwd(), outPath)}  ${size}x${size}  ${png.length} bytes`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
