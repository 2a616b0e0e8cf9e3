// Every dialect end to end: the widget configured for it, against the devserver's simulation of
// that provider. Success; a wrong code then success; attempts exhausted; expired.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openPage, freshPhone, distWithPages } from "./harness.mjs";

const DIALECTS = {
  native: { attrs: 'endpoint="/api"', countsAttempts: true },
  idmeta: { attrs: 'endpoint="/api/idmeta" dialect="idmeta" trust-flow-id="7" trust-validation-id="tv-e2e"' },
  verifik: { attrs: 'endpoint="/api/verifik" dialect="verifik" project="p-e2e" gateway="sms"' },
  "otp-service": { attrs: 'endpoint="/api/otp-service" dialect="otp-service"' },
  verifyhq: { attrs: 'endpoint="/api/verifyhq" dialect="verifyhq" user-id="user_123"', countsAttempts: true },
};

let server, browser;
before(async () => {
  const dist = distWithPages(Object.fromEntries(Object.entries(DIALECTS).map(([d, c]) => [`${d}.html`, c.attrs])));
  server = await startServer({ dist });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const codeInput = (page) => page.locator("input[autocomplete=one-time-code]");
const state = (page, name) => page.locator(`.phone-otp[data-state=${name}]`).waitFor();

async function start(dialect) {
  const { page, errors } = await openPage(browser, `${server.url}/${dialect}.html`);
  const phone = freshPhone();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await codeInput(page).waitFor();
  const code = await server.codeFor(phone);
  return { page, errors, phone, code };
}

/** Wrong codes that are not `code`, each different from the last so each submits itself. */
function wrongCodes(code) {
  return ["000000", "111111", "222222", "333333", "444444"].filter((c) => c !== code);
}

for (const [dialect, { countsAttempts }] of Object.entries(DIALECTS)) {
  describe(dialect, () => {
    test("a code verifies", async () => {
      const { page, errors, code } = await start(dialect);
      await codeInput(page).fill(code);
      await state(page, "verified");
      assert.deepEqual(errors, []);
      await page.close();
    });

    test("a wrong code, then the right one", async () => {
      const { page, code } = await start(dialect);
      await codeInput(page).fill(wrongCodes(code)[0]);
      await page.getByText("That code is not right.").waitFor();
      if (countsAttempts) await page.getByText("2 attempts left").waitFor();
      await codeInput(page).fill(code);
      await state(page, "verified");
      await page.close();
    });

    test("attempts run out", async () => {
      const { page, code } = await start(dialect);
      // Three wrong codes use the attempts; a dialect that does not count them learns at the next.
      for (const wrong of wrongCodes(code).slice(0, 4)) {
        if (await page.locator(".phone-otp[data-state=locked]").count()) break;
        await codeInput(page).fill(wrong);
        await page.waitForFunction(() => document.querySelector("phone-otp")?.state !== "verifying");
      }
      await state(page, "locked");
      await page.getByRole("button", { name: "Send a new code" }).waitFor();
      await page.close();
    });

    test("a code expires", async () => {
      const { page, code } = await start(dialect);
      await server.advanceClock(601);
      await codeInput(page).fill(code);
      await state(page, "expired");
      await page.close();
    });
  });
}
