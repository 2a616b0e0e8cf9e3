// The devserver's native protocol over HTTP, checked against openapi.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer, freshPhone } from "./harness.mjs";

const spec = JSON.parse(readFileSync(new URL("../../openapi.json", import.meta.url), "utf8"));
const schema = (name) => spec.components.schemas[name];

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

async function post(path, body, headers = {}) {
  const res = await fetch(`${server.url}/api${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json().catch(() => null) };
}

function required(s) {
  const own = s.required ?? [];
  const inherited = (s.allOf ?? []).flatMap((part) => required(schema(part.$ref.split("/").pop())));
  return [...own, ...inherited];
}

function conforms(body, name) {
  for (const key of required(schema(name))) assert.ok(key in body, `${name} lacks ${key}: ${JSON.stringify(body)}`);
  const status = schema(name).properties?.status;
  if (status?.const) assert.equal(body.status, status.const);
  if (status?.enum) assert.ok(status.enum.includes(body.status), `${body.status} not in ${status.enum}`);
}

test("send answers a Pending with the documented fields", async () => {
  const res = await post("/send", { phone: freshPhone(), channel: "sms" });
  assert.equal(res.status, 200);
  conforms(res.body, "Pending");
  assert.equal(res.body.attemptsRemaining, 3);
  assert.equal(res.body.codeLength, 6);
  assert.ok(Date.parse(res.body.expiresAt) > Date.now());
});

test("verify answers each documented status with its HTTP code", async () => {
  const phone = freshPhone();
  const sent = (await post("/send", { phone })).body;
  const code = await server.codeFor(phone);
  const wrong = code === "000000" ? "111111" : "000000";
  let res = await post("/verify", { id: sent.id, code: wrong });
  assert.equal(res.status, 400);
  conforms(res.body, "Failure");
  assert.equal(res.body.attemptsRemaining, 2);
  res = await post("/verify", { id: sent.id, code });
  assert.equal(res.status, 200);
  conforms(res.body, "Approved");
  res = await post("/verify", { id: sent.id, code });
  assert.equal(res.status, 409);
  assert.equal(res.body.status, "already_used");
  res = await post("/verify", { id: "v_nope", code });
  assert.equal(res.status, 404);
  assert.equal(res.body.status, "not_found");
  const status = await (await fetch(`${server.url}/api/status/${sent.id}`)).json();
  conforms(status, "Status");
  assert.equal(status.status, "approved");
});

test("a second send before resendAt is 429 with Retry-After; the same Idempotency-Key is not", async () => {
  const phone = freshPhone();
  const first = await post("/send", { phone }, { "idempotency-key": "k1" });
  const again = await post("/send", { phone }, { "idempotency-key": "k1" });
  assert.equal(again.status, 200);
  assert.equal(again.body.id, first.body.id);
  const other = await post("/send", { phone }, { "idempotency-key": "k2" });
  assert.equal(other.status, 429);
  assert.ok(Number(other.headers.get("retry-after")) > 0);
  assert.equal((await server.outbox()).filter((m) => m.phone === phone).length, 1);
});

test("bad input is refused with a clear status", async () => {
  assert.equal((await post("/send", { phone: "0123" })).body.status, "invalid_phone");
  const text = await fetch(`${server.url}/api/send`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
  assert.equal(text.status, 415);
});
