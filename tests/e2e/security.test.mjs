// Security checks over HTTP against the devserver, and hostile backends against the widget.
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { startServer, launch, openPage, freshPhone, digitsOf } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});
beforeEach(() => server.clearFaults());

const post = (p, body) =>
  fetch(`${server.url}/api${p}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function start() {
  const phone = freshPhone();
  const { id } = await (await post("/send", { phone })).json();
  return { id, code: await server.codeFor(phone) };
}

test("50 parallel verifies of the right code: exactly one success", async () => {
  const { id, code } = await start();
  const answers = await Promise.all(Array.from({ length: 50 }, () => post("/verify", { id, code })));
  const ok = answers.filter((r) => r.status === 200).length;
  assert.equal(ok, 1);
  assert.equal(answers.filter((r) => r.status === 409).length, 49);
});

test("parallel wrong guesses cannot pass the attempt limit", async () => {
  const { id, code } = await start();
  const wrong = code === "000000" ? "111111" : "000000";
  const answers = await Promise.all(Array.from({ length: 30 }, () => post("/verify", { id, code: wrong })));
  assert.equal(answers.filter((r) => r.status === 400).length, 3);
  assert.equal(answers.filter((r) => r.status === 423).length, 27);
  // And the right code no longer works.
  assert.equal((await post("/verify", { id, code })).status, 423);
});

test("a code from one verification fails on another", async () => {
  const a = await start();
  const b = await start();
  if (a.code !== b.code) assert.equal((await post("/verify", { id: b.id, code: a.code })).status, 400);
  assert.equal((await post("/verify", { id: b.id, code: b.code })).status, 200);
});

test("form posts and text bodies are refused", async () => {
  for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
    const res = await fetch(`${server.url}/api/send`, {
      method: "POST",
      headers: { "content-type": type },
      body: "phone=%2B60182258491",
    });
    assert.equal(res.status, 415, type);
  }
});

test("backend messages with markup are shown as text", async () => {
  const { page, errors } = await openPage(browser, server.url);
  const hostile = '<img src=x onerror="window.__owned=1"><script>window.__owned=1</script>';
  await server.fault({ path: "/api/send", status: 400, body: JSON.stringify({ status: "x", message: hostile }) });
  await page.getByLabel("Phone number").fill(freshPhone());
  await page.getByRole("button", { name: "Send code" }).click();
  const notice = page.locator("[part=notice]");
  await notice.getByText("This number cannot get a code.").waitFor();
  assert.equal(await notice.locator("img, script").count(), 0);
  assert.ok((await notice.textContent()).includes("<img src=x"));
  assert.equal(await page.evaluate(() => window.__owned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a 1 MB body, a body that is not JSON and JSON of the wrong shape end in a clear error", async () => {
  for (const body of ["x".repeat(1024 * 1024), "<html>oops</html>", '{"id": 42, "status": ["pending"]}', "[]"]) {
    const { page } = await openPage(browser, server.url);
    const phone = freshPhone();
    await server.fault({ path: "/api/send", body });
    await page.getByLabel("Phone number").fill(phone);
    await page.getByRole("button", { name: "Send code" }).click();
    await page.locator("[part=notice]").getByText("Something went wrong").waitFor();
    assert.equal(digitsOf(await page.getByLabel("Phone number").inputValue()), phone);
    await page.close();
  }
});

test("the built bundle holds no key-like secret and no Bearer token", () => {
  const dist = process.env.PHONE_OTP_DIST ?? path.resolve("dist");
  for (const name of readdirSync(dist)) {
    if (!/\.(js|wasm|css|html)$/.test(name)) continue;
    const text = readFileSync(path.join(dist, name)).toString("latin1");
    assert.ok(!/Bearer\s+[A-Za-z0-9._-]{8,}/.test(text), `${name} has a Bearer token`);
    assert.ok(!/\b(sk|pk|rk)_(live|test)_[A-Za-z0-9]{8,}/.test(text), `${name} has an API key`);
    assert.ok(!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text), `${name} has a private key`);
    assert.ok(!/x-api-key/i.test(text), `${name} mentions x-api-key`);
  }
});


test("sends are limited per client address too, with 429 and Retry-After", async () => {
  const limited = await startServer({ args: ["--client-limit", "3"] });
  try {
    const send = (phone) =>
      fetch(`${limited.url}/api/send`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone }),
      });
    // Three different numbers from one address get codes; the fourth number does not.
    for (let i = 0; i < 3; i++) assert.equal((await send(freshPhone())).status, 200);
    const res = await send(freshPhone());
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get("retry-after")) > 0);
    assert.equal((await res.json()).status, "rate_limited");
    // The provider dialects share the limit.
    const other = await fetch(`${limited.url}/api/otp-service/v1/messaging/otp/request`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: freshPhone() }),
    });
    assert.equal(other.status, 429);
  } finally {
    limited.stop();
  }
});

test("CORS only for the configured origins, with Retry-After exposed", async () => {
  const page = server.url; // the origin the widget's page is served from
  const api = await startServer({ args: ["--allow-origin", page] });
  try {
    const send = (origin) =>
      fetch(`${api.url}/api/send`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({ phone: freshPhone() }),
      });
    const ok = await send(page);
    assert.equal(ok.headers.get("access-control-allow-origin"), page);
    assert.match(ok.headers.get("access-control-expose-headers"), /Retry-After/i);
    const other = await send("https://evil.example");
    assert.equal(other.headers.get("access-control-allow-origin"), null);
    const preflight = (origin) =>
      fetch(`${api.url}/api/send`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,idempotency-key" },
      });
    const yes = await preflight(page);
    assert.equal(yes.status, 204);
    assert.equal(yes.headers.get("access-control-allow-origin"), page);
    assert.match(yes.headers.get("access-control-allow-headers"), /idempotency-key/);
    const no = await preflight("https://evil.example");
    assert.equal(no.status, 403);
    assert.equal(no.headers.get("access-control-allow-origin"), null);

    // In the browser: the widget on `page` sends through the other server only while it allows it.
    const { page: tab } = await openPage(browser, page);
    await tab.getByLabel("Phone number").waitFor();
    await tab.evaluate((endpoint) => document.querySelector("phone-otp").setAttribute("endpoint", endpoint), `${api.url}/api`);
    const phone = freshPhone();
    await tab.getByLabel("Phone number").fill(phone);
    await tab.getByRole("button", { name: "Send code" }).click();
    await tab.locator("input[autocomplete=one-time-code]").waitFor();
    assert.match(await api.codeFor(phone), /^\d{6}$/);
    await tab.close();
  } finally {
    api.stop();
  }
  const closed = await startServer();
  try {
    const { page: tab } = await openPage(browser, page);
    await tab.getByLabel("Phone number").waitFor();
    await tab.evaluate((endpoint) => document.querySelector("phone-otp").setAttribute("endpoint", endpoint), `${closed.url}/api`);
    await tab.getByLabel("Phone number").fill(freshPhone());
    await tab.getByRole("button", { name: "Send code" }).click();
    await tab.getByText("Could not reach the server").waitFor();
    await tab.close();
  } finally {
    closed.stop();
  }
});
