//! The calling codes' files of the phone data (`phone/cc/<code>.txt`, see
//! [`crate::phone::data`]), fetched when the widget first needs one: the selected country's at
//! mount, another's when a number of it is typed or its country picked.

use super::effects::Ctx;
use crate::flow::Event;
use crate::phone::data;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The page's loader: `(callingCode) => Promise<string | null>` (`www/element.js`).
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Sets how the calling codes' files are fetched: `load(code)` resolves with the file's text,
/// or `null` when it could not be had (the loader warns the developer). Each widget asks once
/// per calling code; the loader fetches each file once for the page.
///
/// ```ignore
/// // element.js
/// phoneDataFrom((code) => fetch(`phone/cc/${code}.txt`).then((r) => (r.ok ? r.text() : null)));
/// ```
pub fn set_loader(load: js_sys::Function) {
    LOADER.with(|l| *l.borrow_mut() = Some(load));
}

/// Asks for the file of the selected country's calling code, once per widget, and lays the
/// number out again when it arrives: called at mount and after each step of the flow (a country
/// picked, or switched to by a number typed with `+`). Without a loader (a Rust app, whose data
/// is compiled in) nothing is wanted.
///
/// A call from the flow's dispatch rather than an effect that watches the country: an effect is
/// 1.3 KB of wasm.
///
/// ```ignore
/// phone_data::want(ctx);
/// ```
pub fn want(ctx: Ctx) {
    let Some(code) = ctx.country.try_get_untracked().map(|r| r.calling_code) else {
        return;
    };
    let asked = ctx.held.try_update_value(|h| {
        let asked = h.calling_codes.contains(&code);
        if !asked {
            h.calling_codes.push(code);
        }
        asked
    });
    if asked == Some(false) && data::wanted(code) {
        then(ctx, code, None);
    }
}

/// Dispatches `event` (a send, or the check when the field is left) once the selected country's
/// calling code (a number typed with `+` selects its own) has its patterns: at once when they
/// are there, else when its file arrives, or fails (fetched again if it failed before): the
/// number is judged then with its patterns, or by its length alone without them, never by its
/// length for want of waiting. If the number moved to another calling code meanwhile, that
/// one's file is waited for in turn.
///
/// ```ignore
/// .on("click", move |_| phone_data::after_data(ctx, Event::Send(Channel::Sms)))
/// ```
pub fn after_data(ctx: Ctx, event: Event) {
    // The field's blur comes also as the step removes it, maybe with the widget.
    match ctx.country.try_get_untracked().map(|r| r.calling_code) {
        Some(code) if data::wanted(code) => then(ctx, code, Some(event)),
        _ => ctx.dispatch(event),
    }
}

/// Fetches calling code `code`'s file, installs it, and then dispatches `event`, whether the
/// file came or not; without an event, lays out again what the phone field holds. At once
/// without a loader. One task for both callers: each kind of task is its own code in the wasm.
fn then(ctx: Ctx, code: &'static str, event: Option<Event>) {
    let promise = LOADER.with(|l| {
        l.borrow()
            .as_ref()
            .and_then(|load| load.call1(&JsValue::NULL, &code.into()).ok())
    });
    let Some(promise) = promise else {
        return event.map_or_else(|| relayout(ctx), |e| ctx.dispatch(e));
    };
    let file = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise));
    ctx.spawn(async move {
        if let Some(text) = file.await.ok().and_then(|t| t.as_string()) {
            installed(text);
        }
        let Some(event) = event else {
            relayout(ctx);
            return None;
        };
        // The number moved to another calling code while this one's file was on its way
        // (retyped, another country picked): judged by that one's patterns, so wait for them
        // too; the same one's failed file goes on by length.
        if ctx.country.try_get_untracked().map(|r| r.calling_code) != Some(code) {
            after_data(ctx, event);
            return None;
        }
        Some(event)
    });
}

/// Lays out what the phone field holds for the formats that just came, as if it had been typed
/// there: the field's own input handler keeps the caret after the same digit (a value set from
/// the flow would put it at the end). Nothing to do for an empty field, or one that is gone.
fn relayout(ctx: Ctx) {
    let field = ctx.held.try_with_value(|h| h.phone_field.clone()).flatten();
    if let Some(field) = field.filter(|f| !f.value().is_empty()) {
        if let Ok(input) = web_sys::Event::new("input") {
            let _ = field.dispatch_event(&input);
        }
    }
}

/// Installs a calling code's file (another widget may have installed it first); a file of
/// another version is left out, with a warning.
fn installed(text: String) {
    if data::install(text) == Err(data::DataError::Header) {
        super::effects::warn("a calling code's phone data is not of this version: its numbers are not formatted, and only their length is checked");
    }
}
