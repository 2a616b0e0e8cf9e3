// Shared by the end-to-end tests: starts the real devserver on a free port, serving the release
// build, and launches Debian's headless Chromium through playwright-core.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Starts `devserver --dev --port 0 --static <dist> [args]`; resolves to { url, log, stop }. */
export async function startServer({ dist = process.env.PHONE_OTP_DIST ?? path.join(root, "dist"), dev = true, headers = [], args: extra = [] } = {}) {
  const bin = process.env.DEVSERVER_BIN ?? path.join(root, "target/debug/devserver");
  const args = ["--port", "0", "--static", dist, ...(dev ? ["--dev"] : []), ...headers.flatMap((h) => ["--header", h]), ...extra];
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  const log = [];
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`devserver did not start: ${log.join("")}`)), 10_000);
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`devserver exited with ${code}: ${log.join("")}`)));
    child.stderr.on("data", (d) => log.push(d.toString()));
    child.stdout.on("data", (d) => {
      log.push(d.toString());
      const m = /listening on (http:\/\/\S+)/.exec(log.join(""));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  return {
    url,
    log,
    async outbox() {
      const res = await fetch(`${url}/__dev/outbox`);
      return res.json();
    },
    /** The newest code sent to `phone`, waiting for it to arrive. */
    async codeFor(phone) {
      const code = await eventually(async () => (await this.outbox()).filter((m) => m.phone === phone).at(-1)?.code);
      if (!code) throw new Error(`no code for ${phone}`);
      return code;
    },
    /** Queues a fault for the next API requests (devserver dev mode, POST /__dev/faults). */
    async fault(f) {
      const res = await fetch(`${url}/__dev/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(f),
      });
      if (res.status !== 204) throw new Error(`fault refused: ${res.status}`);
    },
    async clearFaults() {
      await fetch(`${url}/__dev/faults`, { method: "DELETE" });
    },
    async advanceClock(seconds) {
      await fetch(`${url}/__dev/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ advance: seconds }),
      });
    },
    stop() {
      child.removeAllListeners("exit");
      child.kill();
    },
  };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/**
 * Headless Chromium. Its pages' `goto` and `reload` resolve once every `<phone-otp>` of the page
 * has replaced the skeleton phone-otp.js paints before the wasm arrives, or after 5 s (tests/e2e/paint.test.mjs
 * is about that skeleton), so a test acts on the widget itself, as it did before the skeleton
 * existed; `launch({ skeleton: true })` leaves them as Playwright has them.
 */
export async function launch({ skeleton = false } = {}) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  if (!skeleton) {
    const pages = (opener) => {
      const open = opener.newPage.bind(opener);
      opener.newPage = async (...args) => mountedOnLoad(await open(...args));
    };
    pages(browser);
    const context = browser.newContext.bind(browser);
    browser.newContext = async (...args) => {
      const made = await context(...args);
      pages(made);
      return made;
    };
  }
  return browser;
}

const SKELETONS_GONE = () => ![...document.querySelectorAll("phone-otp")].some((el) => el.shadowRoot?.querySelector("[data-skeleton]"));

function mountedOnLoad(page) {
  for (const name of ["goto", "reload"]) {
    const navigate = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await navigate(...args);
      // Bounded: on a page where the wasm cannot load (a CSP without 'wasm-unsafe-eval') the
      // skeleton stays, and the test goes on with it.
      await page.waitForFunction(SKELETONS_GONE, null, { timeout: 5000 }).catch(() => {});
      return response;
    };
  }
  return page;
}

/** A fresh page that fails the test on any page error or console error. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The browser itself logs every 4xx as "Failed to load resource"; a wrong code is one.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  await page.goto(url);
  return { page, errors };
}

/**
 * Calls `check` (sync or async) until it returns something truthy, every `interval` ms, and
 * resolves to that; after `timeout` ms it resolves to the last (falsy) result, so the caller's own
 * assertion says what was missing. The one poll of these tests, for what lives outside the page
 * (the devserver's outbox, console messages collected in a list); inside it, `locator.waitFor`
 * and `page.waitForFunction` poll the same way.
 */
export async function eventually(check, { timeout = 5000, interval = 20 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Resolves to whether `locator`'s element has the focus in its root within `ms`: the widget moves
 * focus in a requestAnimationFrame after the event, so a check made at once can run before it.
 */
export async function focused(locator, ms = 2000) {
  const has = () => locator.evaluate((el) => el === el.getRootNode().activeElement);
  return eventually(has, { timeout: ms });
}

let markers = 0;
/**
 * Resolves once every request the page started before the call has been reported by
 * `page.on("request")`: the page fetches a marker URL in a task of its own, which runs after the
 * task and microtasks of the last input (where the widget starts its fetches), and the browser
 * reports requests in the order they are made. How a test shows a request was NOT sent without a
 * fixed sleep: collect the requests, act, `await flushed(page)`, assert. (A request the page would
 * start from a timer still to come is not covered; the widget only does that for its retries.)
 */
export async function flushed(page) {
  const marker = `/?phone-otp-e2e-flushed=${++markers}`;
  const seen = page.waitForRequest((r) => r.url().endsWith(marker));
  await page.evaluate((url) => {
    fetch(url, { method: "HEAD" }).catch(() => {});
  }, marker);
  await seen;
}

/** The `+` and digits of what a phone field shows ("+60 18 225 8491" → "+60182258491"). */
export const digitsOf = (text) => text.replace(/[^+\d]/g, "");

/** A unique Malaysian mobile number per call, so tests never share a rate limit. */
let serial = 0;
export function freshPhone() {
  serial += 1;
  return `+6012${String(process.pid % 1000).padStart(3, "0")}${String(serial).padStart(4, "0")}`;
}

/**
 * A copy of the release build in a temporary folder, with one extra page per entry of `pages`
 * ({ "name.html": 'endpoint="/api/x" dialect="x"' }): the demo page with those attributes on its
 * <phone-otp>. Returns the folder, for startServer({ dist }).
 */
export function distWithPages(pages) {
  const dist = process.env.PHONE_OTP_DIST ?? path.join(root, "dist");
  const dir = mkdtempSync(path.join(os.tmpdir(), "phone-otp-e2e-"));
  cpSync(dist, dir, { recursive: true });
  const index = readFileSync(path.join(dist, "index.html"), "utf8");
  for (const [name, attrs] of Object.entries(pages)) {
    const page = index.replace(/<phone-otp[^>]*>/, `<phone-otp ${attrs}>`);
    if (page === index && !index.includes(`<phone-otp ${attrs}>`)) throw new Error("no <phone-otp> in index.html");
    writeFileSync(path.join(dir, name), page);
  }
  return dir;
}

/**
 * The five dialects as the e2e tests use them against the devserver: the element's attributes,
 * where the send and the verify go (prefixes for fault injection), and whether the dialect reports
 * the attempts left.
 */
export const DIALECTS = {
  native: { attrs: 'endpoint="/api"', send: "/api/send", verify: "/api/verify", countsAttempts: true },
  idmeta: {
    attrs: 'endpoint="/api/idmeta" dialect="idmeta" trust-flow-id="7" trust-validation-id="tv-e2e"',
    send: "/api/idmeta/api/v3/verifications/phone-verification/send",
    verify: "/api/idmeta/api/v3/verifications/phone-verification/verify",
  },
  verifik: {
    attrs: 'endpoint="/api/verifik" dialect="verifik" project="p-e2e" gateway="sms"',
    send: "/api/verifik/v2/phone-validations",
    verify: "/api/verifik/v2/phone-validations/validate",
  },
  "otp-service": {
    attrs: 'endpoint="/api/otp-service" dialect="otp-service"',
    send: "/api/otp-service/v1/messaging/otp/request",
    verify: "/api/otp-service/v1/messaging/otp/verify",
  },
  verifyhq: {
    attrs: 'endpoint="/api/verifyhq" dialect="verifyhq" user-id="user_123"',
    send: "/api/verifyhq/v1/verifications/phone",
    verify: "/api/verifyhq/v1/verifications/phone/",
    countsAttempts: true,
  },
};

/** One page per dialect (`<dialect>.html`), plus the same with `extra` attributes as `<dialect>-<suffix>.html`. */
export function dialectPages(extra = {}) {
  const pages = {};
  for (const [d, { attrs }] of Object.entries(DIALECTS)) {
    pages[`${d}.html`] = attrs;
    for (const [suffix, more] of Object.entries(extra)) pages[`${d}-${suffix}.html`] = `${attrs} ${more}`;
  }
  return pages;
}
