// The phone metadata (phone/metadata.txt) is fetched beside the wasm at load, not compiled in.
// When that fetch fails the widget still mounts a field that takes input, and one console.warn
// tells the developer which file is missing; the hint asks for the number with its country code,
// and such a number is sent as typed and verified (a national one is refused with that text).
// A calling code's formats and patterns (phone/cc/<code>.txt) come when a widget first needs
// them; a send waits for them, and without them the number is taken as typed, by its length.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startServer, launch, flushed, distWithPages } from "./harness.mjs";

const WITH_COUNTRY_CODE = "Type the whole number with its country code, starting with +.";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

/** A page whose metadata fetch is answered by `fulfill` (null: served as is), with what it logged;
 * `routes` answer other files (`[glob, handler]`). */
async function open(fulfill, routes = []) {
  const page = await browser.newPage();
  const errors = [];
  const warnings = [];
  const requests = [];
  const api = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  page.on("request", (r) => {
    requests.push(r.url());
    if (new URL(r.url()).pathname.startsWith("/api/")) api.push(r.url());
  });
  if (fulfill) await page.route("**/phone/metadata.txt", (route) => route.fulfill(fulfill));
  for (const [glob, handler] of routes) await page.route(glob, handler);
  await page.goto(server.url);
  return { page, errors, warnings, requests, api };
}

/** The text of the first element the field's aria-describedby names: the hint under the label. */
const hintOf = (field) =>
  field.evaluate((el) => el.getRootNode().getElementById(el.getAttribute("aria-describedby").split(" ")[0]).textContent);

test("the metadata is fetched beside the wasm and formats as typed", async () => {
  const { page, errors, warnings, requests } = await open(null);
  const field = page.getByLabel("Phone number");
  assert.equal(await hintOf(field), "Choose the country, then type the number as you would dial it.");
  await field.pressSequentially("+60123456789");
  assert.equal(await field.inputValue(), "+60 12 345 6789");
  const wasm = requests.findIndex((u) => u.endsWith("/phone-otp_bg.wasm"));
  const metadata = requests.findIndex((u) => u.endsWith("/phone/metadata.txt"));
  assert.ok(wasm >= 0 && metadata >= 0, "both fetched");
  // Started together by phone-otp.js, before element.js is imported.
  assert.ok(metadata < requests.findIndex((u) => u.endsWith("/element.js")), requests.join("\n"));
  assert.deepEqual(warnings.filter((w) => w.includes("metadata")), []);
  // The selected country's calling code (the United States' +1, for this page) at mount, and
  // +60's when the number said it; each once.
  const codes = requests.filter((u) => u.includes("/phone/cc/")).map((u) => new URL(u).pathname.split("/").pop());
  assert.deepEqual(codes, ["1.txt", "60.txt"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a calling code's file that does not load: the number is kept as typed, sent by its length, and one warning names the file", async () => {
  const { page, errors, warnings, api } = await open(null, [
    ["**/phone/cc/60.txt", (route) => route.fulfill({ status: 404, body: "not found" })],
  ]);
  const field = page.getByLabel("Phone number");
  await field.pressSequentially("+60123456788");
  await page.getByRole("button", { name: "Send code" }).click();
  await page.locator("input[autocomplete=one-time-code]").waitFor();
  assert.equal(api.length, 1, api.join("\n"));
  const about = warnings.filter((w) => w.includes("phone/cc/60.txt"));
  // Once when the number named +60, once more when the send tried it again.
  assert.ok(about.length >= 1 && about.length <= 2, warnings.join("\n"));
  assert.match(about[0], /^phone-otp: .*phone\/cc\/60\.txt could not be loaded \(HTTP 404\); numbers of \+60 are not formatted/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a send waits for the number's calling code: a premium-rate number typed before +44's file arrived is refused, not sent", async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { page, errors, api } = await open(null, [
    ["**/phone/cc/44.txt", async (route) => { await held; await route.continue(); }],
  ]);
  const field = page.getByLabel("Phone number");
  await field.fill("+44 901 234 5678");
  await page.getByRole("button", { name: "Send code" }).click();
  // Nothing is judged by its length alone while the file is on its way.
  await flushed(page);
  assert.deepEqual(api, []);
  release();
  await page.locator("[part=notice]").getByText("Premium-rate and shared-cost numbers cannot get a code. Use your mobile number.").waitFor();
  // Laid out once its formats came.
  assert.equal(await field.inputValue(), "+44 901 234 5678");
  await flushed(page);
  assert.deepEqual(api, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("digits typed before their calling code's formats arrive are laid out when they come", async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { page, errors } = await open(null, [
    ["**/phone/cc/60.txt", async (route) => { await held; await route.continue(); }],
  ]);
  const field = page.getByLabel("Phone number");
  await field.pressSequentially("+60123456789");
  // Every digit kept; only the calling code set apart, without +60's formats.
  assert.equal(await field.inputValue(), "+60 123456789");
  release();
  await page.waitForFunction(
    () => document.querySelector("phone-otp").shadowRoot.querySelector("[part=phone-input]").value === "+60 12 345 6789",
  );
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [name, fulfill, [typed, e164]] of [
  ["a 404", { status: 404, body: "not found" }, ["+44 7911 123456", "+447911123456"]],
  // Another number: the devserver holds a resend wait per number.
  ["a file of another version", { status: 200, body: "#\n#\n# phone-otp metadata 0 0.0\nUS;1\n" }, ["+44 7911 654321", "+447911654321"]],
]) {
  test(`metadata answered by ${name}: the field still mounts, takes input, and one warning says why`, async () => {
    const { page, errors, warnings } = await open(fulfill);
    const field = page.getByLabel("Phone number");
    await field.waitFor();
    await field.pressSequentially("+60123456789");
    // Nothing typed is lost; without the metadata nothing is formatted.
    assert.equal(await field.inputValue(), "+60123456789");
    await page.locator("[part=country-button]").waitFor();
    const about = warnings.filter((w) => w.includes("phone/metadata.txt"));
    assert.equal(about.length, 1, warnings.join("\n"));
    assert.match(about[0], /^phone-otp: .*phone\/metadata\.txt could not be loaded/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`metadata answered by ${name}: the hint asks for the country code, and such a number is sent and verified`, async () => {
    const { page, errors, api } = await open(fulfill);
    const field = page.getByLabel("Phone number");
    await field.waitFor();
    // The field's description says what can be read without the metadata.
    assert.equal(await hintOf(field), WITH_COUNTRY_CODE);
    // A national number cannot be read: refused with the same words, and nothing is sent.
    await field.pressSequentially("07911 123456");
    await page.getByRole("button", { name: "Send code" }).click();
    await page.locator("[part=notice]").getByText(WITH_COUNTRY_CODE).waitFor();
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    await flushed(page);
    assert.deepEqual(api, []);
    // Nothing typed is lost (unformatted, as without the metadata every number is).
    assert.equal(await field.inputValue(), "07911123456");
    // An international one is sent as typed, in E.164, and its code verifies.
    await field.fill("");
    await field.pressSequentially(typed);
    await page.getByRole("button", { name: "Send code" }).click();
    const codeField = page.locator("input[autocomplete=one-time-code]");
    await codeField.waitFor();
    const code = await server.codeFor(e164);
    await codeField.fill(code);
    await page.locator(".phone-otp[data-state=verified]").waitFor();
    assert.equal(await page.evaluate(() => document.querySelector("phone-otp").phone), e164);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("widgets of one calling code share its file, fetched once, and each lays out what was typed before it came", async () => {
  const dir = distWithPages({});
  writeFileSync(
    path.join(dir, "three.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>three</title>
<script type="module" src="/phone-otp.js"></script></head><body>
<phone-otp id="gb" endpoint="/api" default-country="GB"></phone-otp>
<phone-otp id="je" endpoint="/api" default-country="JE"></phone-otp>
<phone-otp id="my" endpoint="/api" default-country="MY"></phone-otp></body></html>`,
  );
  const own = await startServer({ dist: dir });
  const page = await browser.newPage();
  try {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const codes = [];
    page.on("request", (r) => {
      if (r.url().includes("/phone/cc/")) codes.push(new URL(r.url()).pathname.split("/").pop());
    });
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route("**/phone/cc/44.txt", async (route) => { await held; await route.continue(); });
    await page.goto(`${own.url}/three.html`);
    const field = (id) => page.locator(`#${id}`).getByLabel("Phone number");
    await field("gb").pressSequentially("07400123456");
    await field("je").pressSequentially("07797712345");
    await field("my").pressSequentially("0182258491");
    // +60's file came on its own; +44's is held, and its two widgets keep the digits as typed.
    await page.waitForFunction(() => document.querySelector("#my").shadowRoot.querySelector("input").value === "018-225 8491");
    assert.equal(await field("gb").inputValue(), "07400123456");
    release();
    for (const [id, laid] of [["gb", "07400 123456"], ["je", "07797 712345"]]) {
      await page.waitForFunction(([id, laid]) => document.querySelector(`#${id}`).shadowRoot.querySelector("input").value === laid, [id, laid]);
    }
    assert.deepEqual(codes.sort(), ["44.txt", "60.txt"]);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    own.stop();
  }
});

test("the first widget's calling code's file is on its way with the wasm, fetched once", async () => {
  const own = await startServer({ dist: distWithPages({ "my.html": 'endpoint="/api" default-country="MY"' }) });
  const page = await browser.newPage();
  try {
    const codes = [];
    page.on("request", (r) => {
      if (r.url().includes("/phone/cc/")) codes.push(new URL(r.url()).pathname.split("/").pop());
    });
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route("**/wasm/phone-otp_bg.wasm", async (route) => { await held; await route.continue(); });
    const asked = page.waitForRequest((r) => r.url().endsWith("/phone/cc/60.txt"), { timeout: 5000 });
    await page.goto(`${own.url}/my.html`);
    // Asked for while the wasm is still held back: by phone-otp.js, from the metadata.
    await asked;
    release();
    const field = page.getByLabel("Phone number");
    await page.locator(".phone-otp[data-state=entry]").waitFor();
    await field.pressSequentially("0182258491");
    assert.equal(await field.inputValue(), "018-225 8491");
    assert.deepEqual(codes, ["60.txt"]);
  } finally {
    await page.close();
    own.stop();
  }
});
