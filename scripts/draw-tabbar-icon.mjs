// Draws the 岗位 tab's briefcase icon pair (81 × 81 px, like the other tabBar icons) with no download and no image library:
// shapes as point tests, 4 × 4 supersampling for smooth edges, a hand-written PNG encoder over node:zlib.
// Run: node scripts/draw-tabbar-icon.mjs  → src/assets/tabbar/jobs.png, jobs-active.png
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 81;
const SAMPLES = 4;
const STROKE = 6;
const COLORS = { jobs: [0x99, 0x99, 0x99], 'jobs-active': [0xc8, 0x16, 0x1d] };

/** Distance from (x, y) to a rounded rectangle's outline; negative inside. */
function roundedRectDistance(x, y, { left, top, right, bottom, radius }) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const qx = Math.abs(x - cx) - ((right - left) / 2 - radius);
  const qy = Math.abs(y - cy) - ((bottom - top) / 2 - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

const body = { left: 12, top: 27, right: 69, bottom: 68, radius: 7 };
const handle = { left: 29, top: 14, right: 52, bottom: 30, radius: 5 };
const clasp = { left: 35, top: 40, right: 46, bottom: 50, radius: 2 };

/** Ink: the body's outline, the handle's outline above the body, the belt across the middle and a solid clasp. */
function ink(x, y) {
  const inBodyStroke = Math.abs(roundedRectDistance(x, y, body)) <= STROKE / 2;
  const inHandleStroke = Math.abs(roundedRectDistance(x, y, handle)) <= STROKE / 2 && y < body.top;
  const inBelt = Math.abs(y - 45) <= STROKE / 2 - 0.5 && x > body.left && x < body.right;
  const inClasp = roundedRectDistance(x, y, clasp) <= 0;
  return inBodyStroke || inHandleStroke || inBelt || inClasp;
}

function coverage(px, py) {
  let hits = 0;
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      if (ink(px + (i + 0.5) / SAMPLES, py + (j + 0.5) / SAMPLES)) hits++;
    }
  }
  return Math.round((hits / (SAMPLES * SAMPLES)) * 255);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png([r, g, b]) {
  const rowBytes = SIZE * 4;
  const raw = Buffer.alloc((rowBytes + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * (rowBytes + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      const at = y * (rowBytes + 1) + 1 + x * 4;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
      raw[at + 3] = coverage(x, y);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../src/assets/tabbar');
for (const [name, color] of Object.entries(COLORS)) {
  const file = path.join(outDir, `${name}.png`);
  const bytes = png(color);
  fs.writeFileSync(file, bytes);
  console.log(`${path.relative(process.cwd(), file)}: ${bytes.length} bytes`);
}
