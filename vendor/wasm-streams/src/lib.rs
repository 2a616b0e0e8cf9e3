//! A stand-in for [wasm-streams] 0.5: the two calls leptos's `server_fn` makes, for streaming
//! server functions, and nothing else.
//!
//! `leptos` with `csr` turns on `server_fn/browser`, which depends on wasm-streams. Its
//! `#[wasm_bindgen]` classes (`IntoUnderlyingSource`, `IntoUnderlyingSink`,
//! `IntoUnderlyingByteSource`) are exports of every wasm that links it, and their async methods
//! sit in the function table through their futures' vtables, where no tool can prove them dead:
//! about 5 KB of gzipped wasm in a widget that never calls a server function. The widget crate's
//! `Cargo.toml` patches this crate in for wasm-streams.
//!
//! A streaming server function called with it fails: the request body stream is refused, and a
//! streamed response yields one error.
//!
//! [wasm-streams]: https://crates.io/crates/wasm-streams
//!
//! ```
//! use futures_core::Stream;
//! fn body() -> impl Stream<Item = Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>> {
//!     wasm_streams::ReadableStream::from_raw(web_sys::ReadableStream::from(wasm_bindgen::JsValue::NULL))
//!         .into_stream()
//! }
//! ```

use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};
use wasm_bindgen::JsValue;

/// A JS `ReadableStream`, held but never read.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a JS stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// Refuses a Rust stream as a request body: throws a JS error naming the missing support.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        wasm_bindgen::throw_str("phone-otp: streaming server functions are not supported")
    }

    /// The JS stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// A stream of one error: the chunks of a streamed response are not read.
    pub fn into_stream(self) -> Refused {
        Refused { done: false }
    }
}

/// The stream [`ReadableStream::into_stream`] returns: one error, then the end.
pub struct Refused {
    done: bool,
}

impl Stream for Refused {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        self.done = true;
        Poll::Ready(Some(Err(JsValue::from_str(
            "phone-otp: streamed server function responses are not supported",
        ))))
    }
}
