//! What every dialect shares: starting a verification (limits, code, delivery) and pruning
//! what has run out. Handlers call these; the router is not involved.

use crate::client::Client;
use crate::clock::rfc3339;
use crate::dev::Message;
use crate::error::ApiError;
use crate::phone::is_e164;
use crate::state::AppState;
use crate::store::{new_code, Verification};
use axum::http::StatusCode;
use serde_json::json;

/// Starts a verification and "delivers" its code: printed and kept in the outbox in dev mode,
/// dropped otherwise (no SMS gateway here). Limited per number (the resend wait) and per
/// `client` address.
pub fn start(
    state: &AppState,
    phone: &str,
    channel: &str,
    owner: &str,
    dialect: &str,
    client: Client,
) -> Result<Verification, ApiError> {
    if !is_e164(phone) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            json!({ "status": "invalid_phone", "message": "phone must be in E.164 form, like +60182258491" }),
        ));
    }
    let now = state.clock.now();
    let wait = state
        .store
        .resend_wait(phone, now)
        .map_or_else(|| state.client_limit.take(client, now).err(), Some);
    if let Some(wait) = wait {
        let secs = (wait as u64).div_ceil(1000);
        return Err(ApiError {
            retry_after: Some(secs),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                json!({ "status": "rate_limited", "message": "wait before asking for another code", "retryAfter": secs }),
            )
        });
    }
    let code = new_code();
    let v = state.store.create(now, phone, channel, owner, &code);
    if state.dev {
        println!("code for {phone}: {code}");
        state.outbox.push(Message {
            id: v.id.clone(),
            phone: phone.to_owned(),
            channel: channel.to_owned(),
            code,
            dialect: dialect.to_owned(),
            at: rfc3339(now),
            expires_at: v.expires_at,
        });
    }
    Ok(v)
}

/// Drops expired verifications (and their outbox messages) and the per-client windows that
/// are over; returns how many verifications went. The devserver calls it every few seconds,
/// and after the dev clock moves.
pub fn prune(state: &AppState) -> usize {
    let now = state.clock.now();
    let pruned = state.store.prune(now);
    state.outbox.prune(now);
    state.client_limit.prune(now);
    if pruned > 0 {
        crate::memory::release();
    }
    pruned
}
