//! The requests a send and a verification make: the request in the backend's dialect, through
//! the transport, and its answer read into the event the flow takes next; a backend's or the
//! page's fault is also explained to the developer in the console.
//!
//! None of it is needed before the person has typed a number, so in the release wasm with the
//! `split` feature (the script-tag and npm bundles) it is a wasm file of its own,
//! `wasm/split_requests.wasm` (11 KB of gzipped wasm out of the first load), which [`preload`]
//! starts fetching at the first keystroke; a send or a verification that finds it missing waits
//! for it. Otherwise, as in a Rust app or a debug build, it is part of the one wasm.

use super::effects::{now, warn, Ctx};
use crate::dialect::{HttpRequest, HttpResponse, Method, Outcome, Read, SendRequest};
use crate::flow::Event;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// A request's task, boxed: the split point hands it over as one value.
#[cfg(wasm_split)]
type Task = Pin<Box<dyn Future<Output = Option<Event>>>>;

/// What a request ends with: the backend's answer, or why there is none.
type Fetched = Result<HttpResponse, Outcome>;

/// Sends the code `req` asks for; ends with [`Event::SendDone`].
///
/// This and [`verify`] have the same shape on purpose: one generic helper for both measured
/// +148 B of gzipped first load, where these two are the only copies.
///
/// ```ignore
/// ctx.spawn(requests::send(ctx, SendRequest { phone, channel }));
/// ```
pub async fn send(ctx: Ctx, req: SendRequest) -> Option<Event> {
    #[cfg(wasm_split)]
    return match lazy::send(ctx, req).await {
        Ok(task) => task.await,
        Err(_) => {
            missing();
            Some(Event::SendDone(Outcome::Network))
        }
    };
    #[cfg(not(wasm_split))]
    send_task(ctx, req).await
}

/// Checks `code` with the backend; ends with [`Event::VerifyDone`].
///
/// ```ignore
/// ctx.spawn(requests::verify(ctx, code));
/// ```
pub async fn verify(ctx: Ctx, code: String) -> Option<Event> {
    #[cfg(wasm_split)]
    return match lazy::verify(ctx, code).await {
        Ok(task) => task.await,
        Err(_) => {
            missing();
            Some(Event::VerifyDone(Outcome::Network))
        }
    };
    #[cfg(not(wasm_split))]
    verify_task(ctx, code).await
}

/// Starts fetching the requests' code, so that "Send code" finds it there. Once per page, even
/// when it fails: every keystroke calls it, and a missing file would otherwise be fetched, and its
/// error logged, once per keystroke; a send or a verification still tries again.
///
/// ```ignore
/// on_input=move |text| { requests::preload(); ctx.dispatch(Event::PhoneInput(text)) }
/// ```
pub fn preload() {
    #[cfg(wasm_split)]
    {
        use std::sync::atomic::{AtomicBool, Ordering};
        static ASKED: AtomicBool = AtomicBool::new(false);
        if !ASKED.swap(true, Ordering::Relaxed) {
            leptos::task::spawn_local(async {
                let _ = lazy::preload().await;
            });
        }
    }
}

#[cfg(wasm_split)]
fn missing() {
    warn(
        "the requests' code (wasm/split_requests.wasm) did not load: check that it is served \
         beside wasm/phone-otp_bg.wasm",
    );
}

/// The split points: what `wasm-split` (scripts/minify.mjs) moves into
/// `wasm/split_requests.wasm` is what only these reach.
#[cfg(wasm_split)]
mod lazy {
    use super::{Ctx, SendRequest, Task};
    use crate::split::SplitLoaderError;

    #[wasm_split_macros::wasm_split(requests, fallible, preload(preload), wasm_split_path = crate::split)]
    pub fn send(ctx: Ctx, req: SendRequest) -> Result<Task, SplitLoaderError> {
        Ok(Box::pin(super::send_task(ctx, req)))
    }

    #[wasm_split_macros::wasm_split(requests, fallible, wasm_split_path = crate::split)]
    pub fn verify(ctx: Ctx, code: String) -> Result<Task, SplitLoaderError> {
        Ok(Box::pin(super::verify_task(ctx, code)))
    }
}

async fn send_task(ctx: Ctx, req: SendRequest) -> Option<Event> {
    let backend = ctx.held.try_with_value(|h| h.backend.clone())?;
    let http = backend.send(&req);
    let res = fetch(ctx, &http).await;
    let outcome = res.map_or_else(|o| o, |r| backend.read_send(&req, &r, now()));
    Some(Event::SendDone(report(ctx, &http, outcome)))
}

async fn verify_task(ctx: Ctx, code: String) -> Option<Event> {
    let backend = ctx.held.try_with_value(|h| h.backend.clone())?;
    let session = ctx.state.try_with_untracked(|s| s.session.clone())??;
    let http = backend.verify(&session, &code);
    let outcome = match fetch(ctx, &http).await {
        Err(failure) => report(ctx, &http, failure),
        Ok(res) => match backend.read_verify(&session, &res, now()) {
            Read::Done(outcome) => report(ctx, &http, outcome),
            Read::Then(next) => {
                let outcome = match fetch(ctx, &next).await {
                    Ok(res) => backend.read_follow_up(&res, now()),
                    Err(failure) => failure,
                };
                report(ctx, &next, outcome)
            }
        },
    };
    Some(Event::VerifyDone(outcome))
}

/// Boxed: a send awaits it once and a verify twice, and each await of an unboxed future would be
/// its own copy of the whole request state machine in the wasm.
fn fetch(ctx: Ctx, req: &HttpRequest) -> Pin<Box<dyn Future<Output = Fetched> + '_>> {
    Box::pin(async move {
        let transport = ctx
            .held
            .try_with_value(|h| h.transport.clone())
            .ok_or(Outcome::Network)?;
        let res = transport.send(req).await;
        ctx.held
            .try_update_value(|h| h.last_status = res.as_ref().ok().map(|r| r.status));
        res
    })
}

/// Passes `outcome` on; one that is the backend's or the page's fault is also explained to the
/// developer in the console, with the URL and the status of the request's answer.
fn report(ctx: Ctx, req: &HttpRequest, outcome: Outcome) -> Outcome {
    if let Some(hint) = outcome.diagnosis() {
        let mut url = ctx.held.with_value(|h| h.transport.url(req));
        if url.starts_with('/') {
            // The developer looks for the whole address, as the network panel shows it.
            let origin = js_sys::Reflect::get(&js_sys::global(), &"location".into())
                .and_then(|l| js_sys::Reflect::get(&l, &"origin".into()));
            if let Some(origin) = origin.ok().and_then(|o| o.as_string()) {
                url.insert_str(0, &origin);
            }
        }
        let method = match req.method {
            Method::Get => "GET",
            Method::Post => "POST",
        };
        let answer = match ctx.held.with_value(|h| h.last_status) {
            Some(status) => format!("answered {status}"),
            None => "got no answer".into(),
        };
        warn(&format!("{method} {url} {answer}: {hint}"));
    }
    outcome
}
