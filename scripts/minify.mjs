// Trunk post_build hook (Trunk.toml), release builds only:
// - drops the wasm exports that leptos's server_fn brings in through wasm-streams
//   (IntoUnderlyingSource, IntoUnderlyingSink, IntoUnderlyingByteSource): the widget never
//   streams, but #[wasm_bindgen] exports are roots the linker and wasm-opt must keep. Without
//   them wasm-opt removes their code: about 6 KB of wasm (1.5 KB gzip). Their JS classes lose
//   their `export` too, so terser drops them as unused.
// - minifies the wasm-bindgen JS with terser. Trunk's own minifier leaves it at 39 KB; terser
//   brings it to about 17 KB (5.4 KB gzip), which every page that loads the widget pays for.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== "release" || !dir) process.exit(0);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Unsigned LEB128 read at `bytes[at]`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, at];
  }
}
function lebBytes(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

/** `wasm` without the exports whose names `drop` matches. */
function withoutExports(wasm, drop) {
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  let dropped = 0;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + size;
    if (id !== 7) {
      parts.push(wasm.subarray(at, end));
    } else {
      let [count, p] = leb(wasm, start);
      const kept = [];
      for (let i = 0; i < count; i++) {
        const entryStart = p;
        const [len, nameAt] = leb(wasm, p);
        const name = new TextDecoder().decode(wasm.subarray(nameAt, nameAt + len));
        p = leb(wasm, nameAt + len + 1)[1];
        if (drop.test(name)) dropped++;
        else kept.push(wasm.subarray(entryStart, p));
      }
      const body = Buffer.concat([Buffer.from(lebBytes(kept.length)), ...kept]);
      parts.push(Buffer.from([7, ...lebBytes(body.length)]), body);
    }
    at = end;
  }
  return [Buffer.concat(parts), dropped];
}

const wasmFile = path.join(dir, "wasm/phone-otp_bg.wasm");
const [stripped, dropped] = withoutExports(readFileSync(wasmFile), /intounderlying/);
if (dropped) {
  writeFileSync(wasmFile, stripped);
  const features = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "mutable-globals", "reference-types", "multivalue"];
  execFileSync(
    path.join(root, "node_modules/.bin/wasm-opt"),
    ["-Oz", ...features.map((f) => `--enable-${f}`), wasmFile, "-o", wasmFile],
    { stdio: "inherit" },
  );
}

for (const name of ["phone-otp.js", "element.js", "wasm/phone-otp.js"]) {
  const file = path.join(dir, name);
  let source = readFileSync(file, "utf8");
  if (dropped) source = source.replace(/export class (IntoUnderlying\w+)/g, "class $1");
  const { code } = await minify(source, {
    module: true,
    compress: { passes: 2 },
    mangle: true,
  });
  writeFileSync(file, code);
}
