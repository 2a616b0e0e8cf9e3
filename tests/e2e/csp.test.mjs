// The widget under a strict Content-Security-Policy (no unsafe-inline, no unsafe-eval), with
// Trusted Types required in report-only mode: the whole flow runs without one violation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, freshPhone } from "./harness.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let server, browser;
before(async () => {
  server = await startServer({
    headers: [
      `Content-Security-Policy: ${CSP}`,
      "Content-Security-Policy-Report-Only: require-trusted-types-for 'script'",
    ],
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test("the detector sees a violation when there is one", async () => {
  const strict = await startServer({ headers: ["Content-Security-Policy: default-src 'self'; style-src 'none'"] });
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective), true);
  });
  await page.goto(strict.url);
  await page.waitForFunction(() => window.__violations.length > 0);
  await page.close();
  strict.stop();
});

test("the flow completes with no CSP or Trusted Types violation", async () => {
  const page = await browser.newPage();
  const reports = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(m.text())) reports.push(m.text());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.disposition}`),
      true,
    );
  });
  // The phone metadata, fetched beside the wasm at load, and a calling code's formats and
  // validation patterns, fetched by the widget, pass the policy too.
  const metadata = page.waitForResponse((r) => r.url().endsWith("/phone/metadata.txt"));
  const callingCode = page.waitForResponse((r) => /\/phone\/cc\/\d+\.txt$/.test(r.url()));
  const res = await page.goto(server.url);
  assert.equal((await metadata).status(), 200);
  assert.equal((await callingCode).status(), 200);
  assert.equal(res.headers()["content-security-policy"], CSP);
  const phone = freshPhone();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  const code = await server.codeFor(phone);
  await page.locator("input[autocomplete=one-time-code]").fill(code === "000000" ? "111111" : "000000");
  await page.getByText("2 attempts left").waitFor();
  await page.locator("input[autocomplete=one-time-code]").fill(code);
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(reports, []);
  await page.close();
});
