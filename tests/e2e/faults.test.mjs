// The widget against a misbehaving backend, in every dialect: the devserver's fault injection
// (dev mode only) on each dialect's own send and verify paths.
import { test, before, after, beforeEach, describe } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openPage, freshPhone, distWithPages, DIALECTS, dialectPages, digitsOf, eventually, flushed } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await startServer({ dist: distWithPages(dialectPages({ timeout: 'timeout="2"' })) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});
beforeEach(() => server.clearFaults());


const codeInput = (page) => page.locator("input[autocomplete=one-time-code]");
const notice = (page) => page.locator("[part=notice]");
const sends = async (phone) => (await server.outbox()).filter((m) => m.phone === phone).length;

/** The first of `list` (console messages, filled as they come) that passes `check`, waiting up to 5 s. */
const heard = (list, check) => eventually(() => list.find(check));

async function typeAndSend(page, phone) {
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: /Send code|Sending/ }).click();
}

for (const [dialect, { send, verify }] of Object.entries(DIALECTS)) {
  describe(dialect, () => {
  test("a 503 on send is retried once and sends exactly one code", async () => {
    const { page } = await openPage(browser, `${server.url}/${dialect}.html`);
    const phone = freshPhone();
    await server.fault({ path: send, status: 503 });
    await typeAndSend(page, phone);
    await codeInput(page).waitFor();
    assert.equal(await sends(phone), 1);
    await page.close();
  });

  test("a dropped connection on send is retried with the same idempotency key", async () => {
    const { page } = await openPage(browser, `${server.url}/${dialect}.html`);
    const phone = freshPhone();
    await server.fault({ path: send, drop: true });
    await typeAndSend(page, phone);
    await codeInput(page).waitFor();
    assert.equal(await sends(phone), 1);
    await page.close();
  });

  test("a slow backend times out with its own message and keeps the number", async () => {
    const { page } = await openPage(browser, `${server.url}/${dialect}-timeout.html`);
    const phone = freshPhone();
    await server.fault({ path: send, delayMs: 4000, status: 503 });
    await typeAndSend(page, phone);
    await notice(page).getByText("took too long").waitFor({ timeout: 10_000 });
    assert.equal(digitsOf(await page.getByLabel("Phone number").inputValue()), phone);
    await page.close();
  });

  test("a malformed body gives a clear error and keeps the number", async () => {
    const { page } = await openPage(browser, `${server.url}/${dialect}.html`);
    const phone = freshPhone();
    await server.fault({ path: send, body: '{"id": <b>oops' });
    await typeAndSend(page, phone);
    await notice(page).getByText("Something went wrong").waitFor();
    assert.equal(await page.locator(".phone-otp").getAttribute("data-state"), "entry");
    assert.equal(digitsOf(await page.getByLabel("Phone number").inputValue()), phone);
    await page.close();
  });

  test("429 with Retry-After counts down and holds the send button", async () => {
    const { page } = await openPage(browser, `${server.url}/${dialect}.html`);
    const requests = [];
    page.on("request", (r) => new URL(r.url()).pathname === send && requests.push(r.url()));
    const phone = freshPhone();
    await server.fault({ path: send, status: 429, retryAfter: 30, body: '{"status":"rate_limited"}' });
    await typeAndSend(page, phone);
    await notice(page).getByText(/Too many requests\. Try again in 0:(29|30)\./).waitFor();
    const button = page.getByRole("button", { name: "Send code" });
    assert.equal(await button.getAttribute("aria-disabled"), "true");
    await button.click({ force: true });
    await flushed(page);
    assert.equal(requests.length, 1, "the held button sent again");
    assert.equal(await sends(phone), 0);
    await page.close();
  });

  test("a 503 on verify is not retried: the code stays for another try", async () => {
    const { page } = await openPage(browser, `${server.url}/${dialect}.html`);
    const phone = freshPhone();
    await typeAndSend(page, phone);
    await codeInput(page).waitFor();
    const code = await server.codeFor(phone);
    await server.fault({ path: verify, status: 503 });
    await codeInput(page).fill(code);
    await notice(page).getByText("Something went wrong").waitFor();
    assert.equal(await codeInput(page).inputValue(), code);
    await page.getByRole("button", { name: "Verify" }).click();
    await page.locator(".phone-otp[data-state=verified]").waitFor();
    await page.close();
  });

  // Issue 13, defect 3: only the dialect's own refusal of the number blames the number.
  test("a wrong endpoint or a refused request is a server error, never the number's fault, and warns the developer", async () => {
    const { page } = await openPage(browser, `${server.url}/${dialect}.html`);
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    const phone = freshPhone();
    await page.getByLabel("Phone number").fill(phone);
    for (const status of [401, 403, 404, 405]) {
      await server.fault({ path: send, status, body: '{"message":"nope"}' });
      await page.getByRole("button", { name: "Send code" }).click();
      const said = await heard(warnings, (w) => w.includes(`answered ${status}`));
      assert.ok(said?.includes(`${server.url}${send}`), `no warning with the URL for ${status}: ${warnings}`);
      await notice(page).getByText("Something went wrong").waitFor();
      assert.doesNotMatch(await notice(page).textContent(), /cannot get a code/);
      assert.match(said, status === 401 || status === 403 ? /request-headers/ : /endpoint/);
      await server.clearFaults();
      // The next try gets a fresh notice.
      await page.getByLabel("Phone number").fill("");
      await page.getByLabel("Phone number").fill(phone);
    }
    // The dialect's own refusal still says so.
    const refusal = dialect === "idmeta"
      ? { status: 200, body: '{"success":false,"message":"Invalid phone number"}' }
      : { status: 400, body: '{"status":"invalid_phone","message":"Invalid phone number"}' };
    await server.fault({ path: send, ...refusal });
    await page.getByRole("button", { name: "Send code" }).click();
    await notice(page).getByText("This number cannot get a code.").waitFor();
    await page.close();
  });

  test("offline: a message, then the send goes through when back online", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/${dialect}.html`);
    const phone = freshPhone();
    await page.getByLabel("Phone number").fill(phone);
    await context.setOffline(true);
    await page.getByRole("button", { name: "Send code" }).click();
    await notice(page).getByText("You are offline").waitFor();
    assert.equal(digitsOf(await page.getByLabel("Phone number").inputValue()), phone);
    await context.setOffline(false);
    await codeInput(page).waitFor();
    assert.equal(await sends(phone), 1);
    await context.close();
  });
  });
}

// Issue 13, defect 3: every misconfiguration writes one console.warn saying what to check.
test("misconfigurations are explained in the console", async () => {
  const dir = distWithPages({
    "misconfigured.html":
      `endpoint="/api" dialect="nativ" default-country="XX" countries="MY,ZZ" messages='{"SendCod":"Text me"}' request-headers='not json'`,
    "elsewhere.html": 'endpoint="http://127.0.0.1:9/api"',
  });
  const own = await startServer({ dist: dir });
  try {
    const page = await browser.newPage();
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(`${own.url}/misconfigured.html`);
    await page.getByLabel("Phone number").waitFor();
    for (const word of ['"nativ"', 'default-country: "XX"', 'countries: "ZZ"', '"SendCod"', "request-headers"]) {
      assert.equal(warnings.filter((w) => w.includes(word)).length, 1, `one warning about ${word}: ${warnings.join(" | ")}`);
    }
    // A body that is not JSON.
    await own.fault({ path: "/api/send", body: "<html>proxy error</html>" });
    await page.getByLabel("Phone number").fill(freshPhone());
    await page.getByRole("button", { name: "Send code" }).click();
    await notice(page).getByText("Something went wrong").waitFor();
    assert.ok(await heard(warnings, (w) => w.includes(`${own.url}/api/send answered 200`) && /not JSON/.test(w)), warnings.join(" | "));
    await page.close();

    // Nothing answers (a backend that is down, or CORS on another origin).
    const far = await browser.newPage();
    const farWarnings = [];
    far.on("console", (m) => m.type() === "warning" && farWarnings.push(m.text()));
    await far.goto(`${own.url}/elsewhere.html`);
    await far.getByLabel("Phone number").fill(freshPhone());
    await far.getByRole("button", { name: "Send code" }).click();
    await notice(far).getByText("Could not reach the server").waitFor({ timeout: 10_000 });
    assert.ok(await heard(farWarnings, (w) => w.includes("http://127.0.0.1:9/api/send") && /CORS/.test(w)), farWarnings.join(" | "));
    await far.close();
  } finally {
    own.stop();
  }
});

test("the requests' own wasm file missing: a network notice, the number kept, one console warning, and the next try sends", async () => {
  const { page } = await openPage(browser, `${server.url}/native.html`);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  let fetches = 0;
  await page.route("**/wasm/split_requests.wasm", (route) => {
    fetches += 1;
    return route.fulfill({ status: 404, body: "not here" });
  });
  // The first keystroke asks for the file; those after it do not ask again.
  await page.getByLabel("Phone number").pressSequentially("201");
  await eventually(() => fetches);
  await flushed(page);
  await page.getByLabel("Phone number").pressSequentially("555");
  await flushed(page);
  assert.equal(fetches, 1);
  const phone = freshPhone();
  await typeAndSend(page, phone);
  await notice(page).getByText("Could not reach the server").waitFor();
  assert.equal(digitsOf(await page.getByLabel("Phone number").inputValue()), phone);
  assert.ok(await heard(warnings, (w) => /phone-otp: the requests' code \(wasm\/split_requests\.wasm\) did not load/.test(w)));
  await flushed(page);
  assert.equal(await sends(phone), 0);
  await page.unroute("**/wasm/split_requests.wasm");
  await page.getByRole("button", { name: "Send code" }).click();
  await codeInput(page).waitFor();
  assert.equal(await sends(phone), 1);
  await page.close();
});
