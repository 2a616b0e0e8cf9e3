//! A small declarative DOM builder for views built without `view!`: an element, its attributes,
//! reactive text and attributes, listeners and children, in one expression.
//!
//! Each typed `view!` tree is its own generic tachys code in the wasm (a build, a rebuild and an
//! unmount for every element type and attribute combination); these few functions are shared by
//! every view built with them. Reactivity is Leptos's own: a reactive text or attribute is a
//! [`RenderEffect`] owned by the component that built it, so it stops when the component is
//! disposed, and a listener is removed when the component is cleaned up.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use phone_otp::ui::dom::{el, Dom};
//!
//! #[component]
//! fn Counter() -> impl IntoView {
//!     let count = RwSignal::new(0);
//!     Dom::from(
//!         el("button")
//!             .attr("type", "button")
//!             .attr_with("aria-pressed", move || Some((count.get() > 0).to_string()))
//!             .text_with(move || count.get().to_string())
//!             .on("click", move |_| count.update(|n| *n += 1)),
//!     )
//! }
//! ```

use leptos::prelude::*;
use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{add_attr::AddAnyAttr, Mountable, Position, PositionState};
use leptos::tachys::view::{Render, RenderHtml};
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{Element, Node};

/// An element being built; [`El::into_element`] or [`Dom::from`] ends the building.
#[must_use]
pub struct El(Element);

/// Starts an element named `tag` in the page's document.
///
/// ```no_run
/// let hint = phone_otp::ui::dom::el("p").attr("class", "hint").text("Mobile numbers only.");
/// ```
pub fn el(tag: &str) -> El {
    El(document().create_element(tag).unwrap_throw())
}

impl El {
    /// Sets the attribute `name`.
    ///
    /// ```no_run
    /// let input = phone_otp::ui::dom::el("input").attr("type", "tel").attr("autocomplete", "tel");
    /// ```
    pub fn attr(self, name: &str, value: &str) -> Self {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Keeps the attribute `name` at what `value` returns, or removes it for `None`; `value` is
    /// read in a render effect, so the attribute follows the signals it reads.
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// let busy = RwSignal::new(false);
    /// let button = phone_otp::ui::dom::el("button")
    ///     .attr_with("aria-disabled", move || Some(busy.get().to_string()));
    /// ```
    pub fn attr_with(
        self,
        name: &'static str,
        value: impl Fn() -> Option<String> + 'static,
    ) -> Self {
        self.attr_boxed(name, Box::new(value))
    }

    // The generic methods only box their closure: what they do is in the wasm once, here.
    #[inline(never)]
    fn attr_boxed(self, name: &'static str, value: Box<dyn Fn() -> Option<String>>) -> Self {
        let el = self.0.clone();
        effect(Box::new(move || {
            let _ = match value() {
                Some(v) => el.set_attribute(name, &v),
                None => el.remove_attribute(name),
            };
        }));
        self
    }

    /// Appends the text `text` (as text: never parsed as markup).
    pub fn text(self, text: &str) -> Self {
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Appends a text node that shows what `text` returns, kept up to date in a render effect.
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// let left = RwSignal::new(3);
    /// let p = phone_otp::ui::dom::el("p").text_with(move || format!("{} attempts left", left.get()));
    /// ```
    pub fn text_with(self, text: impl Fn() -> String + 'static) -> Self {
        self.text_boxed(Box::new(text))
    }

    #[inline(never)]
    fn text_boxed(self, text: Box<dyn Fn() -> String>) -> Self {
        let node = document().create_text_node("");
        let _ = self.0.append_child(&node);
        effect(Box::new(move || {
            let text = text();
            if node.data() != text {
                node.set_data(&text);
            }
        }));
        self
    }

    /// Keeps the `value` property of this `<input>` at what `value` returns, written only when it
    /// differs (setting it moves the caret and costs a layout).
    pub fn value_with(self, value: impl Fn() -> String + 'static) -> Self {
        self.value_boxed(Box::new(value))
    }

    #[inline(never)]
    fn value_boxed(self, value: Box<dyn Fn() -> String>) -> Self {
        if let Some(input) = self.0.dyn_ref::<web_sys::HtmlInputElement>().cloned() {
            effect(Box::new(move || {
                let value = value();
                if input.value() != value {
                    input.set_value(&value);
                }
            }));
        }
        self
    }

    /// Keeps the CSS property `name` (a custom property such as `--phone-otp-code-length`) at
    /// what `value` returns. Set through CSSOM, not a `style` attribute, so a Content Security
    /// Policy without `'unsafe-inline'` styles allows it.
    pub fn style_with(self, name: &'static str, value: impl Fn() -> String + 'static) -> Self {
        self.style_boxed(name, Box::new(value))
    }

    #[inline(never)]
    fn style_boxed(self, name: &'static str, value: Box<dyn Fn() -> String>) -> Self {
        if let Some(el) = self.0.dyn_ref::<web_sys::HtmlElement>().cloned() {
            effect(Box::new(move || {
                let _ = el.style().set_property(name, &value());
            }));
        }
        self
    }

    /// A part that is rebuilt whenever a signal `build` reads changes: the elements it returns
    /// replace the ones before, and what they held (effects, listeners) is released with them.
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use phone_otp::ui::dom::el;
    /// let wait = RwSignal::new(Some(30));
    /// let row = el("div").slot(move || match wait.get() {
    ///     Some(s) => vec![el("span").text(&format!("Resend in {s} s"))],
    ///     None => vec![el("button").text("Resend")],
    /// });
    /// ```
    pub fn slot(self, build: impl Fn() -> Vec<El> + 'static) -> Self {
        self.slot_boxed(Box::new(build))
    }

    #[inline(never)]
    fn slot_boxed(self, build: Box<dyn Fn() -> Vec<El>>) -> Self {
        let end = document().create_text_node("");
        let _ = self.0.append_child(&end);
        let mut shown: Vec<Element> = Vec::new();
        let effect = RenderEffect::new(move |_| {
            for old in shown.drain(..) {
                old.remove();
            }
            let Some(parent) = end.parent_node() else {
                return;
            };
            for new in build() {
                let _ = parent.insert_before(&new.0, Some(&end));
                shown.push(new.0);
            }
        });
        on_cleanup(move || drop(effect));
        self
    }

    /// The element being built, for the code that reaches it later (focus).
    ///
    /// ```no_run
    /// let field = phone_otp::ui::dom::el("input");
    /// let kept: web_sys::Element = field.element().clone();
    /// ```
    pub fn element(&self) -> &Element {
        &self.0
    }

    /// Appends `child`: an element of this builder's or any DOM node.
    pub fn child(self, child: impl Into<Node>) -> Self {
        let _ = self.0.append_child(&child.into());
        self
    }

    /// Calls `handler` on each `event`; the listener is removed when the component that built the
    /// element is cleaned up. A handler may still run as the element leaves the page (a `blur`,
    /// a `focusout`): what it reads must cope with a disposed component (`try_` accessors).
    ///
    /// ```no_run
    /// let button = phone_otp::ui::dom::el("button").on("click", |_| web_sys::console::log_1(&"clicked".into()));
    /// ```
    pub fn on(self, event: &'static str, handler: impl FnMut(web_sys::Event) + 'static) -> Self {
        listen(&self.0, event, handler);
        self
    }

    /// The element built.
    pub fn into_element(self) -> Element {
        self.0
    }
}

/// A component built with this module, as a part of another's tree (a [`El::slot`]'s).
impl From<Dom> for El {
    fn from(dom: Dom) -> El {
        El(dom.0.take())
    }
}

impl From<El> for Node {
    fn from(el: El) -> Node {
        el.0.into()
    }
}

/// Adds `handler` for `event` on `target` until the current owner (the component) is cleaned up;
/// build inside `owner.with(…)` when building from an event handler, which runs in no owner.
pub fn listen(
    target: &web_sys::EventTarget,
    event: &'static str,
    handler: impl FnMut(web_sys::Event) + 'static,
) {
    listen_boxed(target, event, Box::new(handler));
}

// One copy in the wasm for every listener: the generic `listen` only boxes its handler.
#[inline(never)]
fn listen_boxed(
    target: &web_sys::EventTarget,
    event: &'static str,
    handler: Box<dyn FnMut(web_sys::Event)>,
) {
    let closure = Closure::wrap(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    if Owner::current().is_none() {
        // Nothing will clean up: the listener lives as long as the page.
        closure.forget();
        return;
    }
    let held = SendWrapper::new((target.clone(), closure));
    on_cleanup(move || {
        let (target, closure) = &*held;
        let _ = target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    });
}

/// Runs `f` now and again whenever a signal it read changes, until the owner is disposed.
/// Boxed, so the wasm holds one render effect for every reactive text and attribute.
#[inline(never)]
fn effect(f: Box<dyn Fn()>) {
    let effect = RenderEffect::new(move |_| f());
    on_cleanup(move || drop(effect));
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).unwrap_throw()
}

/// A built element as a Leptos view, to return from a component or place in a `view!`.
pub struct Dom(SendWrapper<Element>);

impl From<El> for Dom {
    fn from(el: El) -> Dom {
        Dom::from_element(el.0)
    }
}

impl Dom {
    /// An element built before, as a view.
    pub fn from_element(el: Element) -> Dom {
        Dom(SendWrapper::new(el))
    }
}

/// A component built with this module, placed in another: `.child(view! { <PhoneField … /> }.into_inner())`.
impl From<Dom> for Node {
    fn from(dom: Dom) -> Node {
        dom.0.take().into()
    }
}

/// The mounted [`Dom`]: its element.
pub struct DomState(Element);

impl Mountable for DomState {
    fn unmount(&mut self) {
        self.0.remove();
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        let _ = parent.insert_before(&self.0, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        match self.0.parent_element() {
            Some(parent) => {
                child.mount(&parent, Some(&self.0));
                true
            }
            None => false,
        }
    }

    fn elements(&self) -> Vec<Element> {
        vec![self.0.clone()]
    }
}

impl Render for Dom {
    type State = DomState;

    fn build(self) -> DomState {
        DomState(self.0.take())
    }

    /// An element keeps itself up to date, so a rebuild is another element taking the place of
    /// the one before (another step: every `Dom` is the same type to tachys).
    fn rebuild(self, state: &mut DomState) {
        let new = self.0.take();
        if new != state.0 {
            if let Some(parent) = state.0.parent_node() {
                let _ = parent.insert_before(&new, Some(&state.0));
            }
            state.0.remove();
            state.0 = new;
        }
    }
}

impl AddAnyAttr for Dom {
    type Output<SomeNewAttr: Attribute> = Dom;

    /// Attributes spread onto the component are not supported: they are ignored.
    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Dom {
        self
    }
}

/// The widget renders in the browser only (`csr`): there is no HTML to write or hydrate.
impl RenderHtml for Dom {
    type AsyncOutput = Self;
    type Owned = Self;
    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    fn to_html_with_buf(
        self,
        _buf: &mut String,
        _position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> DomState {
        self.build()
    }

    fn into_owned(self) -> Self {
        self
    }
}
