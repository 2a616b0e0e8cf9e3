//! The phone number field: formats as the person types and keeps the caret on its digit.
//!
//! Built with [`super::dom`]: one element, four reactive parts.

use super::dom::{el, Dom};
use crate::phone::format::{edit, Deletion};
use crate::phone::Region;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// `<input type="tel">` that lays the number out as typed for the selected region.
#[component]
pub fn PhoneField(
    /// The element id, for the label.
    id: String,
    /// Ids of the hint and the notice.
    describedby: String,
    /// The text, as the flow holds it (read reactively).
    value: impl Fn() -> String + Copy + Send + Sync + 'static,
    /// The region national numbers are read as.
    region: impl Fn() -> Region + Copy + Send + Sync + 'static,
    /// Whether the notice is about this field (read reactively).
    invalid: impl Fn() -> bool + Copy + Send + Sync + 'static,
    /// Called with the new, formatted text.
    on_input: impl Fn(String) + Copy + Send + Sync + 'static,
    /// Called when the field loses focus, also when the step changes and removes it: it must
    /// cope with a widget that is gone.
    on_blur: impl Fn() + Copy + Send + Sync + 'static,
    /// Called on Enter.
    on_enter: impl Fn() + Copy + Send + Sync + 'static,
) -> Dom {
    let input = move |ev: web_sys::Event| {
        let Some(field) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let raw = field.value();
        let caret = field
            .selection_start()
            .ok()
            .flatten()
            .map_or(raw.encode_utf16().count(), |c| c as usize);
        let deletion = match js_sys::Reflect::get(&ev, &"inputType".into())
            .ok()
            .and_then(|t| t.as_string())
            .as_deref()
        {
            Some("deleteContentBackward") => Deletion::Backward,
            Some("deleteContentForward") => Deletion::Forward,
            _ => Deletion::None,
        };
        let (text, to) = untrack(|| edit(&value(), &raw, caret, deletion, region()));
        // Set here, before the render, so the caret lands after the same digit. A new value puts
        // the caret at its end; setting the selection costs a layout, so only when it must move.
        let at = if raw == text {
            caret
        } else {
            field.set_value(&text);
            text.encode_utf16().count()
        };
        if at != to {
            let _ = field.set_selection_range(to as u32, to as u32);
        }
        on_input(text);
    };
    let field = el("input")
        .attr("id", &id)
        .attr("part", "phone-input")
        .attr("type", "tel")
        .attr("autocomplete", "tel")
        .attr("inputmode", "tel")
        .attr("dir", "ltr")
        .attr("aria-describedby", &describedby)
        .attr_with("aria-invalid", move || Some(invalid().to_string()))
        .on("input", input)
        .on("blur", move |_| on_blur())
        .on("keydown", move |ev| {
            if ev
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Enter")
            {
                ev.prevent_default();
                on_enter();
            }
        })
        .into_element();
    // Not a `value` property kept in sync on every change: setting it costs the browser about a
    // fifth of a keystroke's time even when the text is the same, as it is after the handler
    // above. Only a change the flow made itself (a country picked, a reload) is written here.
    let Ok(input) = field.clone().dyn_into::<web_sys::HtmlInputElement>() else {
        return Dom::from_element(field);
    };
    let sync = RenderEffect::new(move |_| {
        let text = value();
        if input.value() != text {
            input.set_value(&text);
        }
    });
    on_cleanup(move || drop(sync));
    Dom::from_element(field)
}
