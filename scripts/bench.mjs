// Measures both pages of scripts/bench in one headless Chromium, alternating, and writes a
// Markdown table with the ratios ours/theirs. Usage: node bench.mjs SITE DEVSERVER REPORT
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { chromium } from "playwright-core";

const [site, devserver, report] = process.argv.slice(2);
const LOADS = 20;
// The release wasm's stack size (build.rs).
const STACK = Number(/stack-size=(\d+)/.exec(readFileSync(new URL("../build.rs", import.meta.url), "utf8"))?.[1] ?? 1048576);
const KEYS = 200;

// Cross-origin isolated pages (COOP + COEP), so performance.now() has 5 µs resolution rather
// than 100 µs: a keystroke takes about that long.
const isolation = ["--header", "Cross-Origin-Opener-Policy: same-origin", "--header", "Cross-Origin-Embedder-Policy: require-corp"];
const server = spawn(devserver, ["--dev", "--port", "0", "--static", site, ...isolation], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve) => {
  let out = "";
  server.stdout.on("data", (d) => {
    out += d;
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
});
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--enable-precise-memory-info"],
});

const PAGES = {
  ours: { path: "/ours.html", input: () => document.querySelector("phone-otp")?.shadowRoot?.querySelector("input[type=tel]") },
  theirs: { path: "/iti.html", input: () => window.iti && document.getElementById("phone") },
};

async function load(which) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
  await page.goto(url + PAGES[which].path, { waitUntil: "commit" });
  await page.waitForFunction(PAGES[which].input, null, { polling: "raf" });
  const interactive = await page.evaluate(() => performance.now());
  await page.waitForLoadState("networkidle");
  return { context, page, cdp, bytes, interactive };
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
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length * 0.95)]; };

const results = {
  ours: { bytes: [], interactive: [], keys: [], heap: [], wasm: [] },
  theirs: { bytes: [], interactive: [], keys: [], heap: [], wasm: [] },
};
for (let i = 0; i < LOADS; i++) {
  for (const which of i % 2 ? ["theirs", "ours"] : ["ours", "theirs"]) {
    const { context, page, cdp, bytes, interactive } = await load(which);
    results[which].bytes.push(bytes);
    results[which].interactive.push(interactive);
    if (i === 0) results[which].keys = await keystrokes(page, which);
    if (i === 0 && which === "ours") {
      // A full flow before measuring memory: send, read the code, verify.
      const phone = "+60182258491";
      await page.getByLabel("Phone number").fill(phone);
      await page.getByRole("button", { name: "Send code" }).click();
      const outbox = await (await fetch(`${url}/__dev/outbox`)).json();
      const code = outbox.filter((m) => m.phone === phone).at(-1)?.code;
      await page.locator("input[autocomplete=one-time-code]").fill(code);
      await page.locator(".phone-otp[data-state=verified]").waitFor();
    }
    if (i === 0) {
      await cdp.send("HeapProfiler.collectGarbage");
      const { usedSize } = await cdp.send("Runtime.getHeapUsage");
      results[which].heap.push(usedSize);
      // The wasm's linear memory: the glue's init() hands back the running instance's exports.
      // The stack sits first in memory and grows down from STACK toward 0 through zeroed pages,
      // so the lowest non-zero byte marks the deepest the flow went.
      const memory = which === "ours"
        ? await page.evaluate(async () => {
          const bytes = new Uint8Array((await (await import("/ours/wasm/phone-otp.js")).default()).memory.buffer);
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
server.kill();

/** What each page loads for its phone field, each file gzip -9 on its own (the server sends them raw). */
const gzipped = (files) => files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(site, f)), { level: 9 }).length, 0);
const gz = {
  ours: gzipped(["ours/phone-otp.js", "ours/element.js", "ours/wasm/phone-otp.js", "ours/wasm/phone-otp_bg.wasm", "ours/phone-otp.css"]),
  theirs: gzipped(["iti/js/intlTelInputWithUtils.min.js", "iti/css/intlTelInput.min.css"]),
};
const fmt = (n, unit) => unit === "B" ? `${(n / 1024).toFixed(1)} KB` : `${n.toFixed(unit === "ms" ? 1 : 3)} ms`;
const rows = [
  ["bytes transferred, uncompressed (median of 20)", median(results.ours.bytes), median(results.theirs.bytes), "B"],
  ["the same files gzip -9", gz.ours, gz.theirs, "B"],
  ["navigation start → interactive phone input, median", median(results.ours.interactive), median(results.theirs.interactive), "ms"],
  ["navigation start → interactive phone input, p95", p95(results.ours.interactive), p95(results.theirs.interactive), "ms"],
  ["keystroke → field value, median of 200", median(results.ours.keys), median(results.theirs.keys), "µs"],
  ["keystroke → field value, p95 of 200", p95(results.ours.keys), p95(results.theirs.keys), "µs"],
  ["JS heap after the page's flow (after GC)", results.ours.heap[0], results.theirs.heap[0], "B"],
  ["wasm linear memory after the flow", results.ours.wasm[0], results.theirs.wasm[0], "B"],
  ["JS heap + wasm memory", results.ours.heap[0] + results.ours.wasm[0], results.theirs.heap[0] + results.theirs.wasm[0], "B"],
];
const lines = [
  "# phone-otp vs intl-tel-input 29.5.1 (with utils)",
  "",
  `Headless Chromium, one local server, ${LOADS} alternating loads each, cache disabled. ${new Date().toISOString()}`,
  "",
  "| metric | phone-otp | intl-tel-input | ours/theirs |",
  "|---|---|---|---|",
  ...rows.map(([name, a, b, unit]) => `| ${name} | ${fmt(a, unit)} | ${fmt(b, unit)} | ${b ? (a / b).toFixed(2) : "n/a"} |`),
  "",
  "Notes: both format as you type, Malaysia selected, the same 9 digits typed over and over; the",
  "keystroke row is the time from the input event to the formatted value (phone-otp: caret logic,",
  "formatting and the flow step). intl-tel-input has no wasm. phone-otp's flow (send, verify) ran",
  "before its memory was read; intl-tel-input's flow is typing a number.",
  `The flow's deepest wasm stack was ${results.ours.stack} B of the ${STACK} B reserved.`,
];
mkdirSync(path.dirname(report), { recursive: true });
writeFileSync(report, lines.join("\n") + "\n");
