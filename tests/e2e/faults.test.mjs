// The widget against a misbehaving backend, in every dialect: the devserver's fault injection
// (dev mode only) on each dialect's own send and verify paths.
import { test, before, after, beforeEach, describe } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openPage, freshPhone, distWithPages, DIALECTS, dialectPages, digitsOf } from "./harness.mjs";

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
    const phone = freshPhone();
    await server.fault({ path: send, status: 429, retryAfter: 30, body: '{"status":"rate_limited"}' });
    await typeAndSend(page, phone);
    await notice(page).getByText(/Too many requests\. Try again in 0:(29|30)\./).waitFor();
    const button = page.getByRole("button", { name: "Send code" });
    assert.equal(await button.getAttribute("aria-disabled"), "true");
    await button.click({ force: true });
    await page.waitForTimeout(300);
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
