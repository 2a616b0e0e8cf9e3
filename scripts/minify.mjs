// Trunk post_build hook (Trunk.toml), release builds only: the wasm and JS pipeline. Trunk's own
// wasm-opt is off (index.html, data-wasm-opt="0"), so every step on the wasm happens here, once.
//
// 0. The split points (src/split.rs) go to wasm files of their own: wasm-split cuts their code out
//    of the wasm cargo linked and writes the loader script, and the rest goes through
//    wasm-bindgen again, in place of what Trunk made from the whole wasm.
// 1. The wasm-bindgen JS is minified once without mangling, so what no code uses is gone: the
//    classes of the wasm-streams exports that leptos's server_fn brings in (IntoUnderlyingSource,
//    IntoUnderlyingSink, IntoUnderlyingByteSource; the widget never streams) lose their `export`
//    first, and terser drops them.
// 2. wasm-metadce (binaryen) removes every wasm export the remaining JS does not name, with the
//    code only they reached.
// 3. wasm-opt -Oz, assuming what holds for a wasm-bindgen module (memory starts zeroed, the low
//    1 KB is never read), stripping the producers and target-features sections, and giving every
//    import, export and the import module a one- or two-letter name, applied to the JS (and the
//    split loader) as well. The JS of imports the optimized wasm no longer has goes. Each split
//    file gets the same size passes.
// 4. terser minifies the JS with mangling. Trunk's own minifier leaves the glue at 39 KB; terser
//    brings it to about 15 KB.
// 5. The stylesheet loses its comments and the spaces around punctuation (about 0.5 KB gzip): it
//    holds no string with a run of spaces or punctuation, so plain substitutions are enough.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync, rmSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== "release" || !dir) process.exit(0);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const FEATURES = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "mutable-globals", "reference-types", "multivalue"]
  .map((f) => `--enable-${f}`);

const wasmFile = path.join(dir, "wasm/phone-otp_bg.wasm");
const glueFile = path.join(dir, "wasm/phone-otp.js");
const tmp = mkdtempSync(path.join(os.tmpdir(), "phone-otp-wasm-"));

// 0. wasm-split reads the wasm cargo linked with its relocations (`--emit-relocs`, build.rs) and
//    writes the main part, wasm/split_<name>.wasm for each split point's module (and
//    wasm/chunk_<n>.wasm for code several share) and their loader script, which the main part
//    imports (it goes into the glue, step 3). wasm-bindgen keeps the table and stack pointer
//    exports the split files share (`--keep-lld-exports`).
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, "target");
const linked = path.join(targetDir, "wasm32-unknown-unknown/release/phone_otp.wasm");
const splitDir = path.join(tmp, "split");
execFileSync("wasm-split-cli", ["--target", "web", "--out-name", "phone-otp", linked, splitDir], { stdio: ["ignore", "ignore", "inherit"] });
execFileSync("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--out-dir", path.join(dir, "wasm"), "--out-name", "phone-otp", path.join(splitDir, "phone-otp.wasm")], { stdio: ["ignore", "ignore", "inherit"] });
// Each split point's module, and the chunks of code that more than one of them shares.
const chunks = readdirSync(splitDir).filter((f) => /^(split_\w+|chunk_\d+)\.wasm$/.test(f));
// The loader logs a failed load once for every task waiting on it; the widget's own warning
// names the file once (src/ui/country_popup.rs, src/ui/requests.rs), and the browser logs the
// failed request.
let splitJs = readFileSync(path.join(splitDir, "__wasm_split.js"), "utf8");
if (!/\bconsole\.error\(e\);/.test(splitJs)) throw new Error("minify.mjs: the split loader changed shape (console.error)");
splitJs = splitJs.replace(/\bconsole\.error\(e\);/, "");
// What the loader takes from the main module's exports, by name.
const shared = (/const \{([^}]*)\} = initSync/.exec(splitJs)?.[1] ?? "").split(",").map((n) => n.trim()).filter(Boolean);
if (!chunks.length || !shared.length) throw new Error("minify.mjs: wasm-split wrote no split file, or its loader changed shape");

// 1. What the glue still uses once the stream classes are gone.
let glue = readFileSync(glueFile, "utf8")
  .replace(/export class (IntoUnderlying\w+)/g, "class $1")
  // A registry nothing registers with is dead code too.
  .replace(/new FinalizationRegistry/g, "/*#__PURE__*/ new FinalizationRegistry");
glue = (await minify(glue, { module: true, compress: { passes: 2 }, mangle: false, format: { beautify: true } })).code;
const used = new Set([...glue.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]));
used.add("memory");
for (const name of shared) used.add(name);

// 2. Exports nothing in the JS names go, with what only they reached.
const graph = [{ name: "js", root: true, reaches: [...used].map((e) => `export:${e}`) }];
for (const e of used) graph.push({ name: `export:${e}`, export: e });
const importModule = /"(\.\/phone-otp_bg\.js)":\s*import0/.exec(glue)?.[1];
if (!importModule) throw new Error("minify.mjs: the wasm-bindgen glue changed shape (import module)");
const importNames = [...glue.matchAll(/^\s*(__wbg\w+|__wbindgen\w+): function/gm)].map((m) => m[1]);
for (const name of importNames) graph.push({ name: `import:${name}`, import: [importModule, name] });
// The split loaders the main module imports (`__wasm_split_load_<chunk>`).
const loaderNames = [...splitJs.matchAll(/export const (__wasm_split_load_\w+)/g)].map((m) => m[1]);
for (const name of loaderNames) graph.push({ name: `import:${name}`, import: ["./__wasm_split.js", name] });
writeFileSync(path.join(tmp, "graph.json"), JSON.stringify(graph));
execFileSync(
  bin("wasm-metadce"),
  [...FEATURES, "--graph-file", path.join(tmp, "graph.json"), wasmFile, "-o", path.join(tmp, "dce.wasm")],
  { stdio: ["ignore", "ignore", "inherit"] },
);

// 3. Size passes, then short names for imports, exports and the import module.
const mapping = JSON.parse(
  execFileSync(
    bin("wasm-opt"),
    [
      "-Oz", ...FEATURES, "--low-memory-unused", "--zero-filled-memory",
      "--minify-imports-and-exports-and-modules", "--strip-producers", "--strip-target-features",
      path.join(tmp, "dce.wasm"), "-o", wasmFile,
    ],
    { encoding: "utf8", maxBuffer: 16 << 20 },
  ),
);
// Each chunk: the same size passes (its imports are the main module's memory, table and stack
// pointer, under the names the loader gives them).
for (const chunk of chunks) {
  execFileSync(
    bin("wasm-opt"),
    ["-Oz", ...FEATURES, "--strip-producers", "--strip-target-features", "--strip-debug",
      path.join(splitDir, chunk), "-o", path.join(dir, "wasm", chunk)],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
}
rmSync(tmp, { recursive: true });
const shortImport = new Map(mapping.imports.map(([, name, short]) => [name, short]));
const shortExport = new Map(mapping.exports.map(([name, short]) => [name, short]));
const modules = new Set(mapping.imports.map(([, , , mod]) => mod).filter(Boolean));
// The pass names the module too ("a"); all imports share the one module.
const moduleName = [...modules][0] ?? "a";
// Imports the optimized wasm no longer has: their JS goes too.
glue = withoutImports(glue, new Set(importNames.filter((name) => !shortImport.has(name))));
glue = glue
  .replace(/^(\s*)(__wbg\w+|__wbindgen\w+): function/gm, (all, space, name) => {
    const short = shortImport.get(name);
    if (!short) throw new Error(`minify.mjs: import ${name} has no short name`);
    return `${space}${JSON.stringify(short)}: function`;
  })
  .replace(/"\.\/phone-otp_bg\.js":\s*import0/, `${JSON.stringify(moduleName)}: import0`)
  // The loaders join the one import module, and the glue: it holds them (below).
  // (wasm-bindgen may import the loader module more than once, each under its own name).
  .replace(/,?\s*"\.\/__wasm_split\.js":\s*import\d+/g, "")
  .replace(/^import \* as import\d+ from "\.\/__wasm_split\.js";?\n/gm, "")
  .replace(/const import0 = \{/, (all) => all + loaderNames.map((name) => {
    const short = shortImport.get(name);
    if (!short) throw new Error(`minify.mjs: import ${name} has no short name`);
    return `${JSON.stringify(short)}: ${name},`;
  }).join(""))
  .replace(/\bwasm\.(\w+)/g, (all, name) => {
    const short = shortExport.get(name);
    if (!short) throw new Error(`minify.mjs: export ${name} has no short name`);
    return `wasm[${JSON.stringify(short)}]`;
  });
if (/__wasm_split\.js/.test(glue)) throw new Error("minify.mjs: the glue still imports the split loader");
// The split loader, inside the glue rather than a module of its own to fetch: it takes the main
// module's exports (by their short names) from the glue's own initSync.
const loader = splitJs
  .replace(/^import \{ initSync \} from "[^"]*";?\n/m, "")
  .replace(/^export const /gm, "const ")
  .replace(/const \{([^}]*)\} = initSync/, () =>
    `const { ${shared.map((name) => `${JSON.stringify(shortExport.get(name) ?? name)}: ${name}`).join(", ")} } = initSync`);
if (/^import|^export/m.test(loader)) throw new Error("minify.mjs: the split loader changed shape");
writeFileSync(glueFile, `${glue}\n${loader}`);

// 4. Every script the script tag loads, minified and mangled.
for (const name of ["phone-otp.js", "element.js", "wasm/phone-otp.js"]) {
  const file = path.join(dir, name);
  const { code } = await minify(readFileSync(file, "utf8"), {
    module: true,
    compress: { passes: 2 },
    mangle: true,
  });
  writeFileSync(file, code);
}

// 5. The stylesheet, without comments and the spaces that do not matter.
const cssFile = path.join(dir, "phone-otp.css");
writeFileSync(
  cssFile,
  readFileSync(cssFile, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim(),
);

/** `glue` without the import functions named in `names` (properties of the `import0` object). */
function withoutImports(glue, names) {
  const start = glue.indexOf("const import0 = {");
  if (start < 0) throw new Error("minify.mjs: the wasm-bindgen glue changed shape (import0)");
  let out = glue.slice(0, start);
  let at = start;
  // Properties are `name: function(…) {…},` at one indentation; the body ends at the brace that
  // closes the function, found by counting braces outside strings.
  const property = /^(\s*)(__wbg\w+|__wbindgen\w+): function/gm;
  property.lastIndex = start;
  for (let m; (m = property.exec(glue)); ) {
    if (!names.has(m[2])) continue;
    const end = closingBrace(glue, glue.indexOf("{", m.index + m[0].length));
    let stop = end + 1;
    if (glue[stop] === ",") stop++;
    out += glue.slice(at, m.index);
    at = stop;
    property.lastIndex = stop;
  }
  return out + glue.slice(at);
}

function closingBrace(text, open) {
  let depth = 0;
  let quote = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  throw new Error("minify.mjs: unbalanced braces in the wasm-bindgen glue");
}
