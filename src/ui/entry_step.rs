//! The first step: the country, the phone number and the send button.

use super::country_select::{Country, CountrySelect};
use super::effects::Ctx;
use super::names::{folded, CountryNames};
use super::phone_field::PhoneField;
use crate::config::Countries;
use crate::dialect::Channel;
use crate::flow::{Event, Notice};
use crate::i18n::{self, Key};
use crate::phone::Region;
use leptos::prelude::*;

/// The countries the selector offers: preferred ones first as given, then every one by name
/// (the preferred ones again, in their alphabetical place).
fn country_list(countries: &Countries, names: &CountryNames, locale: &str) -> Vec<Country> {
    let mut list: Vec<Country> = countries
        .list()
        .into_iter()
        .map(|region| {
            let name = names.name(region.code);
            let mut search = vec![folded(&name)];
            search.extend(names.english(region.code).map(|n| folded(&n)));
            Country {
                region,
                name,
                search,
                preferred: false,
            }
        })
        .collect();
    let locales = js_sys::Array::of1(&locale.into());
    list.sort_unstable_by(|a, b| {
        let a = js_sys::JsString::from(a.name.as_str());
        a.locale_compare(&b.name, &locales, &js_sys::Object::new())
            .cmp(&0)
    });
    let mut top: Vec<Country> = countries
        .preferred
        .iter()
        .filter_map(|r| list.iter().find(|c| c.region == *r))
        .map(|c| Country {
            preferred: true,
            ..c.clone()
        })
        .collect();
    top.append(&mut list);
    top
}

/// The phone step: a country selector, the number field (formatted as typed) and "Send code".
///
/// ```ignore
/// view! { <EntryStep ctx country country_options phone_id notice_id /> }
/// ```
#[component]
pub fn EntryStep(
    /// The widget's context: its state and effect runner.
    ctx: Ctx,
    /// The selected country, apart from the state so typing does not redraw the button.
    country: Memo<Region>,
    /// The `countries` options and the page's locale, for the selector's list.
    country_options: StoredValue<(Countries, String)>,
    /// The phone input's id; the hint's is `{phone_id}-hint`, the selector's `{phone_id}-country`.
    phone_id: String,
    /// The id of the notice the field is described by.
    notice_id: String,
) -> impl IntoView {
    let (state, tx, clock) = (ctx.state, ctx.tx, ctx.clock);
    let wait_id = format!("{phone_id}-wait");
    view! {
        <div class="step" part="phone-step">
            <label for=phone_id.clone()>{tx.text(Key::PhoneLabel)}</label>
            <p class="hint" id=format!("{phone_id}-hint")>{tx.text(Key::PhoneHint)}</p>
            <div class="phone-row" part="phone-row">
                <CountrySelect
                    countries=move || {
                        country_options.with_value(|(options, locale)| {
                            ctx.names.with_value(|names| country_list(options, names, locale))
                        })
                    }
                    name=move |r: Region| ctx.names.with_value(|names| names.name(r.code))
                    selected=move || country.get()
                    on_select=move |r: Region| ctx.dispatch(Event::Country(r))
                    id=format!("{phone_id}-country")
                    labels=[tx.text(Key::Country), tx.text(Key::CountrySearch), tx.text(Key::CountryNone)]
                />
                <PhoneField
                    id=phone_id.clone()
                    describedby=format!("{phone_id}-hint {notice_id}")
                    value=move || state.with(|s| s.phone.clone())
                    region=move || state.with(|s| s.country)
                    invalid=move || state.with(|s| matches!(s.notice, Some(Notice::Phone(_))))
                    node_ref=ctx.phone_ref
                    on_input=move |text| ctx.dispatch(Event::PhoneInput(text))
                    // Dispatch copes with a widget that is gone.
                    on_blur=move || ctx.dispatch(Event::PhoneBlur)
                    on_enter=move || ctx.dispatch(Event::Send(Channel::Sms))
                />
            </div>
            <button
                type="button"
                part="button send"
                aria-disabled=move || (!state.with(|s| s.can_send(clock.get()))).to_string()
                aria-describedby=wait_id.clone()
                on:click=move |_| ctx.dispatch(Event::Send(Channel::Sms))
            >
                {move || tx.text(if state.with(|s| s.busy()) { Key::Sending } else { Key::SendCode })}
            </button>
            <SendWait ctx id=wait_id />
        </div>
    }
}

/// "Send again in 0:27" beside a send button that is held by a resend wait or a 429 for this
/// number, counting down each second; empty when the button can act. The button names it with
/// `aria-describedby`, so it is read with the button, not announced every second.
///
/// ```ignore
/// view! { <button aria-describedby="w1">"Send code"</button> <SendWait ctx id="w1".into() /> }
/// ```
#[component]
pub fn SendWait(
    /// The widget's context: its state and clock.
    ctx: Ctx,
    /// The id the button's `aria-describedby` names.
    id: String,
) -> impl IntoView {
    let (state, tx, clock) = (ctx.state, ctx.tx, ctx.clock);
    let text = move || {
        let left = state.with(|s| s.send_wait(clock.get()))?;
        Some(tx.fill(Key::SendAgainIn, &[("time", &i18n::clock(left))]))
    };
    view! { <p class="timer" part="send-wait" id=id>{text}</p> }
}
