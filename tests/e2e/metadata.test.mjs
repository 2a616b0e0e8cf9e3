// The phone metadata (phone/metadata.txt) is fetched beside the wasm at load, not compiled in.
// When that fetch fails the widget still mounts a field that takes input, and one console.warn
// tells the developer which file is missing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch } from "./harness.mjs";

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
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  page.on("request", (r) => requests.push(r.url()));
  if (fulfill) await page.route("**/phone/metadata.txt", (route) => route.fulfill(fulfill));
  await page.goto(server.url);
  return { page, errors, warnings, requests };
}

test("the metadata is fetched beside the wasm and formats as typed", async () => {
  const { page, errors, warnings, requests } = await open(null);
  const field = page.getByLabel("Phone number");
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

for (const [name, fulfill] of [
  ["a 404", { status: 404, body: "not found" }],
  ["a file of another version", { status: 200, body: "#\n#\n# phone-otp metadata 0 0.0\nUS;1\n" }],
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
}
