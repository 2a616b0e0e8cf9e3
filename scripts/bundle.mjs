// The bundle's files, in one list that scripts/test, scripts/package, scripts/bench and the e2e
// harness read, and the size line of scripts/test.
//
//   node scripts/bundle.mjs size DIST [--ceiling-gzip N] [--ceiling-complete-gzip N]
//
// prints the size line (each file compressed on its own, `gzip -9` and brotli -q 11, as a server
// sends them) and exits 1 when a figure is over its ceiling.
import { readFileSync, existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

/** What `<script type="module" src="phone-otp.js">` loads before the person interacts. */
export const FIRST_LOAD = [
  "phone-otp.js",
  "element.js",
  "wasm/phone-otp.js",
  "wasm/phone-otp_bg.wasm",
  "phone-otp.css",
];

/**
 * Code cut out of the wasm (src/split.rs) and fetched when the person first needs it: the
 * country list when it opens (`split_popup`), the requests as a number is typed
 * (`split_requests`), and the chunks they share (`chunk_<n>`, named by wasm-split). Counted in a
 * complete verification, as if the person opened the list.
 */
export function lazy(dist) {
  const dir = path.join(dist, "wasm");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^(split_\w+|chunk_\d+)\.wasm$/.test(f))
    .sort()
    .map((f) => `wasm/${f}`);
}

/**
 * Data fetched beside the wasm on the way to a verification (an English page needs no catalog):
 * the phone metadata (regions, calling codes, prefixes, lengths), at mount. Counted when present.
 */
export const DATA = ["phone/metadata.txt"];

/**
 * The formats and validation patterns of each calling code (`phone/cc/<code>.txt`), fetched when a
 * widget first needs that calling code: the selected country's at mount.
 */
export function callingCodes(dist) {
  const dir = path.join(dist, "phone", "cc");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+\.txt$/.test(f))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
    .map((f) => `phone/cc/${f}`);
}

/**
 * A verification needs one calling code's file (each country switched to adds its own): the
 * complete figure counts the largest, +1's, so that no country's verification weighs more.
 */
export function largestCallingCode(dist) {
  let largest = null;
  let size = -1;
  for (const f of callingCodes(dist)) {
    const gzip = measure(path.join(dist, f)).gzip;
    if (gzip > size) [largest, size] = [f, gzip];
  }
  return largest ? [largest] : [];
}

/** Every file of the bundle in `dist` that is not a page: what the npm package ships, besides its own. */
export const files = (dist) => [...FIRST_LOAD, ...lazy(dist), ...DATA, ...callingCodes(dist)];

/** What a complete verification fetches after the first load (see `lazy` and `largestCallingCode`). */
export const onTheWay = (dist) => [...lazy(dist), ...DATA, ...largestCallingCode(dist)];

/** `{ raw, gzip, brotli }` bytes of one file, compressed on its own. */
export function measure(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    // GNU gzip, as the figures before this line were measured (zlib's level 9 is about 1% larger).
    gzip: execFileSync("gzip", ["-9c", file], { maxBuffer: 64 << 20 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/** Sizes of the first load and of a complete verification, from a built `dist`. */
export function sizes(dist) {
  const sum = (files) =>
    files.reduce(
      (t, f) => {
        const m = measure(path.join(dist, f));
        return { raw: t.raw + m.raw, gzip: t.gzip + m.gzip, brotli: t.brotli + m.brotli };
      },
      { raw: 0, gzip: 0, brotli: 0 },
    );
  const data = onTheWay(dist).filter((f) => existsSync(path.join(dist, f)));
  const wasm = sum(["wasm/phone-otp_bg.wasm"]);
  const js = sum(FIRST_LOAD.filter((f) => f.endsWith(".js")));
  const css = sum(["phone-otp.css"]);
  const first = sum(FIRST_LOAD);
  const extra = sum(data);
  return {
    wasm, js, css, first, data, extra,
    complete: { raw: first.raw + extra.raw, gzip: first.gzip + extra.gzip, brotli: first.brotli + extra.brotli },
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "size") {
  const dist = process.argv[3];
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : Infinity;
  };
  const s = sizes(dist);
  const part = (name, m) => `${name} ${m.raw} B (${m.gzip} B gz, ${m.brotli} B br)`;
  let line =
    `size: first load ${s.first.gzip} B gz (${kb(s.first.gzip)}) / ${s.first.brotli} B br` +
    ` [${part("wasm", s.wasm)}, ${part("js", s.js)}, ${part("css", s.css)}];` +
    ` complete ${s.complete.gzip} B gz (${kb(s.complete.gzip)}) / ${s.complete.brotli} B br` +
    ` [+ ${s.data.length ? s.data.map((f) => `${f} ${measure(path.join(dist, f)).gzip} B gz${f.startsWith("phone/cc/") ? ` (the largest of ${callingCodes(dist).length} calling codes)` : ""}`).join(", ") : "no data files"}]`;
  const over = [];
  for (const [what, value, ceiling] of [
    ["first load", s.first.gzip, arg("--ceiling-gzip")],
    ["complete", s.complete.gzip, arg("--ceiling-complete-gzip")],
  ]) {
    if (value > ceiling) over.push(`${what} ${value} B gz is over the ${ceiling} B ceiling`);
  }
  for (const [what, value, budget] of [
    ["first load", s.first.gzip, arg("--budget-gzip")],
    ["complete", s.complete.gzip, arg("--budget-complete-gzip")],
  ]) {
    if (Number.isFinite(budget)) {
      line += value > budget ? `; ${what} ${value - budget} B over its ${budget} B budget` : `; ${what} within its ${budget} B budget`;
    }
  }
  console.log(line);
  for (const o of over) console.log(`size: ${o}`);
  process.exit(over.length ? 1 : 0);
}
