//! The Leptos components. They render the flow's state and forward DOM events to it.

mod widget;

pub use widget::PhoneOtp;
