//! The root component: owns the flow state, runs its effects, renders each step.

use super::country_select::{Country, CountrySelect};
use super::names::{folded, CountryNames};
use super::phone_field::PhoneField;
use crate::config::Config;
use crate::dialect::{Backend, Channel, HttpRequest, HttpResponse, Outcome, Read, SendRequest};
use crate::events::{events, WidgetEvent};
use crate::flow::{self, Effect, Event, Notice, Phase, State};
use crate::i18n::{self, Key, Locale, Texts};
use crate::persist;
use crate::phone::validate::{Invalid, Problem};
use crate::phone::Region;
use crate::time::Millis;
use crate::transport::{self, Transport};
use leptos::html;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// The widget's texts, `Copy` so every view closure can hold them.
#[derive(Clone, Copy)]
struct Tx(StoredValue<Texts>);

impl Tx {
    fn text(self, key: Key) -> String {
        self.0.with_value(|t| t.text(key).to_owned())
    }
    fn fill(self, key: Key, args: &[(&str, &str)]) -> String {
        self.0.with_value(|t| t.fill(key, args))
    }
    fn attempts_left(self, n: u32) -> String {
        self.0.with_value(|t| t.attempts_left(n))
    }
}

/// Everything an effect needs, `Copy` so async tasks and handlers can hold it.
#[derive(Clone, Copy)]
struct Ctx {
    state: RwSignal<State>,
    transport: StoredValue<Transport>,
    backend: StoredValue<Backend>,
    tx: Tx,
    /// The WebOTP request waiting for an SMS, aborted when the code step ends.
    web_otp: StoredValue<Option<web_sys::AbortController>, LocalStorage>,
    /// Where the code step is kept across reloads (`sessionStorage`).
    storage_key: StoredValue<String>,
    on_event: Option<Callback<(WidgetEvent, String)>>,
    /// Country names in the page's language, for the selector and the messages.
    names: StoredValue<CountryNames, LocalStorage>,
    phone_ref: NodeRef<html::Input>,
    code_ref: NodeRef<html::Input>,
    message_ref: NodeRef<html::P>,
}

impl Ctx {
    /// Feeds `event` to the flow and runs what it asks for.
    fn dispatch(self, event: Event) {
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
            let save = current.phase != next.phase
                || current.session != next.session
                || current.send_blocked_until != next.send_blocked_until;
            (Some((next, raised, save)), effects)
        });
        let Some((changed, effects)) = stepped else {
            // The widget was removed; a late response has nowhere to go.
            return;
        };
        if let Some((next, raised, save)) = changed {
            if let (Some(on_event), false) = (self.on_event, raised.is_empty()) {
                let message = next
                    .notice
                    .as_ref()
                    .map(|n| notice_text(self, n, now()))
                    .unwrap_or_default();
                for e in raised {
                    on_event.run((e, message.clone()));
                }
            }
            // Submitted by hand, or the step is over: stop waiting for the SMS.
            if next.phase != Phase::CodeSent {
                if let Some(Some(pending)) = self.web_otp.try_update_value(|w| w.take()) {
                    pending.abort();
                }
            }
            if save {
                self.save(persist::snapshot(&next));
            }
            self.state.set(next);
        }
        for effect in effects {
            self.run(effect);
        }
    }

    fn run(self, effect: Effect) {
        match effect {
            Effect::Send { phone, channel } => {
                let req = SendRequest { phone, channel };
                self.spawn(async move {
                    let backend = self.backend.try_get_value()?;
                    let res = self.fetch(&backend.send(&req)).await;
                    Some(Event::SendDone(
                        res.map_or_else(|o| o, |r| backend.read_send(&req, &r, now())),
                    ))
                });
            }
            Effect::Verify { code, .. } => {
                self.spawn(async move {
                    let backend = self.backend.try_get_value()?;
                    let session = self.state.try_with_untracked(|s| s.session.clone())??;
                    let outcome = match self.fetch(&backend.verify(&session, &code)).await {
                        Err(failure) => failure,
                        Ok(res) => match backend.read_verify(&session, &res, now()) {
                            Read::Done(outcome) => outcome,
                            Read::Then(next) => match self.fetch(&next).await {
                                Ok(res) => backend.read_follow_up(&res, now()),
                                Err(failure) => failure,
                            },
                        },
                    };
                    Some(Event::VerifyDone(outcome))
                });
            }
            Effect::FocusCode => {
                if self.web_otp.with_value(Option::is_none) {
                    self.listen_for_sms();
                }
                focus_later(move || Some(self.code_ref.try_get_untracked()??.into()))
            }
            Effect::FocusPhone => {
                focus_later(move || Some(self.phone_ref.try_get_untracked()??.into()))
            }
            Effect::FocusMessage => {
                focus_later(move || Some(self.message_ref.try_get_untracked()??.into()))
            }
        }
    }

    /// WebOTP, where the browser has it: `navigator.credentials.get({ otp })` fills the code from
    /// the SMS. Called through `Reflect` because web-sys has no binding for the `otp` option.
    fn listen_for_sms(self) {
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
        self.web_otp.set_value(Some(controller));
        self.spawn(async move {
            let credential = JsFuture::from(Promise::from(promise)).await.ok()?;
            let code = Reflect::get(&credential, &"code".into())
                .ok()?
                .as_string()?;
            Some(Event::CodeInput(code))
        });
    }

    fn save(self, snapshot: Option<crate::json::Json>) {
        let (Some(key), Some(storage)) = (self.storage_key.try_get_value(), session_storage())
        else {
            return;
        };
        // Storage can be full or refused (private mode); the flow goes on without it.
        let _ = match snapshot {
            Some(json) => storage.set_item(&key, &json.to_string()),
            None => storage.remove_item(&key),
        };
    }

    /// Runs `task` and feeds the event it ends with back into the flow.
    fn spawn(self, task: impl std::future::Future<Output = Option<Event>> + 'static) {
        leptos::task::spawn_local(async move {
            if let Some(event) = task.await {
                self.dispatch(event);
            }
        });
    }

    async fn fetch(self, req: &HttpRequest) -> Result<HttpResponse, Outcome> {
        let transport = self.transport.try_get_value().ok_or(Outcome::Network)?;
        transport.send(req).await
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The state kept by a previous page load under `key`, if any.
fn restored(key: &str, settings: &flow::Settings) -> Option<State> {
    let text = session_storage()?.get_item(key).ok()??;
    persist::restore(settings.clone(), &transport::parse(&text)?, now())
}

/// Focus after the next render, when the element for the new step exists.
fn focus_later(element: impl FnOnce() -> Option<web_sys::HtmlElement> + 'static) {
    request_animation_frame(move || {
        if let Some(el) = element() {
            let _ = el.focus();
        }
    });
}

static NEXT_ID: AtomicU32 = AtomicU32::new(0);

fn notice_text(ctx: Ctx, notice: &Notice, now: Millis) -> String {
    let tx = ctx.tx;
    match notice {
        Notice::WrongCode {
            attempts_remaining: Some(n),
        } => format!("{} {}.", tx.text(Key::WrongCode), tx.attempts_left(*n)),
        Notice::WrongCode { .. } => tx.text(Key::WrongCode).to_owned(),
        Notice::CodeRefused => tx.text(Key::CodeRefused).to_owned(),
        Notice::Phone(invalid) => phone_text(ctx, invalid),
        Notice::RateLimited { until: Some(t) } if *t > now => {
            tx.fill(Key::RateLimited, &[("time", &i18n::clock(t - now))])
        }
        Notice::RateLimited { .. } => tx.text(Key::RateLimitedLater).to_owned(),
        // The backend's own words are shown as text, never as markup.
        Notice::Rejected {
            message: Some(message),
        } => format!("{} {message}", tx.text(Key::Rejected)),
        Notice::Rejected { message: None } => tx.text(Key::Rejected).to_owned(),
        Notice::Network => tx.text(Key::Network).to_owned(),
        Notice::Timeout => tx.text(Key::Timeout).to_owned(),
        Notice::Offline => tx.text(Key::Offline).to_owned(),
        Notice::Server => tx.text(Key::Server).to_owned(),
    }
}

/// What is wrong with the number, naming the country it was judged for.
fn phone_text(ctx: Ctx, invalid: &Invalid) -> String {
    let key = match invalid.problem {
        Problem::Empty => Key::PhoneEmpty,
        Problem::NotANumber => Key::BadPhone,
        Problem::CountryCode => Key::PhoneCountryCode,
        Problem::TooShort => Key::PhoneTooShort,
        Problem::TooLong => Key::PhoneTooLong,
        Problem::InvalidLength => Key::PhoneInvalidLength,
        Problem::NotOffered => Key::PhoneNotOffered,
    };
    let country = invalid
        .region
        .and_then(|code| ctx.names.try_with_value(|n| n.name(code)))
        .unwrap_or_default();
    ctx.tx.fill(key, &[("country", &country)])
}

/// The countries the selector offers: preferred ones first as given, the rest by name.
fn country_list(
    countries: &crate::config::Countries,
    names: &CountryNames,
    locale: &str,
) -> Vec<Country> {
    let preferred = countries.preferred_count();
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
            }
        })
        .collect();
    let locales = js_sys::Array::of1(&locale.into());
    if let Some(rest) = list.get_mut(preferred..) {
        rest.sort_unstable_by(|a, b| {
            let a = js_sys::JsString::from(a.name.as_str());
            a.locale_compare(&b.name, &locales, &js_sys::Object::new())
                .cmp(&0)
        });
    }
    list
}

fn end_text(phase: &Phase) -> Option<Key> {
    Some(match phase {
        Phase::Verified => Key::Verified,
        Phase::Expired => Key::Expired,
        Phase::Locked => Key::Locked,
        Phase::AlreadyUsed => Key::AlreadyUsed,
        Phase::NotFound => Key::NotFound,
        _ => return None,
    })
}

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
) -> impl IntoView {
    let mut config = config.unwrap_or_default();
    let browser_language = web_sys::window().and_then(|w| w.navigator().language());
    // The `locale` option, else the browser's language, else English.
    let locale = config
        .locale
        .clone()
        .or_else(|| browser_language.clone())
        .unwrap_or_else(|| "en".into());
    let lang = Locale::from_tag(&locale);
    config.settings.country = config.countries.initial(browser_language.as_deref());
    config.settings.countries = config.countries.allow.clone();
    let names = CountryNames::new(&locale);
    let country_options = StoredValue::new((config.countries.clone(), locale.clone()));
    let tx = Tx(StoredValue::new(Texts::new(lang, config.messages.clone())));
    let endpoint = endpoint.unwrap_or(config.endpoint);
    let storage_key = persist::storage_key(config.backend.dialect.name(), &endpoint);
    let initial = restored(&storage_key, &config.settings).unwrap_or(State::new(config.settings));
    let ctx = Ctx {
        state: RwSignal::new(initial),
        storage_key: StoredValue::new(storage_key),
        web_otp: StoredValue::new_local(None),
        transport: StoredValue::new(Transport {
            endpoint,
            timeout: config.timeout,
            credentials: config.credentials,
            headers: config.request_headers,
        }),
        backend: StoredValue::new(config.backend),
        tx,
        on_event,
        names: StoredValue::new_local(names),
        phone_ref: NodeRef::new(),
        code_ref: NodeRef::new(),
        message_ref: NodeRef::new(),
    };
    let state = ctx.state;
    let clock = RwSignal::new(now());
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

    // A keystroke changes the state: the country button, which asks Intl for the country's name,
    // reads this memo instead, so typing does not redraw it.
    let country = Memo::new(move |_| state.with(|s| s.country));
    let phase = Memo::new(move |_| state.with(|s| s.phase.clone()));
    let notice = move || {
        state.with(|s| {
            s.notice
                .as_ref()
                .map(|n| notice_text(ctx, n, clock.get()))
                .unwrap_or_default()
        })
    };
    // Which step is on screen; a memo, so typing re-renders nothing but the text it changes.
    let step = Memo::new(move |_| match phase.get() {
        Phase::Entry | Phase::Sending { resend: false } => 0u8,
        Phase::CodeSent | Phase::Verifying | Phase::Sending { resend: true } => 1,
        _ => 2,
    });
    // Countdowns are announced once, at one minute left, never every second: the expiry is read
    // with the code field when focus lands there, and the end state takes focus at zero.
    let last_minute = Memo::new(move |_| {
        let expires = state.with(|s| {
            (s.phase == Phase::CodeSent)
                .then(|| s.session.as_ref()?.expires_at)
                .flatten()
        });
        expires.is_some_and(|t| (1..=60_000).contains(&(t - clock.get())))
    });
    let last_minute = move || {
        last_minute
            .get()
            .then(|| tx.fill(Key::ExpiresIn, &[("time", "1:00")]))
    };
    let send = move || ctx.dispatch(Event::Send(Channel::Sms));
    let enter = move |ev: web_sys::KeyboardEvent, then: Event| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            ctx.dispatch(then);
        }
    };

    let entry = {
        let (phone_id, notice_id) = (phone_id.clone(), notice_id.clone());
        move || {
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
                        on:click=move |_| send()
                    >
                        {move || tx.text(if state.with(|s| s.busy()) { Key::Sending } else { Key::SendCode })}
                    </button>
                </div>
            }
        }
    };

    let code_step = {
        let (code_id, notice_id) = (code_id.clone(), notice_id.clone());
        move || {
            let label = move || {
                state.with(|s| {
                    tx.fill(
                        Key::CodeLabel,
                        &[("n", &s.code_length().to_string()), ("phone", &s.phone)],
                    )
                })
            };
            let expires = move || {
                let left =
                    state.with(|s| s.session.as_ref().and_then(|x| x.expires_at))? - clock.get();
                Some(tx.fill(Key::ExpiresIn, &[("time", &i18n::clock(left))]))
            };
            let resend_wait = move || {
                let until = state.with(|s| s.send_blocked_until)?;
                let left = until - clock.get();
                (left > 0).then(|| tx.fill(Key::ResendIn, &[("time", &i18n::clock(left))]))
            };
            view! {
                <div class="step" part="code-step">
                    <label for=code_id.clone()>{label}</label>
                    <input
                        id=code_id.clone()
                        node_ref=ctx.code_ref
                        part="code-input"
                        type="text"
                        inputmode="numeric"
                        autocomplete="one-time-code"
                        spellcheck="false"
                        maxlength=move || state.with(|s| s.code_length() * 4)
                        // Through CSSOM (setProperty), not a style attribute, so a CSP without
                        // 'unsafe-inline' styles allows it.
                        style=("--phone-otp-code-length", move || state.with(|s| s.code_length().to_string()))
                        aria-describedby=format!("{code_id}-expiry {notice_id}")
                        aria-invalid=move || state.with(|s| matches!(s.notice, Some(Notice::WrongCode { .. } | Notice::CodeRefused))).to_string()
                        prop:value=move || state.with(|s| s.code.clone())
                        on:input=move |ev| ctx.dispatch(Event::CodeInput(event_target_value(&ev)))
                        on:keydown=move |ev| enter(ev, Event::Verify)
                    />
                    <button
                        type="button"
                        part="button verify"
                        aria-disabled=move || state.with(|s| s.busy()).to_string()
                        on:click=move |_| ctx.dispatch(Event::Verify)
                    >
                        {move || tx.text(if phase.get() == Phase::Verifying { Key::Verifying } else { Key::Verify })}
                    </button>
                    <p class="timer" part="expiry" id=format!("{code_id}-expiry")>{expires}</p>
                    <div class="row">
                        {move || match resend_wait() {
                            Some(wait) => view! { <span class="timer" part="resend-wait">{wait}</span> }.into_any(),
                            None => view! {
                                <button type="button" class="link" part="button resend" on:click=move |_| send()>
                                    {tx.text(Key::Resend)}
                                </button>
                                {state.with_untracked(|s| s.settings.voice).then(|| view! {
                                    <button type="button" class="link" part="button call-me" on:click=move |_| ctx.dispatch(Event::Send(Channel::Voice))>
                                        {tx.text(Key::CallMe)}
                                    </button>
                                })}
                            }.into_any(),
                        }}
                        <button type="button" class="link" part="button change-number" on:click=move |_| ctx.dispatch(Event::ChangeNumber)>
                            {tx.text(Key::ChangeNumber)}
                        </button>
                    </div>
                </div>
            }
        }
    };

    let end_step = move || {
        let key = end_text(&phase.get())?;
        let verified = phase.get() == Phase::Verified;
        Some(view! {
            <div class="step end" part="end-step">
                <p
                    class="message"
                    class:verified=verified
                    part=if verified { "message verified" } else { "message" }
                    tabindex="-1"
                    node_ref=ctx.message_ref
                >
                    {tx.text(key)}
                </p>
                {(!verified).then(|| view! {
                    <button type="button" part="button new-code" on:click=move |_| send()>
                        {tx.text(Key::NewCode)}
                    </button>
                    <button type="button" class="link" part="button change-number" on:click=move |_| ctx.dispatch(Event::ChangeNumber)>
                        {tx.text(Key::ChangeNumber)}
                    </button>
                })}
            </div>
        })
    };

    view! {
        <div
            class="phone-otp"
            part="root"
            lang=lang.tag()
            dir=if lang.rtl() { "rtl" } else { "ltr" }
            data-state=move || phase.get().name()
        >
            {move || {
                let step = step.get();
                // Untracked: the step's own signals update its parts in place; only a new step
                // rebuilds, so the field being typed in is never replaced.
                untrack(|| match step {
                    0 => entry().into_any(),
                    1 => code_step().into_any(),
                    _ => end_step().into_any(),
                })
            }}
            <p class="notice" part="notice" id=notice_id role="status" aria-live="polite">
                {notice}
                <span class="visually-hidden">{last_minute}</span>
            </p>
        </div>
    }
}
