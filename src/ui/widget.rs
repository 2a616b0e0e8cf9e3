//! The root component: owns the flow state, starts its clock and listeners, and shows the step
//! the flow is in ([`EntryStep`], [`CodeStep`] or [`EndStep`]) above the live notice.

use super::code_step::CodeStep;
use super::dom::{el, Dom, El};
use super::effects::{now, warn, Ctx, Held};
use super::end_step::EndStep;
use super::entry_step::EntryStep;
use super::names::CountryNames;
use super::storage;
use super::texts::{notice_text, Tx, Words};
use crate::config::Config;
use crate::events::WidgetEvent;
use crate::flow::{self, Event, Phase, State, Step};
use crate::i18n::{Key, Locale, Texts};
use crate::persist;
use crate::transport::Transport;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// The state kept by a previous page load under `key`, if any.
fn restored(key: &str, settings: &flow::Settings) -> Option<State> {
    persist::restore(settings.clone(), &storage::load(key)?, now())
}

static NEXT_ID: AtomicU32 = AtomicU32::new(0);

/// Verifies a phone number with a one-time code.
///
/// The person picks a country and types a number in national or international form, gets a code
/// from the backend at `endpoint` in the
/// configured dialect, types it, and sees the result.
///
/// ```no_run
/// use leptos::prelude::*;
/// use phone_otp::{config::Config, PhoneOtp};
///
/// #[component]
/// fn Signup() -> impl IntoView {
///     let config = Config { endpoint: "/api".into(), ..Config::default() };
///     view! { <PhoneOtp config /> }
/// }
/// ```
#[component]
pub fn PhoneOtp(
    /// Every option: endpoint, dialect, code length, timers, timeout. Defaults: [`Config::default`].
    #[prop(optional)]
    config: Option<Config>,
    /// Base URL of the backend; overrides `config.endpoint`.
    #[prop(into, optional)]
    endpoint: Option<String>,
    /// Called with each [`WidgetEvent`] and the message on screen (empty if none): sent,
    /// verified, failed, expired, error and every change of step.
    #[prop(into, optional)]
    on_event: Option<Callback<(WidgetEvent, String)>>,
) -> Dom {
    let mut config = config.unwrap_or_default();
    let browser_language = web_sys::window().and_then(|w| w.navigator().language());
    // The `locale` option, else the browser's language, else English.
    let locale = config
        .locale
        .clone()
        .or_else(|| browser_language.clone())
        .unwrap_or_else(|| "en".into());
    let lang = Locale::from_tag(&locale);
    config.settings.country = config
        .settings
        .countries
        .initial(browser_language.as_deref());
    let theme = config.theme.attribute();
    let tx = Tx(StoredValue::new_local(Words {
        texts: Texts::new(lang, config.messages.clone()),
        names: CountryNames::new(&locale),
    }));
    let country_options = (config.settings.countries.clone(), locale);
    let endpoint = endpoint.unwrap_or(config.endpoint);
    // The developer hears about every option that did not apply, once, at mount.
    for warning in &config.warnings {
        warn(warning);
    }
    for (name, _) in &config.messages {
        // `_generated` and the like: a catalog file's notes, not texts.
        if Key::from_name(name).is_none() && !name.starts_with('_') {
            warn(&format!(
                "messages: no text is called \"{name}\"; the key names are in the README"
            ));
        }
    }
    let storage_key = persist::storage_key(&endpoint, config.storage_key.as_deref());
    let initial = storage_key
        .as_deref()
        .and_then(|key| restored(key, &config.settings));
    // A step restored from a reload is a change of step the host page must hear about.
    let raised = initial
        .as_ref()
        .map(|s| vec![WidgetEvent::State(s.phase.name())])
        .unwrap_or_default();
    let initial = initial.unwrap_or(State::new(config.settings));
    let ctx = Ctx {
        phase: RwSignal::new(initial.phase.clone()),
        step: RwSignal::new(initial.phase.step()),
        country: RwSignal::new(initial.country),
        state: RwSignal::new(initial),
        clock: RwSignal::new(now()),
        tx,
        held: StoredValue::new_local(Held {
            transport: Transport {
                endpoint,
                timeout: config.timeout,
                credentials: config.credentials,
                headers: config.request_headers,
            },
            backend: config.backend,
            storage_key,
            country_options,
            web_otp: None,
            last_status: None,
            phone_field: None,
            code_field: None,
            message: None,
            calling_codes: Vec::new(),
        }),
        on_event,
    };
    ctx.state.with_untracked(|s| ctx.raise(s, raised));
    super::phone_data::want(ctx);
    let (state, clock) = (ctx.state, ctx.clock);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            clock.set(now());
            ctx.dispatch(Event::Tick);
        },
        Duration::from_millis(1000),
    ) {
        on_cleanup(move || handle.clear());
    }

    let online = window_event_listener(leptos::ev::online, move |_| ctx.dispatch(Event::Online));
    on_cleanup(move || online.remove());

    let uid = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let phone_id = format!("phone-otp-{uid}-phone");
    let code_id = format!("phone-otp-{uid}-code");
    let notice_id = format!("phone-otp-{uid}-notice");

    let (phase, step) = (ctx.phase, ctx.step);
    let notice = move || {
        state.with(|s| {
            s.notice
                .as_ref()
                .map(|n| notice_text(tx, n, clock.get()))
                .unwrap_or_default()
        })
    };
    // Countdowns are announced once, at one minute left, never every second: the expiry is read
    // with the code field when focus lands there, and the end state takes focus at zero.
    // A plain closure, not a memo: its text node is written only when the text changes.
    let last_minute = move || {
        let expires = state.with(|s| {
            (s.phase == Phase::CodeSent)
                .then(|| s.session.as_ref()?.expires_at)
                .flatten()
        });
        if expires.is_some_and(|t| (1..=60_000).contains(&(t - clock.get()))) {
            tx.fill(Key::ExpiresIn, &[("time", "1:00")])
        } else {
            String::new()
        }
    };

    let ids = (phone_id, code_id, notice_id.clone());
    let mut root = el("div").attr("class", "phone-otp").attr("part", "root");
    if let Some(theme) = theme {
        root = root.attr("data-theme", theme);
    }
    Dom::from(
        root.attr("lang", lang.tag())
            .attr("dir", if lang.rtl() { "rtl" } else { "ltr" })
            .attr_with("data-state", move || Some(phase.get().name().to_owned()))
            .slot(move || {
                let step = step.get();
                let (phone_id, code_id, notice_id) = ids.clone();
                // Untracked: the step's own signals update its parts in place; only a new step
                // rebuilds, so the field being typed in is never replaced.
                untrack(move || {
                    let shown = match step {
                        Step::Entry => {
                            Some(view! { <EntryStep ctx phone_id notice_id /> }.into_inner())
                        }
                        Step::Code => {
                            Some(view! { <CodeStep ctx code_id notice_id /> }.into_inner())
                        }
                        Step::End => view! { <EndStep ctx id=code_id /> }.into_inner(),
                    };
                    shown.map(El::from).into_iter().collect()
                })
            })
            .child(
                el("p")
                    .attr("class", "notice")
                    .attr("part", "notice")
                    .attr("id", &notice_id)
                    .attr("role", "status")
                    .attr("aria-live", "polite")
                    .text_with(notice)
                    .child(
                        el("span")
                            .attr("class", "visually-hidden")
                            .text_with(last_minute),
                    ),
            ),
    )
}
