//! WebOTP, where the browser has it: `navigator.credentials.get({ otp })` resolves with the code
//! of an SMS that names this origin, and the code goes into the flow as if typed.

use super::effects::Ctx;
use crate::flow::Event;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Starts waiting for the SMS, once per code step; the request is kept in `ctx.held` so the
/// widget aborts it when the code step ends (see [`Ctx::dispatch`]).
///
/// Called through `Reflect` because web-sys has no binding for the `otp` option.
///
/// ```ignore
/// if ctx.held.with_value(|h| h.web_otp.is_none()) {
///     web_otp::listen(ctx);
/// }
/// ```
pub fn listen(ctx: Ctx) {
    use js_sys::{Array, Function, Object, Promise, Reflect};
    let Some(window) = web_sys::window() else {
        return;
    };
    if !Reflect::has(&window, &"OTPCredential".into()).unwrap_or(false) {
        return;
    }
    let Ok(controller) = web_sys::AbortController::new() else {
        return;
    };
    let otp = Object::new();
    let _ = Reflect::set(&otp, &"transport".into(), &Array::of1(&"sms".into()));
    let options = Object::new();
    let _ = Reflect::set(&options, &"otp".into(), &otp);
    let _ = Reflect::set(&options, &"signal".into(), &controller.signal());
    let credentials = Reflect::get(&window.navigator(), &"credentials".into());
    let get = credentials
        .as_ref()
        .ok()
        .and_then(|c| Reflect::get(c, &"get".into()).ok())
        .and_then(|g| g.dyn_into::<Function>().ok());
    let (Ok(credentials), Some(get)) = (credentials, get) else {
        return;
    };
    let Ok(promise) = get.call1(&credentials, &options) else {
        return;
    };
    ctx.held.update_value(|h| h.web_otp = Some(controller));
    ctx.spawn(async move {
        let credential = JsFuture::from(Promise::from(promise)).await.ok()?;
        let code = Reflect::get(&credential, &"code".into())
            .ok()?
            .as_string()?;
        Some(Event::CodeInput(code))
    });
}
