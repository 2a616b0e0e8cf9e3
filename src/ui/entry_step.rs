//! The first step: the country, the phone number and the send button.

use super::country_select::CountrySelect;
use super::dom::{el, Dom, El};
use super::effects::Ctx;
use super::phone_data::after_data;
use super::phone_field::PhoneField;
use super::requests;
use crate::dialect::Channel;
use crate::flow::{Event, Notice};
use crate::i18n::{self, Key};
use crate::phone::Region;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The phone step: a country selector, the number field (formatted as typed) and "Send code".
/// Built with [`super::dom`].
///
/// ```ignore
/// view! { <EntryStep ctx phone_id notice_id /> }
/// ```
#[component]
pub fn EntryStep(
    /// The widget's context: its state and effect runner.
    ctx: Ctx,
    /// The phone input's id; the hint's is `{phone_id}-hint`, the selector's `{phone_id}-country`.
    phone_id: String,
    /// The id of the notice the field is described by.
    notice_id: String,
) -> Dom {
    let (state, tx, clock) = (ctx.state, ctx.tx, ctx.clock);
    let wait_id = format!("{phone_id}-wait");
    let (countries, locale) = ctx.held.with_value(|h| h.country_options.clone());
    let country_select = view! {
        <CountrySelect
            tx
            countries
            locale
            // Apart from the state, so typing does not redraw the button.
            selected=move || ctx.country.get()
            on_select=move |r: Region| ctx.dispatch(Event::Country(r))
            id=format!("{phone_id}-country")
        />
    };
    let phone_field = view! {
        <PhoneField
            id=phone_id.clone()
            describedby=format!("{phone_id}-hint {notice_id}")
            value=move || state.with(|s| s.phone.clone())
            region=move || state.with(|s| s.country)
            invalid=move || state.with(|s| matches!(s.notice, Some(Notice::Phone(_))))
            on_input=move |text| {
                // The requests' code is on its way while the number is typed.
                requests::preload();
                ctx.dispatch(Event::PhoneInput(text))
            }
            // Both judge the number: with its calling code's patterns, once they are in.
            // after_data copes with a widget that is gone.
            on_blur=move || after_data(ctx, Event::PhoneBlur)
            on_enter=move || after_data(ctx, Event::Send(Channel::Sms))
        />
    }
    .into_inner();
    // The field is the input itself: focus and the read-only hold reach it through `held`.
    let phone_input = El::from(phone_field);
    ctx.held
        .update_value(|h| h.phone_field = phone_input.element().dyn_ref().cloned());
    let send = el("button")
        .attr("type", "button")
        .attr("part", "button send")
        .attr_with("aria-disabled", move || {
            Some((!state.with(|s| s.can_send(clock.get()))).to_string())
        })
        .attr("aria-describedby", &wait_id)
        .on("click", move |_| after_data(ctx, Event::Send(Channel::Sms)))
        .text_with(move || {
            tx.text(if state.with(|s| s.busy()) {
                Key::Sending
            } else {
                Key::SendCode
            })
        });
    Dom::from(
        el("div")
            .attr("class", "step")
            .attr("part", "phone-step")
            .child(
                el("label")
                    .attr("for", &phone_id)
                    .text(&tx.text(Key::PhoneLabel)),
            )
            .child(
                el("p")
                    .attr("class", "hint")
                    .attr("id", &format!("{phone_id}-hint"))
                    // Without the metadata (its fetch failed) only "+44 …" can be read.
                    .text(&tx.text(match crate::phone::data::metadata() {
                        Some(_) => Key::PhoneHint,
                        None => Key::PhoneWithCountryCode,
                    })),
            )
            .child(
                el("div")
                    .attr("class", "phone-row")
                    .attr("part", "phone-row")
                    .child(country_select.into_inner())
                    .child(phone_input),
            )
            .child(send)
            .child(send_wait(ctx, &wait_id)),
    )
}

/// "Send again in 0:27" beside a send button that is held by a resend wait or a 429 for this
/// number, counting down each second; empty when the button can act. The button names it with
/// `aria-describedby`, so it is read with the button, not announced every second.
///
/// ```ignore
/// el("div").child(el("button").attr("aria-describedby", "w1")).child(send_wait(ctx, "w1"))
/// ```
pub fn send_wait(ctx: Ctx, id: &str) -> El {
    let (state, tx, clock) = (ctx.state, ctx.tx, ctx.clock);
    el("p")
        .attr("class", "timer")
        .attr("part", "send-wait")
        .attr("id", id)
        .text_with(move || {
            state
                .with(|s| s.send_wait(clock.get()))
                .map(|left| tx.fill(Key::SendAgainIn, &[("time", &i18n::clock(left))]))
                .unwrap_or_default()
        })
}
