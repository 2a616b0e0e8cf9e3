// A calling code's formats and patterns (phone/cc/<code>.txt) as people and pages meet them:
// the country changed while typing, a send or the field's check held while a file is on its
// way and the number moving to another calling code meanwhile, a file that does not load, a page
// of several widgets, a reload into the code step, an allow-list the first file's guess misses.
// Every file is fetched at most once per page when it loads (tests/e2e/metadata.test.mjs has the
// loading itself).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startServer, launch, flushed, distWithPages, freshPhone } from "./harness.mjs";

let server, browser;
before(async () => {
  const dir = distWithPages({
    "gb.html": 'endpoint="/api" default-country="GB" storage-key="cc"',
    "gb-fr.html": 'endpoint="/api" countries="GB,FR"',
  });
  writeFileSync(
    path.join(dir, "four.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>four</title>
<script type="module" src="/phone-otp.js"></script></head><body>
<phone-otp id="ca" endpoint="/api" default-country="CA"></phone-otp>
<phone-otp id="us" endpoint="/api" default-country="US"></phone-otp>
<phone-otp id="fr" endpoint="/api" default-country="FR"></phone-otp>
<phone-otp id="my" endpoint="/api" default-country="MY"></phone-otp></body></html>`,
  );
  server = await startServer({ dist: dir });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

/** A route handler that holds its requests until `release()`. */
function hold() {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  return { release, handler: async (route) => { await held; await route.continue().catch(() => {}); } };
}

/** A page of its own context (`context`: Playwright's options), with what it logged and fetched. */
async function open(url, { routes = [], context = {} } = {}) {
  const ctx = await browser.newContext(context);
  const page = await ctx.newPage();
  const log = { errors: [], warnings: [], codes: [], api: [] };
  page.on("pageerror", (e) => log.errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "warning") log.warnings.push(m.text());
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) log.errors.push(m.text());
  });
  page.on("request", (r) => {
    const p = new URL(r.url()).pathname;
    if (p.includes("/phone/cc/")) log.codes.push(p.split("/").pop());
    if (p.startsWith("/api/")) log.api.push(p);
  });
  for (const [glob, handler] of routes) await page.route(glob, handler);
  await page.goto(`${server.url}${url}`);
  return { page, log, close: () => ctx.close() };
}

/** Picks the country named `name` from the list. */
async function pick(page, name) {
  await page.locator("[part=country-button]").click();
  await page.getByRole("combobox", { name: "Search countries" }).fill(name);
  await page.getByRole("option", { name: new RegExp(name) }).first().click();
}

const fieldValue = (page, value, id) =>
  page.waitForFunction(
    ([value, id]) => (id ? document.getElementById(id) : document.querySelector("phone-otp")).shadowRoot.querySelector("[part=phone-input]")?.value === value,
    [value, id],
  );
const PREMIUM = "Premium-rate and shared-cost numbers cannot get a code. Use your mobile number.";
/** A UK mobile number of its own per call (the devserver's resend wait is per number). */
let serial = 0;
const ukMobile = () => `+44 7400 ${String((process.pid * 7 + ++serial) % 1_000_000).padStart(6, "0")}`;

test("a send held for one calling code's file, the number then changed to another's still on its way: judged with the new one's patterns", async () => {
  const [uk, fr] = [hold(), hold()];
  const { page, log, close } = await open("/", { routes: [["**/phone/cc/44.txt", uk.handler], ["**/phone/cc/33.txt", fr.handler]] });
  try {
    const field = page.getByLabel("Phone number");
    await field.fill(ukMobile());
    await page.getByRole("button", { name: "Send code" }).click();
    // Nothing happens: the person types another number, a French premium-rate one (its length
    // is a French number's).
    await field.fill("+33 899 123 456");
    await flushed(page);
    assert.deepEqual(log.codes, ["1.txt", "44.txt", "33.txt"]);
    const came = page.waitForEvent("requestfinished", (r) => r.url().endsWith("/phone/cc/44.txt"));
    uk.release();
    await came;
    // Its text read and handed to the wasm, which would send at once.
    await flushed(page);
    await flushed(page);
    // +33's patterns are not in yet: sent by its length, it would get a code.
    assert.deepEqual(log.api, []);
    fr.release();
    await page.locator("[part=notice]").getByText(PREMIUM).waitFor();
    await flushed(page);
    assert.deepEqual(log.api, []);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

// Known, not fixed: the check the blur asked for runs when the file comes, though the person is
// back in the field typing, and shows "too short" for a number half typed (the next keystroke
// clears it). Dropping it when the field has the focus again (`matches(":focus")`) costs the
// first load about 250 B gz, over its ceiling; comparing the typed text, about 170 B.
test("the field's check held for the file is dropped when the person is back in the field", { todo: "a held blur check is applied while the field has the focus again" }, async () => {
  const my = hold();
  const { page, log, close } = await open("/", { routes: [["**/phone/cc/60.txt", my.handler]] });
  try {
    const field = page.getByLabel("Phone number");
    await field.pressSequentially("+60123");
    // Left (the check waits for +60's file), then entered again to go on typing.
    await page.locator("h1").click();
    await field.click();
    await field.press("End");
    await field.pressSequentially("4");
    my.release();
    await fieldValue(page, "+60 12 34");
    await flushed(page);
    assert.equal(await page.locator("[part=notice]").textContent(), "");
    assert.equal(await field.getAttribute("aria-invalid"), "false");
    // Left again, it is checked, with +60's patterns.
    await page.locator("h1").click();
    await page.locator("[part=notice]").getByText("This number is too short for Malaysia.").waitFor();
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test("a held send: pressed three times while the file is on its way, one request when it comes", async () => {
  const my = hold();
  const { page, log, close } = await open("/", { routes: [["**/phone/cc/60.txt", my.handler]] });
  try {
    const field = page.getByLabel("Phone number");
    await field.fill(freshPhone());
    const send = page.getByRole("button", { name: "Send code" });
    await send.click();
    await send.click();
    await field.press("Enter");
    await flushed(page);
    assert.deepEqual(log.api, []);
    my.release();
    await page.locator("input[autocomplete=one-time-code]").waitFor();
    await flushed(page);
    assert.deepEqual(log.api, ["/api/send"]);
    assert.deepEqual(log.codes, ["1.txt", "60.txt"]);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test("a +44 number typed into a US widget and sent at once with Enter is judged with +44's patterns", async () => {
  const { page, log, close } = await open("/");
  try {
    const field = page.getByLabel("Phone number");
    await field.fill("+44 909 876 5432");
    await field.press("Enter");
    await page.locator("[part=notice]").getByText(PREMIUM).waitFor();
    await field.fill(ukMobile());
    await field.press("Enter");
    await page.locator("input[autocomplete=one-time-code]").waitFor();
    assert.deepEqual(log.api, ["/api/send"]);
    assert.deepEqual(log.codes, ["1.txt", "44.txt"]);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test("the country changed from the list while typing, to another calling code and back: each file once, the digits kept", async () => {
  const { page, log, close } = await open("/");
  try {
    const field = page.getByLabel("Phone number");
    await field.pressSequentially("20155");
    assert.equal(await field.inputValue(), "(201) 55");
    await pick(page, "France");
    await field.pressSequentially("512");
    await fieldValue(page, "2 01 55 51 2");
    await pick(page, "United States");
    await fieldValue(page, "(201) 555-12");
    await pick(page, "France");
    await fieldValue(page, "2 01 55 51 2");
    assert.deepEqual(log.codes, ["1.txt", "33.txt"]);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test("a calling code's file that 404s: tried again once at Send, then sent by its length", async () => {
  const { page, log, close } = await open("/gb.html", { routes: [["**/phone/cc/44.txt", (r) => r.fulfill({ status: 404, body: "not found" })]] });
  try {
    const field = page.getByLabel("Phone number");
    const typed = `0${ukMobile().slice(4).replace(/ /g, "")}`;
    await field.pressSequentially(typed);
    // Kept as typed, without +44's formats.
    assert.equal(await field.inputValue(), typed);
    await field.press("Enter");
    await page.locator("input[autocomplete=one-time-code]").waitFor();
    assert.deepEqual(log.codes, ["44.txt", "44.txt"]);
    assert.deepEqual(log.api, ["/api/send"]);
    assert.equal(log.warnings.filter((w) => w.includes("phone/cc/44.txt")).length, 2, log.warnings.join("\n"));
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test("four widgets, three calling codes (+1 twice), at 320 px: each file once, each number laid out, two sends at once", async () => {
  const { page, log, close } = await open("/four.html", { context: { viewport: { width: 320, height: 900 } } });
  try {
    const field = (id) => page.locator(`#${id}`).getByLabel("Phone number");
    await field("ca").pressSequentially("6135550123");
    await field("us").pressSequentially("2015550123");
    await field("fr").pressSequentially("0612345678");
    await field("my").pressSequentially("0182258491");
    for (const [id, laid] of [["ca", "(613) 555-0123"], ["us", "(201) 555-0123"], ["fr", "06 12 34 56 78"], ["my", "018-225 8491"]]) {
      await fieldValue(page, laid, id);
    }
    // Nothing wider than the page.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
    const [my, fr] = [freshPhone(), `+33 6 12 ${String(Date.now()).slice(-6)}`];
    await field("my").fill(my);
    await field("fr").fill(fr);
    await field("my").press("Enter");
    await field("fr").press("Enter");
    for (const id of ["my", "fr"]) await page.locator(`#${id} input[autocomplete=one-time-code]`).waitFor();
    assert.deepEqual(log.api, ["/api/send", "/api/send"]);
    assert.deepEqual(log.codes.sort(), ["1.txt", "33.txt", "60.txt"]);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test("a reload into the code step, then Change number: the number laid out, its file fetched once", async () => {
  const { page, log, close } = await open("/gb.html");
  try {
    const field = page.getByLabel("Phone number");
    const typed = `0${ukMobile().slice(4).replace(/ /g, "")}`;
    await field.pressSequentially(typed);
    await field.press("Enter");
    const code = page.locator("input[autocomplete=one-time-code]");
    await code.waitFor();
    const uk = hold();
    await page.route("**/phone/cc/44.txt", uk.handler);
    log.codes.length = 0;
    await page.reload();
    await code.waitFor();
    await page.getByRole("button", { name: /Change number/ }).click();
    await field.waitFor();
    uk.release();
    await fieldValue(page, `${typed.slice(0, 5)} ${typed.slice(5)}`);
    // A send of it waits for the file, and then goes.
    await flushed(page);
    assert.deepEqual(log.codes, ["44.txt"]);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test("countries=\"GB,FR\" in a German browser: the first file's guess (+49) is wrong, the widget asks for +44's, nothing breaks", async () => {
  const { page, log, close } = await open("/gb-fr.html", { context: { locale: "de-DE" } });
  try {
    const field = page.getByLabel("Phone number");
    await field.pressSequentially("07400123456");
    await fieldValue(page, "07400 123456");
    assert.ok(log.codes.includes("44.txt"), log.codes.join());
    assert.ok(log.codes.length === new Set(log.codes).size, log.codes.join());
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

test("the caret stays after the same digit when the formats arrive mid-number, and typing goes on there", async () => {
  const my = hold();
  const { page, log, close } = await open("/", { routes: [["**/phone/cc/60.txt", my.handler]] });
  try {
    const field = page.getByLabel("Phone number");
    await field.pressSequentially("+60123456789");
    assert.equal(await field.inputValue(), "+60 123456789");
    // After the 4.
    await field.evaluate((el) => el.setSelectionRange(el.value.indexOf("4") + 1, el.value.indexOf("4") + 1));
    my.release();
    await fieldValue(page, "+60 12 345 6789");
    assert.equal(await field.evaluate((el) => el.value.slice(0, el.selectionStart)), "+60 12 34");
    await page.keyboard.type("0");
    assert.equal(await field.inputValue(), "+60 12 3405 6789");
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});
