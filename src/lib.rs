//! # phone-otp
//!
//! Verifies a phone number with a one-time code, on any signup page. The pure core (the flow
//! state machine, code sanitizing, each backend dialect's request and response mapping) is plain
//! Rust, tested natively; the shell is a Leptos 0.8 component compiled to WebAssembly.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use phone_otp::PhoneOtp;
//!
//! leptos::mount::mount_to_body(|| view! { <PhoneOtp endpoint="/api" /> });
//! ```
//!
//! In a page without Rust, the `<phone-otp>` custom element (`www/phone-otp.js`) mounts it
//! through [`element::mount`].

pub mod code;
pub mod config;
pub mod countries;
pub mod dialect;
#[cfg(target_arch = "wasm32")]
pub mod element;
pub mod events;
pub mod flow;
pub mod i18n;
pub mod json;
pub mod persist;
pub mod phone;
#[cfg(wasm_split)]
pub mod split;
pub mod template;
pub mod time;
pub(crate) mod transport;
pub mod ui;

pub use ui::PhoneOtp;
