// The walking skeleton end to end: the demo page served by the devserver, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openPage, freshPhone } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

async function sendCode(page, phone) {
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.locator("input[autocomplete=one-time-code]").waitFor();
}

test("a typed number gets a code, and the code verifies", async () => {
  const { page, errors } = await openPage(browser, server.url);
  const phone = freshPhone();
  await sendCode(page, phone);
  const code = await server.codeFor(phone);
  await page.locator("input[autocomplete=one-time-code]").fill(code);
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  assert.match(await page.locator("[part~=message]").textContent(), /verified/);
  // Focus moved to the result so screen readers read it.
  assert.equal(await page.evaluate(() => document.querySelector("phone-otp")?.shadowRoot?.activeElement?.getAttribute("part")), "message verified");
  // The demo's phone panel shows the code too.
  await page.locator(`#outbox li[data-code="${code}"]`).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("a wrong code says how many attempts are left", async () => {
  const { page, errors } = await openPage(browser, server.url);
  const phone = freshPhone();
  await sendCode(page, phone);
  const code = await server.codeFor(phone);
  const wrong = code === "000000" ? "111111" : "000000";
  await page.locator("input[autocomplete=one-time-code]").fill(wrong);
  await page.getByText("2 attempts left").waitFor();
  // The wrong code is cleared (issue 13: it cannot be sent again by mistake), and the right one
  // still works.
  assert.equal(await page.locator("input[autocomplete=one-time-code]").inputValue(), "");
  await page.locator("input[autocomplete=one-time-code]").fill(code);
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("an expired code ends in a state that offers a new code", async () => {
  const { page } = await openPage(browser, server.url);
  const phone = freshPhone();
  await sendCode(page, phone);
  await server.advanceClock(601);
  const code = await server.codeFor(phone);
  await page.locator("input[autocomplete=one-time-code]").fill(code);
  await page.locator(".phone-otp[data-state=expired]").waitFor();
  await page.getByRole("button", { name: "Send a new code" }).waitFor();
  await page.close();
});

test("without --dev the server exposes no outbox", async () => {
  const quiet = await startServer({ dev: false });
  try {
    const res = await fetch(`${quiet.url}/__dev/outbox`);
    assert.notEqual(res.status, 200);
    const sent = await fetch(`${quiet.url}/api/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: "+60182258491", channel: "sms" }),
    });
    assert.equal(sent.status, 200);
    assert.ok(!quiet.log.join("").includes("code for"), "a code was printed without --dev");
  } finally {
    quiet.stop();
  }
});
