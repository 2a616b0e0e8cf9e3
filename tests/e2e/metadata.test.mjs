// The phone metadata (phone/metadata.txt) is fetched beside the wasm at load, not compiled in.
// When that fetch fails the widget still mounts a field that takes input, and one console.warn
// tells the developer which file is missing; the hint asks for the number with its country code,
// and such a number is sent as typed and verified (a national one is refused with that text).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, flushed } from "./harness.mjs";

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

/** A page whose metadata fetch is answered by `fulfill` (null: served as is), with what it logged. */
async function open(fulfill) {
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
