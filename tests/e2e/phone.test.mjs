// Phone entry in headless Chromium: a number typed in national form is sent in E.164, the
// country combobox works by keyboard, the caret follows its digit while typing and deleting,
// and a pasted international number switches the country.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { startServer, launch, openPage, freshPhone, distWithPages, digitsOf, focused } from "./harness.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let server, browser;
before(async () => {
  server = await startServer({
    dist: distWithPages({
      "my.html": 'endpoint="/api" default-country="MY"',
      "us.html": 'endpoint="/api" default-country="US"',
      "list.html": 'endpoint="/api" default-country="SG" countries="MY,SG,ID,GB" preferred-countries="GB"',
      "voice.html": 'endpoint="/api" default-country="GB" channels="sms,voice"',
    }),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const phoneField = (page) => page.getByLabel("Phone number");
const countryButton = (page) => page.locator("[part=country-button]");
/** The caret in the phone field, read inside the shadow root. */
const caret = (page) =>
  page.evaluate(() => document.querySelector("phone-otp").shadowRoot.querySelector("[part=phone-input]").selectionStart);

test("a number typed in national form is sent in E.164", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/my.html`);
  const e164 = freshPhone(); // +6012xxxxxxx, written 012-xxx xxxx in Malaysia
  const national = `0${e164.slice(3)}`;
  await phoneField(page).pressSequentially(national);
  // Laid out as Malaysia writes it while typed.
  assert.equal(await phoneField(page).inputValue(), `${national.slice(0, 3)}-${national.slice(3, 6)} ${national.slice(6)}`);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.locator("input[autocomplete=one-time-code]").waitFor();
  const code = await server.codeFor(e164);
  assert.match(code, /^\d{6}$/);
  await page.locator("input[autocomplete=one-time-code]").fill(code);
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("phone-otp").phone), e164);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the country combobox works by keyboard alone", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/us.html`);
  await countryButton(page).focus();
  assert.match(await countryButton(page).getAttribute("aria-label"), /^Country: United States \+1$/);
  await page.keyboard.press("ArrowDown");
  const search = page.getByRole("combobox", { name: "Search countries" });
  await search.waitFor();
  assert.equal(await countryButton(page).getAttribute("aria-expanded"), "true");
  assert.equal(await focused(search), true);
  // The highlighted option is the selected country, named by aria-activedescendant.
  const activeText = () =>
    search.evaluate((el) => el.getRootNode().getElementById(el.getAttribute("aria-activedescendant"))?.textContent);
  assert.match(await activeText(), /United States/);
  // Search by name, by dial code, by ISO code.
  await page.keyboard.type("mal");
  assert.match(await activeText(), /^\S+ Malawi|^\S+ Malaysia|^\S+ Maldives|^\S+ Mali|^\S+ Malta/);
  const names = await page.getByRole("option").allTextContents();
  assert.ok(names.some((n) => n.includes("Malaysia")), names.join());
  await search.fill("+60");
  assert.match(await activeText(), /Malaysia/);
  await search.fill("60");
  assert.match(await activeText(), /Malaysia/);
  await search.fill("sg");
  assert.match(await activeText(), /Singapore/);
  await search.fill("zzzz");
  await page.getByText("No country found").waitFor();
  // Arrows move, Escape closes and returns to the button without changing anything.
  await search.fill("ma");
  const first = await activeText();
  await page.keyboard.press("ArrowDown");
  assert.notEqual(await activeText(), first);
  await page.keyboard.press("ArrowUp");
  assert.equal(await activeText(), first);
  await page.keyboard.press("Escape");
  assert.equal(await countryButton(page).getAttribute("aria-expanded"), "false");
  assert.equal(await focused(countryButton(page)), true);
  assert.match(await countryButton(page).getAttribute("aria-label"), /United States/);
  // Enter picks and moves on to the number.
  await page.keyboard.press("Enter");
  await search.fill("malaysia");
  await page.keyboard.press("Enter");
  assert.match(await countryButton(page).getAttribute("aria-label"), /^Country: Malaysia \+60$/);
  assert.equal(await focused(phoneField(page)), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the open list has no accessibility violations", async () => {
  const { page } = await openPage(browser, `${server.url}/list.html`);
  await countryButton(page).click();
  await page.getByRole("combobox").waitFor();
  // Preferred first, then the allowed ones by name (the preferred one again, issue 15); nothing else.
  const names = (await page.getByRole("option").allTextContents()).map((n) => n.replace(/^\S+\s/, "").replace(/\s\+\d+$/, ""));
  assert.deepEqual(names, ["United Kingdom", "Indonesia", "Malaysia", "Singapore", "United Kingdom"]);
  assert.equal(await page.getByRole("option", { selected: true }).count(), 1);
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector("phone-otp"), {
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(violations, []);
  // A click picks too.
  await page.getByRole("option", { name: /Malaysia/ }).click();
  assert.match(await countryButton(page).getAttribute("aria-label"), /Malaysia/);
  await page.close();
});

test("the caret follows its digit while typing and deleting", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/us.html`);
  const field = phoneField(page);
  await field.pressSequentially("4155552671");
  assert.equal(await field.inputValue(), "(415) 555-2671");
  assert.equal(await caret(page), 14);
  // Backspace just after ") " deletes the 5 before the ")" rather than sticking on the space.
  await field.evaluate((el) => el.setSelectionRange(6, 6));
  await page.keyboard.press("Backspace");
  assert.equal(await field.inputValue(), "(415) 552-671");
  assert.equal(await caret(page), 3);
  // A digit typed in the middle: the caret stays just after it, before the ")" that moved.
  await page.keyboard.type("9");
  assert.equal(await field.inputValue(), "(419) 555-2671");
  assert.equal(await caret(page), 4);
  // Delete just before "-" removes the digit after it.
  await field.evaluate((el) => el.setSelectionRange(9, 9));
  await page.keyboard.press("Delete");
  assert.equal(await field.inputValue(), "(419) 555-671");
  assert.equal(await caret(page), 9);
  // Backspace all the way through: never stuck, ends empty.
  await field.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
  for (let i = 0; i < 20; i++) await page.keyboard.press("Backspace");
  assert.equal(await field.inputValue(), "");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a pasted international number switches the country; mistakes show on blur", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/my.html`);
  const field = phoneField(page);
  await field.fill("+44 20 7946 0958");
  assert.match(await countryButton(page).getAttribute("aria-label"), /United Kingdom \+44/);
  assert.equal(await field.inputValue(), "+44 20 7946 0958");
  // Letters are kept as typed, with a message on blur only.
  await field.fill("012 34");
  const notice = page.locator("[part=notice]");
  assert.equal((await notice.textContent()).trim(), "");
  await page.keyboard.press("Tab");
  await page.getByText("This number is too short for United Kingdom.").waitFor().catch(async () => {
    // 012 34 was read as a British number: the country switched above.
    throw new Error(`notice: ${await notice.textContent()}`);
  });
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  await field.fill("07911 12345a");
  assert.equal(await field.inputValue(), "07911 12345a");
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByText("A phone number has only digits, spaces and dashes.").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

// Issue 13, defect 4: a national prefix written after the calling code is dropped, as
// libphonenumber does ("+49 (0) 151 …" is +49151…).
test("a trunk prefix inside an international number is dropped", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/us.html`);
  for (const [typed, e164] of [
    ["+49 (0) 151 23456789", "+4915123456789"],
    ["+44 07911 123456", "+447911123456"],
    ["+41 (0)78 123 45 67", "+41781234567"],
  ]) {
    await phoneField(page).fill(typed);
    await page.getByRole("button", { name: "Send code" }).click();
    await page.locator("input[autocomplete=one-time-code]").waitFor();
    const sent = (await server.outbox()).at(-1);
    assert.equal(sent.phone, e164, typed);
    await page.getByRole("button", { name: "Change number" }).click();
    await phoneField(page).waitFor();
  }
  assert.deepEqual(errors, []);
  await page.close();
});

/** A London number no other test sends to. */
let landlines = 0;
const freshLandline = () => `+44207${String(process.pid % 1000).padStart(3, "0")}${String(++landlines).padStart(4, "0")}`;

/** Opens `url`, counting the requests to the backend, and focuses the phone field. The
 * validation patterns come a calling code at a time (phone/cc/<code>.txt, fetched when a number
 * or country of it first needs them; a send waits for them); `fetched` counts what is fetched of
 * the phone data after the widget mounted. */
async function withPatterns(url) {
  const { page, errors } = await openPage(browser, url);
  const sends = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/")) sends.push(r);
  });
  const fetched = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.includes("/phone/")) fetched.push(r.url());
  });
  await page.locator("[part=phone-input]").waitFor();
  await phoneField(page).focus();
  return { page, errors, sends, fetched };
}

const notice = (page) => page.locator("[part=notice]");

test("numbers no region has and premium-rate numbers are refused before any request", async () => {
  const { page, errors, sends, fetched } = await withPatterns(`${server.url}/us.html`);
  for (const [typed, message] of [
    ["+1 123 456 7890", "This is not a valid number in United States. Check the digits."],
    ["+44 901 234 5678", "Premium-rate and shared-cost numbers cannot get a code. Use your mobile number."],
    ["+44 800 123 4567", "Toll-free numbers cannot get a code. Use your mobile number."],
  ]) {
    await phoneField(page).fill(typed);
    await page.getByRole("button", { name: "Send code" }).click();
    await assert.doesNotReject(notice(page).getByText(message).waitFor({ timeout: 5000 }), typed);
    // Nothing typed is lost.
    assert.equal(digitsOf(await phoneField(page).inputValue()), digitsOf(typed));
    assert.equal(await phoneField(page).getAttribute("aria-invalid"), "true");
  }
  // A landline without voice offered cannot receive the text.
  await phoneField(page).fill("+44 20 7946 0958");
  await page.getByRole("button", { name: "Send code" }).click();
  await notice(page).getByText("This is a landline: it cannot receive text messages.").waitFor();
  assert.equal(sends.length, 0, sends.map((r) => r.url()).join(" "));
  // Nothing more is fetched, however often the field is focused: each calling code's patterns
  // once, +44's when a number said +44 (+1's may have come before the count began, at mount).
  await phoneField(page).blur();
  await phoneField(page).focus();
  const files = fetched.map((u) => new URL(u).pathname.replace(/^.*\/phone\//, ""));
  assert.deepEqual(files.filter((f) => f !== "cc/1.txt"), ["cc/44.txt"]);
  assert.ok(files.filter((f) => f === "cc/1.txt").length <= 1, files.join(" "));
  // A real number still goes through.
  await phoneField(page).fill("+1 201 555 0123");
  await page.getByRole("button", { name: "Send code" }).click();
  await page.locator("input[autocomplete=one-time-code]").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("a fixed-line number is sent by voice when channels offer voice", async () => {
  const { page, errors } = await withPatterns(`${server.url}/voice.html`);
  const phone = freshLandline();
  const body = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname.startsWith("/api/"));
  await phoneField(page).fill(`0${phone.slice(3)}`);
  await page.getByRole("button", { name: "Send code" }).click();
  assert.equal(JSON.parse((await body).postData()).channel, "voice");
  await page.getByText("We'll call you with the code.").waitFor();
  const sent = (await server.outbox()).filter((m) => m.phone === phone);
  assert.equal(sent.at(-1)?.channel, "voice", JSON.stringify(sent));
  const code = await server.codeFor(phone);
  await page.locator("input[autocomplete=one-time-code]").fill(code);
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
