// The first paint before the wasm arrives: phone-otp.js gives each <phone-otp> of the page its
// shadow root with a skeleton phone step (label, hint, a number field that takes input), and the
// widget, once mounted, takes over what was typed there, the caret and the focus, without moving
// anything. The wasm is held back by the test (page.route) until it has typed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launch, freshPhone, distWithPages } from "./harness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shots = path.join(root, "target/screenshots");
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let server, browser;
before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer({
    dist: distWithPages({
      "fr.html": 'endpoint="/api" locale="fr-FR" disabled',
      "ar.html": 'endpoint="/api" locale="ar" messages=\'{"PhoneHint": "<b>Mobile</b> only"}\'',
    }),
  });
  // Pages as Playwright has them: goto does not wait for the widget to replace the skeleton.
  browser = await launch({ skeleton: true });
});
after(async () => {
  await browser?.close();
  server?.stop();
});

/**
 * A page whose wasm is held back until `release()` (or 10 s), so what the test does first happens
 * before the widget exists; `errors` collects page errors and console errors.
 */
async function held(url, viewport = { width: 720, height: 560 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
  let release;
  const wait = new Promise((resolve) => (release = resolve));
  await page.route("**/wasm/phone-otp_bg.wasm", async (route) => {
    await Promise.race([wait, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await route.continue();
  });
  await page.goto(server.url + url);
  await page.locator("[data-skeleton]").waitFor();
  return { page, errors, release };
}

const mounted = (page) => page.locator(".phone-otp[data-state=entry]").waitFor();
const digits = (text) => text.replace(/\D/g, "").length;

test("before the wasm arrives the number can be typed; the widget keeps it, formatted, with the caret and the focus", async () => {
  const { page, errors, release } = await held("/");
  const phone = freshPhone(); // +6012xxxyyyy
  const typed = `+60 12-${phone.slice(5, 8)} ${phone.slice(8)}`;
  // All but the last digit, then the caret moved back before the last group of three.
  const field = page.getByLabel("Phone number");
  await field.pressSequentially(typed.slice(0, -1));
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
  assert.equal(await field.inputValue(), typed.slice(0, -1));
  assert.equal(await page.locator("[data-skeleton]").count(), 1, "typed into the skeleton");
  assert.equal(await page.locator(".phone-otp[data-state=entry]").count(), 0, "the widget is not there yet");

  release();
  await mounted(page);
  assert.equal(await page.locator("[data-skeleton]").count(), 0);
  const real = await page.evaluate(() => {
    const shadow = document.querySelector("phone-otp").shadowRoot;
    const input = shadow.activeElement;
    return { part: input?.getAttribute("part"), value: input?.value, caret: input?.selectionStart, fields: shadow.querySelectorAll("input").length };
  });
  assert.equal(real.part, "phone-input", "the focus came along");
  assert.equal(real.fields, 1);
  assert.equal(real.value.replace(/[^+\d]/g, ""), phone.slice(0, -1));
  assert.equal(digits(real.value.slice(0, real.caret)), digits(typed.slice(0, -4)), `caret after the same digit in ${real.value}`);

  // Typing goes on in the widget, which formats the whole number.
  await page.keyboard.press("End");
  await page.keyboard.type(phone.slice(-1));
  assert.equal(await field.inputValue(), `+60 12 ${phone.slice(5, 8)} ${phone.slice(8)}`);
  await page.getByRole("button", { name: "Send code" }).click();
  const code = await server.codeFor(phone);
  await page.locator("input[autocomplete=one-time-code]").fill(code);
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("the skeleton passes axe, has nothing to press, and the widget replaces it without moving anything", async () => {
  for (const width of [320, 1280]) {
    const { page, errors, release } = await held("/", { width, height: 560 });
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document.querySelector("phone-otp"), {
        runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    assert.deepEqual(violations, [], violations.join("; "));
    // Labelled, described by the hint, and no button: the placeholders are hidden from everyone.
    await page.getByRole("textbox", { name: "Phone number", description: /Choose the country/ }).waitFor();
    assert.equal(await page.locator("phone-otp").getByRole("button").count(), 0);

    const boxes = () =>
      page.evaluate(() => {
        const host = document.querySelector("phone-otp");
        const box = (el) => {
          const r = el.getBoundingClientRect();
          // In the document, not the viewport: the screenshot scrolls.
          return { top: r.top + scrollY, bottom: r.bottom + scrollY, right: r.right + scrollX };
        };
        const input = host.shadowRoot.querySelector("[part=phone-input]");
        return { host: box(host), label: box(host.shadowRoot.querySelector("label")), input: box(input) };
      });
    const before = await boxes();
    await page.locator("phone-otp").screenshot({ path: path.join(shots, `paint-skeleton-${width}.png`) });
    release();
    await mounted(page);
    const after = await boxes();
    await page.locator("phone-otp").screenshot({ path: path.join(shots, `paint-mounted-${width}.png`) });
    for (const part of ["host", "label", "input"]) {
      for (const edge of ["top", "bottom", "right"]) {
        assert.ok(Math.abs(before[part][edge] - after[part][edge]) < 1, `${width} px: ${part} ${edge} moved: ${before[part][edge]} -> ${after[part][edge]}`);
      }
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test("the skeleton speaks the widget's language, takes the host's own words as text, and is inert when disabled", async () => {
  const fr = await held("/fr.html");
  await fr.page.getByLabel("Numéro de téléphone").waitFor();
  assert.equal(await fr.page.locator("[data-skeleton]").evaluate((el) => el.inert), true);
  fr.release();
  await fr.page.locator(".phone-otp[data-state=entry]").waitFor();
  await fr.page.getByLabel("Numéro de téléphone").waitFor();
  assert.deepEqual(fr.errors, []);
  await fr.page.close();

  const ar = await held("/ar.html");
  const skeleton = ar.page.locator("[data-skeleton] .phone-otp");
  assert.equal(await skeleton.getAttribute("dir"), "rtl");
  assert.equal(await skeleton.getAttribute("lang"), "ar");
  await ar.page.getByLabel("رقم الهاتف").waitFor();
  assert.equal(await ar.page.locator("[data-skeleton] .hint").textContent(), "<b>Mobile</b> only");
  ar.release();
  await ar.page.locator(".phone-otp[data-state=entry]").waitFor();
  assert.equal(await ar.page.locator(".phone-otp .hint").textContent(), "<b>Mobile</b> only");
  await ar.page.close();
});

test("the skeleton is shown once its stylesheet is in, never unstyled", async () => {
  const page = await browser.newPage();
  let release;
  const wait = new Promise((resolve) => (release = resolve));
  await page.route("**/phone-otp.css", async (route) => {
    await wait;
    await route.continue();
  });
  await page.route("**/wasm/phone-otp_bg.wasm", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    await route.continue();
  });
  // The held stylesheet holds the load event too.
  await page.goto(server.url, { waitUntil: "commit" });
  await page.locator("[data-skeleton]").waitFor({ state: "attached" });
  assert.equal(await page.getByLabel("Phone number").isVisible(), false);
  release();
  await page.getByLabel("Phone number").waitFor();
  // Styled from its first frame: the label as the widget's.
  assert.equal(await page.locator("[data-skeleton] label").evaluate((el) => getComputedStyle(el).fontWeight), "600");
  await page.close();
});

test("a page that will restore a code step gets no skeleton", async () => {
  const page = await browser.newPage();
  // What the demo's widget (endpoint /api, name phone) keeps across a reload.
  await page.addInitScript(() => sessionStorage.setItem("phone-otp:/api#phone", "{}"));
  let release;
  const wait = new Promise((resolve) => (release = resolve));
  await page.route("**/wasm/phone-otp_bg.wasm", async (route) => {
    await wait;
    await route.continue();
  });
  await page.goto(server.url);
  await page.waitForFunction(() => customElements.get("phone-otp"));
  assert.equal(await page.evaluate(() => !!document.querySelector("phone-otp").shadowRoot?.querySelector("input")), false);
  release();
  await page.getByLabel("Phone number").waitFor();
  await page.close();
});

test("a widget that cannot start leaves the skeleton with what was typed, a notice and one warning", async () => {
  const page = await browser.newPage();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.route("**/wasm/phone-otp_bg.wasm", (route) => route.fulfill({ status: 404, body: "not here" }));
  await page.goto(server.url);
  const field = page.getByLabel("Phone number");
  await field.fill("+60 12-345 6789");
  const notice = page.locator("[data-skeleton] .notice[role=alert]");
  await notice.waitFor();
  assert.equal(await notice.textContent(), "Something went wrong on our side. Try again.");
  assert.equal(await field.inputValue(), "+60 12-345 6789");
  const started = warnings.filter((w) => w.includes("could not start"));
  assert.equal(started.length, 1, warnings.join("\n"));
  assert.match(started[0], /wasm\/phone-otp_bg\.wasm/);
  await page.close();
});
