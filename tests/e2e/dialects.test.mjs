// Every dialect end to end: the widget configured for it, against the devserver's simulation of
// that provider. Success; a wrong code then success; attempts exhausted; expired; and, where the
// dialect has them (native, otp-service), already used and not found.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openPage, freshPhone, distWithPages, DIALECTS, dialectPages } from "./harness.mjs";

let server, browser;
before(async () => {
  const dist = distWithPages(dialectPages({ max3: 'max-attempts="3"' }));
  server = await startServer({ dist });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const codeInput = (page) => page.locator("input[autocomplete=one-time-code]");
const state = (page, name) => page.locator(`.phone-otp[data-state=${name}]`).waitFor();

async function start(dialect, file = `${dialect}.html`) {
  const { page, errors } = await openPage(browser, `${server.url}/${file}`);
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

    // Issue 13: attempts for every dialect; the backend's own count wins where it gives one.
    test("max-attempts=3: one wrong code leaves 2 attempts, the third locks", async () => {
      const { page, code } = await start(dialect, `${dialect}-max3.html`);
      const wrong = wrongCodes(code);
      await codeInput(page).fill(wrong[0]);
      await page.getByText("That code is not right. 2 attempts left.").waitFor();
      await codeInput(page).fill(wrong[1]);
      await page.getByText("1 attempt left").waitFor();
      await codeInput(page).fill(wrong[2]);
      await state(page, "locked");
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

    if (dialect === "native" || dialect === "otp-service") {
      test("a code already used elsewhere, and a verification the backend lost", async () => {
        const { page, code } = await start(dialect);
        // Someone (another tab, say) used the code first, through the backend.
        const sent = (await server.outbox()).at(-1);
        const body = dialect === "native" ? { id: sent.id, code } : { sessionId: sent.id, code };
        const used = await fetch(`${server.url}${DIALECTS[dialect].verify}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        assert.equal(used.status, 200);
        await codeInput(page).fill(code);
        await state(page, "already-used");
        await page.close();

        // The backend lost the verification: its own 404 body, injected.
        const second = await start(dialect);
        const lost = dialect === "native"
          ? '{"status":"not_found","attemptsRemaining":0}'
          : '{"success":false,"message":"OTP session not found","data":{"status":"NOT_FOUND","verified":false}}';
        await server.fault({ path: DIALECTS[dialect].verify, status: 404, body: lost });
        await codeInput(second.page).fill(second.code);
        await state(second.page, "not-found");
        await second.page.close();
      });
    }

    test("a code expires", async () => {
      const { page, code } = await start(dialect);
      await server.advanceClock(601);
      await codeInput(page).fill(code);
      await state(page, "expired");
      await page.close();
    });
  });
}
