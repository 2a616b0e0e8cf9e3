// The country selector as people use it, in headless Chromium against the devserver: the search
// ranks as they expect (ISO code, main country of a calling code, name prefixes, other names and
// native names), type-ahead on the closed button, the search field's label, preferred countries
// above a divider and in their alphabetical place, the popup upward when there is no room below
// and filling the screen on a phone, and the country following a +1 or +44 number as it is typed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { startServer, launch, openPage, distWithPages, eventually, flushed, focused } from "./harness.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let server, browser;
before(async () => {
  server = await startServer({
    dist: distWithPages({
      "us.html": 'endpoint="/api" default-country="US"',
      "gb.html": 'endpoint="/api" default-country="GB"',
      "preferred.html": 'endpoint="/api" default-country="US" preferred-countries="GB,MY"',
    }),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const countryButton = (page) => page.locator("[part=country-button]");
const search = (page) => page.getByRole("combobox", { name: "Search countries" });
/** The options' country names, in order ("🇩🇪 Germany +49" → "Germany"). */
const listed = async (page) =>
  (await page.getByRole("option").allTextContents()).map((t) => t.replace(/^\S*\s/, "").replace(/\s\+\d+$/, "").trim());
/** The highlighted option's text. */
const active = (page) =>
  search(page).evaluate((el) => el.getRootNode().getElementById(el.getAttribute("aria-activedescendant"))?.textContent ?? "");

test("the search ranks as people expect", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/us.html`);
  await countryButton(page).click();
  for (const [query, first] of [
    // An exact ISO code first.
    ["de", "Germany"],
    ["ma", "Morocco"],
    ["gb", "United Kingdom"],
    // The main country of a calling code.
    ["+1", "United States"],
    ["1", "United States"],
    ["+44", "United Kingdom"],
    ["+7", "Russia"],
    ["+60", "Malaysia"],
    // Then names that start with the text.
    ["ger", "Germany"],
    ["united k", "United Kingdom"],
    // Other names and native names.
    ["usa", "United States"],
    ["uk", "United Kingdom"],
    ["england", "United Kingdom"],
    ["britain", "United Kingdom"],
    ["holland", "Netherlands"],
    ["ivory coast", "Côte d’Ivoire"],
    ["deutschland", "Germany"],
    ["brasil", "Brazil"],
    ["españa", "Spain"],
    ["espana", "Spain"],
  ]) {
    await search(page).fill(query);
    const names = await listed(page);
    assert.equal(names[0], first, `${query}: ${names.slice(0, 5).join(", ")}`);
    assert.match(await active(page), new RegExp(first), query);
  }
  // The rest of a calling code after its main country; name prefixes before other matches.
  await search(page).fill("+44");
  assert.deepEqual(await listed(page), ["United Kingdom", "Guernsey", "Isle of Man", "Jersey"]);
  await search(page).fill("+7");
  assert.deepEqual((await listed(page)).slice(0, 2), ["Russia", "Kazakhstan"]);
  await search(page).fill("guinea");
  assert.deepEqual((await listed(page)).slice(0, 2), ["Guinea", "Guinea-Bissau"]);
  await search(page).fill("uk");
  assert.deepEqual((await listed(page)).slice(0, 2), ["United Kingdom", "Ukraine"]);
  // Enter picks the first.
  await search(page).fill("deutschland");
  await page.keyboard.press("Enter");
  assert.match(await countryButton(page).getAttribute("aria-label"), /^Country: Germany \+49$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the search field has a label and a placeholder", async () => {
  const { page } = await openPage(browser, `${server.url}/us.html`);
  await countryButton(page).click();
  assert.equal(await search(page).getAttribute("placeholder"), "Search countries");
  assert.equal(await search(page).getAttribute("aria-label"), "Search countries");
  await page.close();
});

test("type-ahead: letters typed on the closed button go to the country", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/us.html`);
  for (const [typed, country, code] of [
    ["ger", "Germany", "49"],
    ["de", "Germany", "49"],
    ["uk", "United Kingdom", "44"],
    ["jap", "Japan", "81"],
    ["mal", "Malawi", "265"],
    ["+60", "Malaysia", "60"],
  ]) {
    await countryButton(page).focus();
    assert.equal(await countryButton(page).getAttribute("aria-expanded"), "false");
    await page.keyboard.type(typed);
    // The list opened with the search already holding what was typed, the best match highlighted.
    assert.equal(await search(page).inputValue(), typed);
    assert.match(await active(page), new RegExp(country), typed);
    await page.keyboard.press("Enter");
    assert.equal(await countryButton(page).getAttribute("aria-label"), `Country: ${country} +${code}`, typed);
    // Picking moves on to the number.
    await page.waitForFunction(() => document.querySelector("phone-otp").shadowRoot.activeElement?.getAttribute("part") === "phone-input");
  }
  // A modifier shortcut or Space does not start a search.
  await countryButton(page).focus();
  await page.keyboard.press("Control+a");
  assert.equal(await countryButton(page).getAttribute("aria-expanded"), "false");
  assert.deepEqual(errors, []);
  await page.close();
});

test("preferred countries sit above a divider and in their alphabetical place", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/preferred.html`);
  await countryButton(page).click();
  // The list's code arrives on the first click (wasm/split_popup.wasm).
  await page.getByRole("option").first().waitFor();
  const names = await listed(page);
  assert.deepEqual(names.slice(0, 2), ["United Kingdom", "Malaysia"]);
  assert.ok(names.indexOf("United Kingdom", 2) > names.indexOf("Malaysia", 2), "United Kingdom in its place");
  assert.ok(names.indexOf("Malaysia", 2) > 2, "Malaysia in its place");
  assert.equal(await page.locator("[role=option][data-divider]").count(), 1);
  assert.match(await page.locator("[role=option][data-divider]").textContent(), /Malaysia/);
  // Option ids stay unique; one option is selected.
  const ids = await page.getByRole("option").evaluateAll((els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(await page.getByRole("option", { selected: true }).count(), 1);
  // A search lists each country once.
  await search(page).fill("malaysia");
  assert.deepEqual(await listed(page), ["Malaysia"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the list opens upward without room below, and fills a phone's screen", async () => {
  let page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(`${server.url}/us.html`);
  await page.locator("phone-otp").evaluate((el) => {
    el.style.position = "fixed";
    el.style.bottom = "8px";
    el.style.left = "8px";
    el.style.width = "360px";
  });
  await countryButton(page).click();
  const popup = page.locator("[part=country-popup]");
  await popup.waitFor();
  const box = await popup.boundingBox();
  const button = await countryButton(page).boundingBox();
  assert.ok(box.y + box.height <= button.y + 1, `popup ${JSON.stringify(box)} above button ${JSON.stringify(button)}`);
  await page.close();

  page = await browser.newPage({ viewport: { width: 375, height: 667 } });
  await page.goto(`${server.url}/us.html`);
  await countryButton(page).click();
  await page.locator("[part=country-popup]").waitFor();
  const full = await page.locator("[part=country-popup]").boundingBox();
  assert.ok(full.width >= 375 - 32 && full.height >= 667 - 32, JSON.stringify(full));
  await page.close();
});

test("the country follows a +1 or +44 number as it is typed", async () => {
  let { page, errors } = await openPage(browser, `${server.url}/us.html`);
  const field = page.getByLabel("Phone number");
  await field.pressSequentially("204");
  assert.match(await countryButton(page).getAttribute("aria-label"), /Canada \+1$/);
  await field.pressSequentially("5550123");
  assert.match(await countryButton(page).getAttribute("aria-label"), /Canada \+1$/);
  await field.fill("");
  await field.pressSequentially("415");
  assert.match(await countryButton(page).getAttribute("aria-label"), /United States \+1$/);
  await field.fill("");
  await field.pressSequentially("+1 204 555");
  assert.match(await countryButton(page).getAttribute("aria-label"), /Canada \+1$/);
  await field.fill("");
  await field.pressSequentially("+1 415 555");
  assert.match(await countryButton(page).getAttribute("aria-label"), /United States \+1$/);
  assert.deepEqual(errors, []);
  await page.close();

  ({ page, errors } = await openPage(browser, `${server.url}/gb.html`));
  const gb = page.getByLabel("Phone number");
  await gb.pressSequentially("01481 256");
  assert.match(await countryButton(page).getAttribute("aria-label"), /Guernsey \+44$/);
  await gb.fill("");
  await gb.pressSequentially("020 7946");
  assert.match(await countryButton(page).getAttribute("aria-label"), /United Kingdom \+44$/);
  await gb.fill("");
  await gb.pressSequentially("+44 1481 256");
  assert.match(await countryButton(page).getAttribute("aria-label"), /Guernsey \+44$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the open list, its divider and a search: no axe violation in either theme", async () => {
  const { page } = await openPage(browser, `${server.url}/preferred.html`);
  await countryButton(page).click();
  await page.addScriptTag({ path: axePath });
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => document.querySelector("phone-otp").setAttribute("theme", t), theme);
    for (const query of ["", "uni"]) {
      await search(page).fill(query);
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document.querySelector("phone-otp"), {
          runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
        });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      assert.deepEqual(violations, [], `${theme} "${query}": ${violations.join("; ")}`);
    }
  }
  await page.close();
});

test("the list's own wasm file missing: a console warning, the button still there, and the next click tries again", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/us.html`);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.route("**/wasm/split_popup.wasm", (route) => route.fulfill({ status: 404, body: "not here" }));
  await countryButton(page).click();
  await eventually(() => warnings.length);
  assert.match(warnings.join("\n"), /phone-otp: the country list's code \(wasm\/split_popup\.wasm\) did not load/);
  assert.equal(await page.locator("[part=country-popup]").count(), 0);
  assert.equal(await countryButton(page).getAttribute("aria-expanded"), "false");
  assert.equal(await countryButton(page).getAttribute("aria-busy"), null);
  // The phone field still takes a number.
  await page.getByLabel("Phone number").pressSequentially("2015550123");
  assert.equal(await page.getByLabel("Phone number").inputValue(), "(201) 555-0123");
  // The loader logged its own error; nothing else went wrong.
  assert.ok(errors.every((e) => /split_popup|WebAssembly|CompileError|TypeError/.test(e)), errors.join("\n"));
  await page.unroute("**/wasm/split_popup.wasm");
  await countryButton(page).click();
  await search(page).fill("germ");
  assert.equal((await listed(page))[0], "Germany");
  await page.close();
});

/**
 * Holds back `wasm/split_popup.wasm` on `page` until `release()`: `requested` resolves when the
 * page asks for it; `requests()` counts the asks.
 */
function slowList(page) {
  let release, asked;
  const gate = new Promise((resolve) => (release = resolve));
  const requested = new Promise((resolve) => (asked = resolve));
  let count = 0;
  page.route("**/wasm/split_popup.wasm", async (route) => {
    count += 1;
    asked();
    await gate;
    await route.continue();
  });
  return { release, requested, requests: () => count };
}

/**
 * A page that fails the test on any page error or console error, like openPage, where
 * `window.__listLoaded` resolves once the list's wasm file has been instantiated and every task
 * it woke has run (a macrotask after the instantiation): the moment a list asked for and then
 * cancelled would have popped open.
 */
async function openWatched(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  await page.addInitScript(() => {
    const instantiate = WebAssembly.instantiateStreaming;
    let loaded;
    window.__listLoaded = new Promise((resolve) => (loaded = resolve));
    WebAssembly.instantiateStreaming = (source, imports) => {
      const made = instantiate.call(WebAssembly, source, imports);
      Promise.all([source, made])
        .then(([response]) => response.url.endsWith("/split_popup.wasm") && setTimeout(loaded))
        .catch(() => {});
      return made;
    };
  });
  await page.goto(url);
  return { page, errors };
}

/** Every country popup of the page's widgets, as "shown" or "hidden", per widget. */
const popups = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("phone-otp")].map((el) =>
      [...(el.shadowRoot?.querySelectorAll("[part=country-popup]") ?? [])].map((p) => (p.hidden ? "hidden" : "shown")),
    ),
  );

test("two widgets asked for the list while its file is on its way: the one asked last opens, and each picks its own country", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/us.html`);
  await page.evaluate(() => {
    const el = document.createElement("phone-otp");
    el.setAttribute("endpoint", "/api");
    el.setAttribute("default-country", "GB");
    document.querySelector("form").append(el);
  });
  const [a, b] = [0, 1].map((i) => page.locator("phone-otp").nth(i));
  await b.locator("[part=country-button]").waitFor();
  const slow = slowList(page);
  await a.locator("[part=country-button]").click();
  await b.locator("[part=country-button]").click();
  await slow.requested;
  slow.release();
  // Clicking the second button took the focus from the first, as with a list already there.
  await b.getByRole("combobox").waitFor();
  assert.deepEqual(await popups(page), [[], ["shown"]]);
  assert.equal(slow.requests(), 1, "one fetch for both");
  await b.getByRole("combobox").fill("fran");
  await page.keyboard.press("Enter");
  await a.locator("[part=country-button]").click();
  await a.getByRole("combobox").fill("germ");
  await page.keyboard.press("Enter");
  assert.equal(await a.locator("[part=country-button]").getAttribute("aria-label"), "Country: Germany +49");
  assert.equal(await b.locator("[part=country-button]").getAttribute("aria-label"), "Country: France +33");
  assert.deepEqual(await popups(page), [["hidden"], ["hidden"]]);
  // Each list is its own: ids do not collide.
  const ids = await page.getByRole("option").evaluateAll((els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(errors, []);
  await page.close();
});

test("type-ahead while the list's file is on its way: the search opens with all that was typed, in order", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/us.html`);
  const slow = slowList(page);
  await countryButton(page).focus();
  // Focus alone starts the file on its way.
  await slow.requested;
  await page.keyboard.type("ger");
  // A screen reader hears that the list is on its way.
  assert.equal(await countryButton(page).getAttribute("aria-busy"), "true");
  slow.release();
  await search(page).waitFor();
  assert.equal(await countryButton(page).getAttribute("aria-busy"), null);
  assert.equal(await search(page).inputValue(), "ger");
  assert.match(await active(page), /Germany/);
  assert.ok(await focused(search(page)));
  await page.keyboard.press("Enter");
  assert.equal(await countryButton(page).getAttribute("aria-label"), "Country: Germany +49");
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [how, gesture] of [
  ["Tab", (page) => page.keyboard.press("Tab")],
  ["a click elsewhere", (page) => page.locator("#name").click()],
  ["Escape", (page) => page.keyboard.press("Escape")],
]) {
  test(`the list asked for, then ${how} before its file arrives: it stays closed and the focus stays`, async () => {
    const { page, errors } = await openWatched(`${server.url}/us.html`);
    const slow = slowList(page);
    await countryButton(page).click();
    await slow.requested;
    await gesture(page);
    const where = () => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute("part") ?? el?.id;
    });
    const before = await where();
    slow.release();
    await page.evaluate(() => window.__listLoaded);
    assert.deepEqual(await popups(page), [[]]);
    assert.equal(await countryButton(page).getAttribute("aria-expanded"), "false");
    assert.equal(await where(), before);
    // Asked again, it opens at once.
    await countryButton(page).click();
    await search(page).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("the widget removed while the list's file is on its way: no error, no list anywhere, and it works put back", async () => {
  const { page, errors } = await openWatched(`${server.url}/us.html`);
  const slow = slowList(page);
  await countryButton(page).click();
  await slow.requested;
  await page.evaluate(() => {
    window.__widget = document.querySelector("phone-otp");
    window.__widget.remove();
  });
  slow.release();
  await page.evaluate(() => window.__listLoaded);
  assert.equal(await page.evaluate(() => window.__widget.shadowRoot.querySelectorAll("[part=country-popup]").length), 0);
  assert.equal(await page.locator("[part=country-popup]").count(), 0);
  await page.evaluate(() => document.querySelector("form").append(window.__widget));
  await countryButton(page).click();
  await search(page).fill("germ");
  assert.equal((await listed(page))[0], "Germany");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the list's file failing with a network error: a console warning, the phone field still works, and the next click tries again", async () => {
  const { page } = await openPage(browser, `${server.url}/us.html`);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.route("**/wasm/split_popup.wasm", (route) => route.abort("internetdisconnected"));
  await countryButton(page).click();
  await eventually(() => warnings.length);
  assert.match(warnings.join("\n"), /the country list's code \(wasm\/split_popup\.wasm\) did not load/);
  assert.deepEqual(await popups(page), [[]]);
  assert.equal(await countryButton(page).getAttribute("aria-expanded"), "false");
  await page.getByLabel("Phone number").pressSequentially("2015550123");
  assert.equal(await page.getByLabel("Phone number").inputValue(), "(201) 555-0123");
  await page.unroute("**/wasm/split_popup.wasm");
  await countryButton(page).click();
  await search(page).fill("germ");
  assert.equal((await listed(page))[0], "Germany");
  await page.close();
});

test("a missing list file is fetched once by hovering and focusing the button, and again on a click", async () => {
  const { page } = await openPage(browser, `${server.url}/us.html`);
  let requests = 0;
  await page.route("**/wasm/split_popup.wasm", (route) => {
    requests += 1;
    return route.fulfill({ status: 404, body: "not here" });
  });
  for (let i = 0; i < 3; i++) {
    await countryButton(page).hover();
    await page.mouse.move(0, 0);
    await countryButton(page).focus();
    await page.locator("#name").focus();
  }
  await flushed(page);
  assert.equal(requests, 1);
  const warned = page.waitForEvent("console", (m) => m.type() === "warning");
  await countryButton(page).click();
  await warned;
  assert.equal(requests, 2);
  await page.close();
});

test("keys: ↓ opens, Enter picks, Escape returns to the button, and the list works each time it opens again", async () => {
  const { page, errors } = await openPage(browser, `${server.url}/us.html`);
  await countryButton(page).focus();
  await page.keyboard.press("ArrowDown");
  await search(page).waitFor();
  assert.ok(await focused(search(page)));
  assert.match(await active(page), /United States/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.equal(await countryButton(page).getAttribute("aria-label"), "Country: Uruguay +598");
  assert.ok(await focused(page.getByLabel("Phone number")));
  for (const key of ["ArrowUp", "ArrowDown"]) {
    await countryButton(page).focus();
    await page.keyboard.press(key);
    assert.ok(await focused(search(page)), key);
    assert.equal(await search(page).inputValue(), "");
    assert.match(await active(page), /Uruguay/, key);
    await page.keyboard.press("Escape");
    assert.ok(await focused(countryButton(page)), key);
    assert.equal(await countryButton(page).getAttribute("aria-expanded"), "false");
    assert.deepEqual(await popups(page), [["hidden"]]);
  }
  await page.keyboard.press("ArrowDown");
  await page.keyboard.type("jap");
  assert.match(await active(page), /Japan/);
  await page.keyboard.press("Enter");
  assert.equal(await countryButton(page).getAttribute("aria-label"), "Country: Japan +81");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the list opens under a strict Content-Security-Policy without a violation", async () => {
  const strict = await startServer({
    dist: distWithPages({ "us.html": 'endpoint="/api" default-country="US"' }),
    headers: ["Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"],
  });
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  await page.goto(`${strict.url}/us.html`);
  await countryButton(page).click();
  await search(page).fill("germ");
  await page.keyboard.press("Enter");
  assert.equal(await countryButton(page).getAttribute("aria-label"), "Country: Germany +49");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
  strict.stop();
});
