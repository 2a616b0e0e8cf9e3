// Measures the pages of scripts/bench in one headless Chromium, alternating, and writes a
// Markdown table with the ratios ours/theirs. Usage: node bench.mjs SITE DEVSERVER REPORT
//
// The pages are served by a small server here that sends each file compressed as a CDN would:
// brotli (quality 11) when the browser asks for it, else gzip -9, with Content-Encoding; /api and
// /__dev go to the devserver. Each page is loaded unthrottled and under a throttled mobile
// profile (Chromium's network emulation at 1.6 Mbps down, 750 kbps up, 150 ms RTT, and a 4x CPU
// slowdown). intl-tel-input is measured twice: with its default flags (flags.webp) and with
// `showFlags: false`.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import http from "node:http";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import path from "node:path";
import { chromium } from "playwright-core";
import { FIRST_LOAD, onTheWay } from "./bundle.mjs";

const [site, devserver, report] = process.argv.slice(2);
const LOADS = Number(process.env.BENCH_LOADS ?? 8);
// The release wasm's stack size (build.rs).
const STACK = Number(/stack-size=(\d+)/.exec(readFileSync(new URL("../build.rs", import.meta.url), "utf8"))?.[1] ?? 1048576);
const KEYS = 200;
const THROTTLED = { latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8), cpu: 4 };

const api = spawn(devserver, ["--dev", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const apiUrl = await new Promise((resolve) => {
  let out = "";
  api.stdout.on("data", (d) => {
    out += d;
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
});
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".txt": "text/plain", ".webp": "image/webp", ".png": "image/png", ".svg": "image/svg+xml" };
const cache = new Map();
function encoded(file, encoding) {
  const key = `${encoding}:${file}`;
  if (!cache.has(key)) {
    const raw = readFileSync(file);
    cache.set(key, encoding === "br"
      ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : gzipSync(raw, { level: 9 }));
  }
  return cache.get(key);
}
const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url, "http://x");
  if (pathname.startsWith("/api") || pathname.startsWith("/__dev")) {
    const proxied = http.request(apiUrl + req.url, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    req.pipe(proxied);
    return;
  }
  const file = path.join(site, path.normalize(pathname));
  if (!file.startsWith(site) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  const type = TYPES[path.extname(file)] ?? "application/octet-stream";
  const accepts = req.headers["accept-encoding"] ?? "";
  // Images are compressed already.
  const encoding = type.startsWith("image/") ? null : /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
  const body = encoding ? encoded(file, encoding) : readFileSync(file);
  res.writeHead(200, {
    "content-type": type,
    ...(encoding ? { "content-encoding": encoding, vary: "accept-encoding" } : {}),
    // Cross-origin isolated pages (COOP + COEP), so performance.now() has 5 µs resolution.
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-embedder-policy": "require-corp",
    "cache-control": "no-store",
  });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--enable-precise-memory-info"],
});

const PAGES = {
  // `input`: a phone field on screen that takes typing (ours: the skeleton phone-otp.js paints,
  // shown once its stylesheet is in, then the widget); `ready`: the whole widget (ours: mounted,
  // its Send code button there, and formatting: the selected country's calling code's file in).
  ours: {
    path: "/ours.html",
    input: () => [document.querySelector("phone-otp")?.shadowRoot?.querySelector("input[type=tel]")].find((i) => i?.checkVisibility()),
    ready: () =>
      document.querySelector("phone-otp")?.shadowRoot?.querySelector("[part~=send]") &&
      performance.getEntriesByType("resource").some((e) => e.name.includes("/phone/cc/")),
  },
  theirs: { path: "/iti.html", input: () => window.iti && document.getElementById("phone") },
  noflags: { path: "/iti-noflags.html", input: () => window.iti && document.getElementById("phone") },
};
const NAMES = Object.keys(PAGES);

async function load(which, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttle) {
    const { cpu, ...network } = throttle;
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  }
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
  await page.goto(url + PAGES[which].path, { waitUntil: "commit" });
  await page.waitForFunction(PAGES[which].input, null, { polling: "raf", timeout: 60_000 });
  const interactive = await page.evaluate(() => performance.now());
  await page.waitForFunction(PAGES[which].ready ?? PAGES[which].input, null, { polling: "raf", timeout: 60_000 });
  const ready = await page.evaluate(() => performance.now());
  await page.waitForLoadState("networkidle");
  return { context, page, cdp, bytes, interactive, ready };
}

/** Time from an input event to the field's new value, per keystroke, in the page. */
async function keystrokes(page, which) {
  return page.evaluate(async ({ fn, keys }) => {
    const input = new Function(`return (${fn})()`)();
    const digits = "182258491";
    const times = [];
    for (let i = 0; i < keys; i++) {
      if (i % digits.length === 0) { input.value = ""; input.dispatchEvent(new Event("input", { bubbles: true })); }
      const t0 = performance.now();
      input.value += digits[i % digits.length];
      input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: digits[i % digits.length] }));
      await Promise.resolve();
      times.push(performance.now() - t0);
    }
    return times;
  }, { fn: PAGES[which].input.toString(), keys: KEYS });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };

const results = Object.fromEntries(NAMES.map((n) => [n, { bytes: [], interactive: [], slow: [], slowReady: [], slowBytes: [], keys: [], heap: [], wasm: [] }]));
for (let i = 0; i < LOADS; i++) {
  const order = i % 2 ? [...NAMES].reverse() : NAMES;
  for (const which of order) {
    // Throttled first: the mobile profile is what the issue is about.
    const slow = await load(which, THROTTLED);
    results[which].slow.push(slow.interactive);
    results[which].slowReady.push(slow.ready);
    results[which].slowBytes.push(slow.bytes);
    await slow.context.close();

    const { context, page, cdp, bytes, interactive } = await load(which, null);
    results[which].bytes.push(bytes);
    results[which].interactive.push(interactive);
    if (i === 0) results[which].keys = await keystrokes(page, which);
    if (i === 0 && which === "ours") {
      // A full flow before measuring memory: send, read the code, verify.
      const phone = "+60182258491";
      await page.getByLabel("Phone number").fill(phone);
      await page.getByRole("button", { name: "Send code" }).click();
      await page.locator("input[autocomplete=one-time-code]").waitFor();
      const outbox = await (await fetch(`${url}/__dev/outbox`)).json();
      const code = outbox.filter((m) => m.phone === phone).at(-1)?.code;
      await page.locator("input[autocomplete=one-time-code]").fill(code);
      await page.locator(".phone-otp[data-state=verified]").waitFor();
    }
    if (i === 0) {
      await cdp.send("HeapProfiler.collectGarbage");
      const { usedSize } = await cdp.send("Runtime.getHeapUsage");
      results[which].heap.push(usedSize);
      // The wasm's linear memory: the glue's init() hands back the running instance's exports
      // (their names are minified: the memory is the one that is a WebAssembly.Memory). The
      // stack sits first in memory and grows down from STACK toward 0 through zeroed pages, so
      // the lowest non-zero byte marks the deepest the flow went.
      const memory = which === "ours"
        ? await page.evaluate(async () => {
          const exports = await (await import("/ours/wasm/phone-otp.js")).default();
          const mem = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
          const bytes = new Uint8Array(mem.buffer);
          return { size: bytes.length, lowest: bytes.findIndex((b) => b !== 0) };
        })
        : { size: 0, lowest: STACK };
      results[which].wasm.push(memory.size);
      results[which].stack = STACK - memory.lowest;
    }
    await context.close();
  }
}
await browser.close();
server.close();
api.kill();

/** Each file compressed on its own, as the server above sends it. */
const sizeOf = (files) => files.reduce((t, f) => {
  const file = path.join(site, f);
  if (!existsSync(file)) return t;
  const image = /\.(webp|png)$/.test(f);
  return {
    gzip: t.gzip + (image ? statSync(file).size : encoded(file, "gzip").length),
    br: t.br + (image ? statSync(file).size : encoded(file, "br").length),
  };
}, { gzip: 0, br: 0 });
const ITI = ["iti/js/intlTelInputWithUtils.min.js", "iti/css/intlTelInput.min.css"];
const first = {
  ours: sizeOf(FIRST_LOAD.map((f) => `ours/${f}`)),
  theirs: sizeOf([...ITI, "iti/img/flags.webp"]),
  noflags: sizeOf(ITI),
};
const complete = {
  ours: sizeOf([...FIRST_LOAD, ...onTheWay(path.join(site, "ours"))].map((f) => `ours/${f}`)),
  theirs: first.theirs,
  noflags: first.noflags,
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(0)} ms`;
const us = (n) => `${(n * 1000).toFixed(0)} µs`;
const rows = [
  ["first load, gzip (files the page loads before input)", first, (r) => r.gzip, kb],
  ["first load, brotli", first, (r) => r.br, kb],
  ["complete verification, gzip (+ data files fetched on the way)", complete, (r) => r.gzip, kb],
  ["complete verification, brotli", complete, (r) => r.br, kb],
  ["bytes transferred, brotli served (median)", Object.fromEntries(NAMES.map((n) => [n, median(results[n].bytes)])), (x) => x, kb],
  ["throttled: navigation → interactive phone input, median", Object.fromEntries(NAMES.map((n) => [n, median(results[n].slow)])), (x) => x, ms],
  ["throttled: navigation → interactive phone input, p95", Object.fromEntries(NAMES.map((n) => [n, p95(results[n].slow)])), (x) => x, ms],
  ["throttled: navigation → whole widget (formats, Send code), median", Object.fromEntries(NAMES.map((n) => [n, median(results[n].slowReady)])), (x) => x, ms],
  ["unthrottled: navigation → interactive phone input, median", Object.fromEntries(NAMES.map((n) => [n, median(results[n].interactive)])), (x) => x, ms],
  ["unthrottled: navigation → interactive phone input, p95", Object.fromEntries(NAMES.map((n) => [n, p95(results[n].interactive)])), (x) => x, ms],
  ["keystroke → field value, median of 200", Object.fromEntries(NAMES.map((n) => [n, median(results[n].keys)])), (x) => x, us],
  ["keystroke → field value, p95 of 200", Object.fromEntries(NAMES.map((n) => [n, p95(results[n].keys)])), (x) => x, us],
  ["JS heap + wasm memory after the flow (after GC)", Object.fromEntries(NAMES.map((n) => [n, results[n].heap[0] + results[n].wasm[0]])), (x) => x, kb],
];
const ratio = (a, b) => (b ? (a / b).toFixed(2) : "n/a");
const lines = [
  "# phone-otp vs intl-tel-input 29.5 (with utils)",
  "",
  `Headless Chromium, one local server sending brotli (or gzip) with Content-Encoding, ${LOADS} alternating loads of each page in each profile, cache disabled. Throttled: 1.6 Mbps down, 750 kbps up, 150 ms RTT, 4x CPU slowdown. ${new Date().toISOString()}`,
  "",
  "| metric | phone-otp | intl-tel-input (flags) | intl-tel-input (showFlags: false) | ours/flags | ours/no flags |",
  "|---|---|---|---|---|---|",
  ...rows.map(([name, values, pick, f]) => {
    const [a, b, c] = NAMES.map((n) => pick(values[n]));
    return `| ${name} | ${f(a)} | ${f(b)} | ${f(c)} | ${ratio(a, b)} | ${ratio(a, c)} |`;
  }),
  "",
  "Notes: all three format as you type, Malaysia selected, the same 9 digits typed over and over; the",
  "keystroke row is the time from the input event to the formatted value (phone-otp: caret logic,",
  "formatting and the flow step). intl-tel-input has no wasm. phone-otp's flow (send, verify) ran",
  "before its memory was read; intl-tel-input's flow is typing a number. First-load and complete",
  "figures are each file compressed on its own (flags.webp as it ships). phone-otp's phone input is",
  "first the skeleton phone-otp.js paints (it takes typing, which the widget keeps once mounted);",
  "the whole-widget row is when the widget itself has mounted and its selected country's formats are in (intl-tel-input: the same moment as its input).",
  `The flow's deepest wasm stack was ${results.ours.stack} B of the ${STACK} B reserved.`,
];
mkdirSync(path.dirname(report), { recursive: true });
writeFileSync(report, lines.join("\n") + "\n");
