//! The effect runner: feeds events to the pure flow and carries out the effects it returns
//! (requests through the transport, focus moves, WebOTP, storage, host events).

use super::requests;
use super::storage;
use super::texts::{notice_text, Tx};
use super::web_otp;
use crate::config::Countries;
use crate::dialect::{Backend, SendRequest};
use crate::events::{events, WidgetEvent};
use crate::flow::{self, Effect, Event, Phase, State, Step};
use crate::persist;
use crate::phone::Region;
use crate::time::Millis;
use crate::transport::Transport;

use leptos::prelude::*;

/// The browser's clock: the flow itself never reads one.
pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// Tells the developer what to fix, in the browser's console (`console.warn`), prefixed
/// `phone-otp:`. Never for the person's own mistakes: those are notices on screen.
///
/// ```ignore
/// warn("unknown dialect \"nativ\"");
/// ```
pub fn warn(text: &str) {
    web_sys::console::warn_1(&format!("phone-otp: {text}").into());
}

/// What a widget holds apart from its state, in one arena slot: each `StoredValue`, signal or
/// `NodeRef` is its own generic code in the wasm, for each type and where it is read.
pub struct Held {
    pub transport: Transport,
    pub backend: Backend,
    /// Where the code step is kept across reloads (`sessionStorage`); `None`: not kept.
    pub storage_key: Option<String>,
    /// The `countries` options and the page's locale, for the selector's list.
    pub country_options: (Countries, String),
    /// The WebOTP request waiting for an SMS, aborted when the code step ends.
    pub web_otp: Option<web_sys::AbortController>,
    /// The status of the last answer, for the developer's console message.
    pub last_status: Option<u16>,
    /// The fields focus moves to, set by the step that shows them.
    pub phone_field: Option<web_sys::HtmlInputElement>,
    pub code_field: Option<web_sys::HtmlInputElement>,
    pub message: Option<web_sys::HtmlElement>,
    /// The calling codes whose phone data this widget asked for (see [`super::phone_data`]).
    pub calling_codes: Vec<&'static str>,
}

/// Everything an effect needs, `Copy` so async tasks and handlers can hold it.
///
/// ```ignore
/// // A click handler in a step view:
/// on:click=move |_| ctx.dispatch(Event::ChangeNumber)
/// ```
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The one flow state; every view derives from it.
    pub state: RwSignal<State>,
    /// The time the views count down from, moved every second.
    pub clock: RwSignal<Millis>,
    /// Parts of the state that views redraw on, apart from it so a keystroke (which changes the
    /// state) redraws none of them; set by [`Ctx::dispatch`] only when they change, as memos
    /// would be, without a memo's code in the wasm.
    pub phase: RwSignal<Phase>,
    pub step: RwSignal<Step>,
    /// The selected country: the button asks Intl for its name.
    pub country: RwSignal<Region>,
    pub tx: Tx,
    pub held: StoredValue<Held, LocalStorage>,
    pub on_event: Option<Callback<(WidgetEvent, String)>>,
}

impl Ctx {
    /// Feeds `event` to the flow and runs what it asks for.
    pub fn dispatch(self, event: Event) {
        let watching = self.on_event.is_some();
        // Stepped inside the borrow: a keystroke need not clone the whole state.
        let stepped = self.state.try_with_untracked(|current| {
            let (next, effects) = flow::step(current, event, now());
            if next == *current {
                return (None, effects);
            }
            let raised = if watching {
                events(current, &next)
            } else {
                Vec::new()
            };
            // Keystrokes change only the typed text, which a snapshot never holds: storage is
            // written when the step, the verification or the send wait changes.
            let moved = current.phase != next.phase;
            let save = moved
                || current.session != next.session
                || current.send_blocked_until != next.send_blocked_until;
            (Some((next, raised, save, moved)), effects)
        });
        let Some((changed, effects)) = stepped else {
            // The widget was removed; a late response has nowhere to go.
            return;
        };
        if let Some((next, raised, save, moved)) = changed {
            self.raise(&next, raised);
            if moved {
                // A new step counts down from now, not from the clock's last second.
                self.clock.set(now());
                // Typing while the number is on its way would be thrown away: the field holds
                // still until the answer (the code field does the same through its view).
                self.held.try_with_value(|h| {
                    if let Some(field) = &h.phone_field {
                        field.set_read_only(next.busy());
                    }
                });
            }
            // Submitted by hand, or the step is over: stop waiting for the SMS.
            if next.phase != Phase::CodeSent {
                if let Some(Some(pending)) = self.held.try_update_value(|h| h.web_otp.take()) {
                    pending.abort();
                }
            }
            if save {
                self.save(persist::snapshot(&next));
            }
            let (phase, country) = (next.phase.clone(), next.country);
            self.state.set(next);
            let step = phase.step();
            set_if_changed(self.phase, phase);
            set_if_changed(self.country, country);
            set_if_changed(self.step, step);
            super::phone_data::want(self);
        }
        for effect in effects {
            self.run(effect);
        }
    }

    /// Tells the host page about `raised`, with the message `state` shows.
    pub fn raise(self, state: &State, raised: Vec<WidgetEvent>) {
        let Some(on_event) = self.on_event.filter(|_| !raised.is_empty()) else {
            return;
        };
        let message = state
            .notice
            .as_ref()
            .map(|n| notice_text(self.tx, n, now()))
            .unwrap_or_default();
        for e in raised {
            on_event.run((e, message.clone()));
        }
    }

    fn run(self, effect: Effect) {
        match effect {
            Effect::Send { phone, channel } => {
                self.spawn(requests::send(self, SendRequest { phone, channel }))
            }
            Effect::Verify { code, .. } => self.spawn(requests::verify(self, code)),
            Effect::FocusCode => {
                if self.held.with_value(|h| h.web_otp.is_none()) {
                    web_otp::listen(self);
                }
                self.focus_later(|h| Some(h.code_field.clone()?.into()))
            }
            Effect::FocusPhone => self.focus_later(|h| Some(h.phone_field.clone()?.into())),
            Effect::FocusMessage => self.focus_later(|h| h.message.clone()),
        }
    }

    fn save(self, snapshot: Option<crate::json::Json>) {
        self.held.try_with_value(|h| {
            if let Some(key) = &h.storage_key {
                storage::save(key, snapshot.as_ref());
            }
        });
    }

    /// Focus after the next render, when the element for the new step exists.
    fn focus_later(self, element: fn(&Held) -> Option<web_sys::HtmlElement>) {
        request_animation_frame(move || {
            if let Some(Some(el)) = self.held.try_with_value(element) {
                let _ = el.focus();
            }
        });
    }

    /// Runs `task` and feeds the event it ends with back into the flow.
    pub fn spawn(self, task: impl std::future::Future<Output = Option<Event>> + 'static) {
        leptos::task::spawn_local(async move {
            if let Some(event) = task.await {
                self.dispatch(event);
            }
        });
    }
}

/// Sets `signal` to `value` only when that changes it, so what reads it runs only on a change.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    signal.try_maybe_update(|old| {
        let changed = *old != value;
        if changed {
            *old = value;
        }
        (changed, ())
    });
}
