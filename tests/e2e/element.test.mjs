// The <phone-otp> element as a page uses it: the script-tag example (no build step), its events,
// its form value and validity, moves and removal.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startServer, launch, openPage, freshPhone, distWithPages } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const codeInput = (page) => page.locator("input[autocomplete=one-time-code]");

test("the script-tag example verifies, and its form submits the verified number", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/examples/signup.html`);
  const events = [];
  await page.exposeFunction("record", (e) => events.push(e));
  await page.evaluate(() => {
    for (const n of ["state", "sent", "verified", "failed", "expired", "error"]) {
      document.addEventListener(`phone-otp:${n}`, (e) => window.record({ name: n, detail: e.detail }));
    }
  });
  await page.getByLabel("Email").fill("ada@example.com");

  // Required: the form refuses to submit before the phone is verified, and says why.
  await page.getByRole("button", { name: "Sign up" }).click();
  assert.equal(await page.locator("#submitted").textContent(), "");
  const validity = await page.evaluate(() => {
    const el = document.querySelector("phone-otp");
    return { valid: el.checkValidity(), message: el.validationMessage, state: el.state, phone: el.phone };
  });
  assert.deepEqual(validity, { valid: false, message: "Verify your phone number first.", state: "entry", phone: null });

  const phone = freshPhone();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await codeInput(page).waitFor();
  const code = await server.codeFor(phone);
  await codeInput(page).fill(code === "000000" ? "111111" : "000000");
  await page.getByText("2 attempts left").waitFor();
  await codeInput(page).fill(code);
  await page.locator(".phone-otp[data-state=verified]").waitFor();

  const verified = await page.evaluate(() => document.querySelector("phone-otp").verified);
  assert.equal(verified.phone, phone);
  assert.equal(verified.dialect, "native");
  assert.equal(verified.response.status, "approved");

  await page.getByRole("button", { name: "Sign up" }).click();
  const submitted = JSON.parse(await page.locator("#submitted").textContent());
  assert.equal(submitted.phone, phone);
  assert.equal(submitted["phone-id"], verified.id);
  assert.equal(submitted.email, "ada@example.com");

  const names = events.map((e) => e.name);
  for (const n of ["sent", "failed", "verified"]) assert.ok(names.includes(n), `no phone-otp:${n} in ${names}`);
  assert.deepEqual(events.find((e) => e.name === "failed").detail, { reason: "invalid", attemptsRemaining: 2 });
  assert.deepEqual(
    events.filter((e) => e.name === "state").map((e) => e.detail.state),
    ["sending", "code-sent", "verifying", "code-sent", "verifying", "verified"],
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test("the demo page's form submits the verified number too", async () => {
  const { page } = await openPage(browser, server.url);
  const phone = freshPhone();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await codeInput(page).fill(await server.codeFor(phone));
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  await page.getByRole("button", { name: "Sign up" }).click();
  assert.equal(JSON.parse(await page.locator("#submitted").textContent()).phone, phone);
  await page.close();
});

test("moved in the page it keeps its step; removed it frees everything; reset starts over", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/examples/signup.html`);
  const phone = freshPhone();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await codeInput(page).waitFor();
  // Leaving the page sets a timer that frees the widget, which coming back in the same task clears:
  // a timer set after the move runs after that one would have, and finds the same field.
  const kept = await page.evaluate(() => {
    const widget = document.querySelector("phone-otp");
    const field = widget.shadowRoot.querySelector("input[autocomplete=one-time-code]");
    document.body.append(widget);
    return new Promise((resolve) => setTimeout(() => resolve({ state: widget.state, field: field?.isConnected })));
  });
  assert.deepEqual(kept, { state: "code-sent", field: true });

  await page.evaluate(() => document.querySelector("phone-otp").reset());
  await page.getByLabel("Phone number").waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("phone-otp").state), "entry");

  await page.evaluate(() => {
    window.removedWidget = document.querySelector("phone-otp");
    window.removedWidget.remove();
  });
  // Freed: the wasm's view is gone from the shadow root, not only the element from the page.
  await page.waitForFunction(() => !window.removedWidget.shadowRoot.querySelector("input, button"));
  assert.equal(await page.locator("input").count(), 1); // the email field only
  assert.deepEqual(errors, []);
  await page.close();
});

test("a changed attribute applies: the locale switches", async () => {
  const { page } = await openPage(browser, `${server.url}/examples/signup.html`);
  await page.getByLabel("Phone number").waitFor();
  await page.evaluate(() => document.querySelector("phone-otp").setAttribute("locale", "es"));
  await page.getByLabel("Número de teléfono").waitFor();
  // The host page's own words, shown as text even when they look like markup.
  await page.evaluate(() =>
    document.querySelector("phone-otp").setAttribute("messages", JSON.stringify({ SendCode: "<b>Mándame</b> un código" })));
  await page.getByRole("button", { name: "<b>Mándame</b> un código" }).waitFor();
  await page.close();
});

test("a reload keeps the code step and its timers, never the code", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/examples/signup.html`);
  const phone = freshPhone();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await codeInput(page).fill("12");
  await page.getByText(/Resend code in 0:/).waitFor();
  await page.reload();
  await codeInput(page).waitFor();
  assert.equal(await codeInput(page).inputValue(), "");
  await page.getByText(/Code expires in 9:/).waitFor();
  await page.getByText(/Resend code in 0:/).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 1);
  assert.ok(!(await page.evaluate(() => JSON.stringify(sessionStorage))).includes(await server.codeFor(phone)));
  await codeInput(page).fill(await server.codeFor(phone));
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  // Verified: nothing is kept any more.
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

// WebOTP needs a phone receiving an SMS, which this machine cannot be: the browser's
// navigator.credentials.get is replaced by a stand-in (the one mock here) that resolves when the
// test "delivers" the SMS and records whether the widget aborted it.
async function withWebOtp(page) {
  await page.addInitScript(() => {
    window.OTPCredential = class {};
    window.__otp = { asked: 0, aborted: false };
    navigator.credentials.get = (options) =>
      new Promise((resolve, reject) => {
        if (!options?.otp) return reject(new Error("not an OTP request"));
        window.__otp.asked += 1;
        window.__otp.deliver = (code) => resolve({ type: "otp", code });
        options.signal?.addEventListener("abort", () => {
          window.__otp.aborted = true;
          reject(new DOMException("aborted", "AbortError"));
        });
      });
  });
}

test("WebOTP fills the code from the SMS, and is aborted when the code is typed by hand", async () => {
  let page = await browser.newPage();
  await withWebOtp(page);
  await page.goto(server.url);
  let phone = freshPhone();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.waitForFunction(() => window.__otp.asked === 1);
  const code = await server.codeFor(phone);
  await page.evaluate((c) => window.__otp.deliver(c), code);
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  await page.close();

  page = await browser.newPage();
  await withWebOtp(page);
  await page.goto(server.url);
  phone = freshPhone();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.waitForFunction(() => window.__otp.asked === 1);
  await codeInput(page).fill(await server.codeFor(phone));
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  assert.equal(await page.evaluate(() => window.__otp.aborted), true);
  await page.close();
});

test("the whole flow by keyboard alone", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/examples/signup.html`);
  const phone = freshPhone();
  // The element mounts once its wasm has loaded; until then there is nothing in it to tab to.
  await page.getByLabel("Phone number").waitFor();
  await page.keyboard.press("Tab"); // email
  await page.keyboard.press("Tab"); // the country button, inside the element
  await page.keyboard.press("Tab"); // the phone field
  await page.keyboard.type(phone);
  await page.keyboard.press("Enter");
  // Focus moves to the code field by itself.
  await page.waitForFunction(
    () => document.querySelector("phone-otp").shadowRoot.activeElement?.getAttribute("autocomplete") === "one-time-code",
  );
  const code = await server.codeFor(phone);
  await page.keyboard.type(`${code.slice(0, 5)}x`);
  await page.getByText("The code has digits only.").waitFor();
  // The letter never went in; the digits before it stay.
  assert.equal(await codeInput(page).inputValue(), code.slice(0, 5));
  await page.keyboard.type(code.slice(5));
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("a click on a slot puts the caret there", async () => {
  const { page } = await openPage(browser, `${server.url}/examples/signup.html`);
  const phone = freshPhone();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  const field = codeInput(page);
  await field.fill("1234");
  const box = await field.boundingBox();
  const slot = box.width / 6;
  // The middle of the third slot.
  await page.mouse.click(box.x + slot * 2.5, box.y + box.height / 2);
  const caret = await field.evaluate((el) => el.selectionStart);
  assert.ok(caret === 2 || caret === 3, `caret at ${caret}`);
  await page.close();
});

test("a form reset resets the element; mount() works without the element", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/examples/signup.html`);
  const phone = freshPhone();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await codeInput(page).waitFor();
  await page.evaluate(() => document.getElementById("signup").reset());
  await page.getByLabel("Phone number").waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("phone-otp").state), "entry");

  // mount(el, options): no custom element, events on el.
  await page.evaluate(async () => {
    const { mount } = await import("/element.js");
    const el = document.createElement("div");
    el.id = "plain";
    document.body.append(el);
    el.addEventListener("phone-otp:sent", () => (window.__plainSent = true));
    window.__plain = await mount(el, { endpoint: "/api", locale: "fr" });
  });
  const plain = page.locator("#plain");
  const other = freshPhone();
  await plain.getByLabel("Numéro de téléphone").fill(other);
  await plain.getByRole("button", { name: "Envoyer le code" }).click();
  await plain.locator("input[autocomplete=one-time-code]").fill(await server.codeFor(other));
  await plain.locator(".phone-otp[data-state=verified]").waitFor();
  assert.equal(await page.evaluate(() => window.__plainSent), true);
  await page.evaluate(() => window.__plain.unmount());
  assert.equal(await plain.locator("input").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

// Issue 13, defect 2: two widgets on one page, and a reload, never share a step. Each keeps its
// own under its id (or name, or storage-key); one with none of them keeps nothing.
test("two widgets on one page keep their own steps across a reload; one without a name keeps none", async () => {
  const dir = distWithPages({});
  writeFileSync(
    path.join(dir, "two.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>two</title>
<script type="module" src="/phone-otp.js"></script></head><body>
<form id="f"><phone-otp id="first" endpoint="/api" name="phone-a"></phone-otp>
<phone-otp id="second" endpoint="/api" name="phone-b"></phone-otp>
<phone-otp endpoint="/api" class="anonymous"></phone-otp></form></body></html>`,
  );
  const own = await startServer({ dist: dir });
  try {
    const { page, errors } = await openPage(browser, `${own.url}/two.html`);
    const first = page.locator("#first");
    const second = page.locator("#second");
    const anonymous = page.locator(".anonymous");
    const phone = freshPhone();
    await first.getByLabel("Phone number").fill(phone);
    await first.getByRole("button", { name: "Send code" }).click();
    await first.locator("input[autocomplete=one-time-code]").waitFor();
    const other = freshPhone();
    await anonymous.getByLabel("Phone number").fill(other);
    await anonymous.getByRole("button", { name: "Send code" }).click();
    await anonymous.locator("input[autocomplete=one-time-code]").waitFor();

    await page.reload();
    await first.locator("input[autocomplete=one-time-code]").waitFor();
    await second.getByLabel("Phone number").waitFor();
    await anonymous.getByLabel("Phone number").waitFor();
    // The restored step was announced, so the element's state is right.
    const states = await page.evaluate(() => [...document.querySelectorAll("phone-otp")].map((e) => e.state));
    assert.deepEqual(states, ["code-sent", "entry", "entry"]);
    assert.equal(await second.locator("input[autocomplete=one-time-code]").count(), 0);

    await first.locator("input[autocomplete=one-time-code]").fill(await own.codeFor(phone));
    await first.locator(".phone-otp[data-state=verified]").waitFor();
    const form = await page.evaluate(() => Object.fromEntries(new FormData(document.getElementById("f"))));
    assert.equal(form["phone-a"], phone);
    assert.equal(form["phone-b"], undefined);
    assert.equal(await page.evaluate(() => document.getElementById("second").state), "entry");
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    own.stop();
  }
});
