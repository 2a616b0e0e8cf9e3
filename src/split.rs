//! Compiled for the release wasm with the `split` feature only (`cfg(wasm_split)`, build.rs).
//!
//! What a `#[wasm_split]` function (from `wasm_split_macros`) calls to load the wasm file its
//! code was moved into, in place of `wasm_split_helpers`'s runtime: that one's shared once-cell
//! costs 2 KB of gzipped wasm in the first load; a split point here is loaded by one caller
//! at a time (a click), and the loader script (written by wasm-split, put into the wasm-bindgen
//! glue by scripts/minify.mjs) already shares one fetch between callers.
//!
//! ```ignore
//! #[wasm_split_macros::wasm_split(popup, fallible, wasm_split_path = crate::split)]
//! fn show(sel: Selector) -> Result<(), crate::split::SplitLoaderError> { Ok(()) }
//! ```

/// The split file did not load (the loader script has said why in the console).
#[derive(Debug)]
pub struct SplitLoaderError;

#[doc(hidden)]
pub mod rt {
    use super::SplitLoaderError;
    use std::cell::Cell;
    use std::ffi::c_void;
    use std::future::poll_fn;
    use std::pin::Pin;
    use std::rc::Rc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::task::{Poll, Waker};

    /// Called by the loader script once, with the `data` it was given and whether it loaded.
    pub type LoadCallbackFn = unsafe extern "C" fn(*const c_void, bool);
    /// The loader script's function for one split file.
    pub type LoadFn = unsafe extern "C" fn(LoadCallbackFn, *const c_void);

    /// One split file: its load function and whether it is there.
    pub struct LazySplitLoader {
        load: LoadFn,
        loaded: AtomicBool,
    }

    impl LazySplitLoader {
        /// # Safety
        /// `load` must call its callback exactly once with the data it was given.
        pub const unsafe fn new(load: LoadFn) -> Self {
            LazySplitLoader {
                load,
                loaded: AtomicBool::new(false),
            }
        }
    }

    /// A load on its way: its outcome, and the task waiting for it.
    #[derive(Default)]
    struct Waiting {
        done: Cell<Option<bool>>,
        waker: Cell<Option<Waker>>,
    }

    unsafe extern "C" fn loaded(data: *const c_void, ok: bool) {
        // SAFETY: `data` is the `Rc` given to `load` below, which calls back once.
        let waiting = unsafe { Rc::from_raw(data.cast::<Waiting>()) };
        waiting.done.set(Some(ok));
        if let Some(waker) = waiting.waker.take() {
            waker.wake();
        }
    }

    /// Loads the split file, unless it is there; a failed load is tried again next time.
    pub async fn ensure_loaded(
        loader: Pin<&'static LazySplitLoader>,
    ) -> Result<(), SplitLoaderError> {
        let loader = loader.get_ref();
        if loader.loaded.load(Ordering::Relaxed) {
            return Ok(());
        }
        let waiting = Rc::new(Waiting::default());
        // SAFETY: the loader script calls `loaded` once with this pointer.
        unsafe { (loader.load)(loaded, Rc::into_raw(waiting.clone()).cast()) };
        let ok = poll_fn(|cx| match waiting.done.get() {
            Some(ok) => Poll::Ready(ok),
            None => {
                waiting.waker.set(Some(cx.waker().clone()));
                Poll::Pending
            }
        })
        .await;
        loader.loaded.store(ok, Ordering::Relaxed);
        ok.then_some(()).ok_or(SplitLoaderError)
    }
}
